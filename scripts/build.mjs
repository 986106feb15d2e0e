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
  // jsonc-parser's "main" is a UMD build whose dynamic require('./impl/…') esbuild cannot follow;
  // its "module" build is plain ESM. Prefer "module" so both bundle whole.
  mainFields: ['module', 'main'],
  // Some ESM-only dependencies read import.meta.url; give them the CJS equivalent.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The server and the CLI each start from a small entry that compiles their bundle with V8's code
  // cache (server/src/node/codeCache.ts); the bundles are what those entries load.
  { entryPoints: ['server/src/node/serverEntry.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server-main.js' },
  { entryPoints: ['server/src/cli/entry.ts'], outfile: 'dist/cli.js', banner: { js: "#!/usr/bin/env node\nconst importMetaUrl = require('url').pathToFileURL(__filename).href;" } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  // The GitHub Action's bundle is committed (its users get no build step): the same bytes from every
  // build, --production or not, so test/action/bundle.test.ts can tell when the committed one is stale.
  { entryPoints: ['server/src/action/main.ts'], outfile: 'dist/action.js', minify: false, sourcemap: false },
];

// Scripts that run in a browser context: the timeline webview and the markdown preview's mermaid
// renderer (mermaid bundled in, so the preview needs no network). Plain IIFEs, always minified (mermaid is large).
const browser = { platform: 'browser', format: 'iife', target: 'es2022', define: {}, banner: { js: '' }, mainFields: ['browser', 'module', 'main'] };
entries.push(
  { ...browser, entryPoints: ['client/browser/timelineView.ts'], outfile: 'dist/timelineView.js' },
  { ...browser, entryPoints: ['client/browser/markdownPreview.ts'], outfile: 'dist/markdownPreview.js', minify: true, sourcemap: false },
);

// The extension-host suite: each test/vscode/suite/*.ts becomes its own file, so the suite's index
// hands mocha one bundled file per feature; only vscode comes from the host (mocha is bundled).
import { existsSync, readdirSync } from 'node:fs';
const suiteDir = 'test/vscode/suite';
const suiteFiles = existsSync(suiteDir) ? readdirSync(suiteDir).filter((f) => f.endsWith('.ts')).map((f) => `${suiteDir}/${f}`) : [];
const optionalEntries = suiteFiles.length > 0
  // mocha's parallel mode (unused here) require.resolve()s its worker files: esbuild's warning about it is noise.
  ? [{ entryPoints: suiteFiles, outdir: 'dist/test/vscode/suite', external: ['vscode'], logOverride: { 'require-resolve-not-external': 'silent' } }]
  : [];

// The web extension (package.json `browser`): the client for a browser extension host and the server
// as a web worker. No Node banner/define; the lsp layer's two node: imports map to browser shims.
// Both run in workers (the web extension host is one): 'worker' picks packages' DOM-free builds.
const browserCommon = { platform: 'browser', target: 'es2022', format: 'cjs', conditions: ['worker'], banner: {}, define: {} };
const browserEntries = [
  { ...browserCommon, entryPoints: ['client/src/browser/extension.ts'], outfile: 'dist/browser/client.js', external: ['vscode'] },
  {
    ...browserCommon,
    entryPoints: ['server/src/browser/main.ts'],
    outfile: 'dist/browser/server.js',
    format: 'iife',
    alias: { 'node:path': './server/src/browser/shims/path.ts', 'node:url': './server/src/browser/shims/url.ts' },
  },
];

// The web extension-host suite (npm run test:vscode-web): one worker bundle, mocha's browser build.
if (existsSync('test/vscode/web/index.ts')) {
  browserEntries.push({
    ...browserCommon,
    entryPoints: ['test/vscode/web/index.ts'],
    outfile: 'dist/test/vscode/web/index.js',
    external: ['vscode'],
    alias: { 'node:assert': './test/vscode/web/assert.ts' },
  });
}

const all = [...entries, ...browserEntries, ...optionalEntries];

if (watch) {
  const contexts = await Promise.all(all.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching…');
} else {
  await Promise.all(all.map((e) => esbuild.build({ ...common, ...e })));
}
