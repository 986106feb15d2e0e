// Bundles the extension client, the language server and the CLI into dist/ with esbuild, so the
// installed extension never depends on node_modules at run time.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Some ESM-only dependencies read import.meta.url; give them the CJS equivalent.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: "#!/usr/bin/env node\nconst importMetaUrl = require('url').pathToFileURL(__filename).href;" } },
];

const optionalEntries = [
  { entryPoints: ['test/vscode/suite/index.ts'], outfile: 'dist/test/vscode/suite/index.js', external: ['vscode', 'mocha'] },
];

import { existsSync } from 'node:fs';
const all = [...entries, ...optionalEntries.filter((e) => existsSync(e.entryPoints[0]))];

if (watch) {
  const contexts = await Promise.all(all.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching…');
} else {
  await Promise.all(all.map((e) => esbuild.build({ ...common, ...e })));
}
