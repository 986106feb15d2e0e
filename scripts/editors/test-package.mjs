// `npm run test:package`: proves the packaged extension stands on its own. Builds the .vsix
// (`npm run package`), installs it with code-server's own `--install-extension` into a temp folder,
// checks that nothing but the bundles and contributed files shipped (no node_modules), and runs the
// extension-host suite against that installed copy instead of this checkout.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { provision } from './provision.mjs';
import { CODE_SERVER_BIN, ROOT, makeRunDir, removeDir, xdgEnv } from './lib/editor-env.mjs';

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

const runDir = makeRunDir('package');
let failed = false;
try {
  provision(['vscode']);
  const { version, publisher, name } = JSON.parse(spawnSync(process.execPath, ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: ROOT, encoding: 'utf8' }).stdout);
  const vsix = join(ROOT, `${name}-${version}.vsix`);
  rmSync(vsix, { force: true });
  // vsce's warnings (missing icon, repository, changelog…) go to its output, not its exit code
  const packaged = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
  process.stdout.write(packaged.stdout ?? '');
  process.stderr.write(packaged.stderr ?? '');
  if (packaged.status !== 0) throw new Error(`npm run package failed (exit ${packaged.status ?? packaged.signal})`);
  const warnings = `${packaged.stdout}\n${packaged.stderr}`.split('\n').filter((l) => /\bWARNING\b/i.test(l));
  if (warnings.length) throw new Error(`vsce package warned: ${warnings.join(' | ')}`);
  if (!existsSync(vsix)) throw new Error(`npm run package did not write ${vsix}`);

  const extensionsDir = join(runDir, 'extensions');
  run(process.execPath, [CODE_SERVER_BIN, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', join(runDir, 'user-data')], {
    env: { ...process.env, ...xdgEnv(runDir), HOME: join(runDir, 'home') },
  });
  const installed = join(extensionsDir, `${publisher}.${name}-${version}`);
  if (!existsSync(installed)) throw new Error(`the extension was not installed at ${installed}`);
  const files = listFiles(installed);
  const stray = files.filter((f) => f.startsWith('node_modules/') || f.startsWith('server/') || f.startsWith('client/') || f.startsWith('test/'));
  if (stray.length) throw new Error(`the package ships source or dependencies: ${stray.slice(0, 5).join(', ')}`);
  // vsce stores README.md and CHANGELOG.md lower-cased
  const shipped = ['package.nls.json', 'changelog.md', 'media/icon.png', 'templates/release-plan-template.md', 'walkthroughs/sample-release-plan.md'];
  for (const needed of ['dist/client.js', 'dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/cli-main.js', 'dist/timelineView.js', 'dist/markdownPreview.js', 'media/timeline.css', 'dist/browser/client.js', 'dist/browser/server.js', 'package.json', ...shipped]) {
    if (!files.some((f) => f.toLowerCase() === needed.toLowerCase())) throw new Error(`the package lacks ${needed}`);
  }
  console.log(`test:package: ${vsix.slice(ROOT.length + 1)} installed (${files.length} files); running the suite against the installed copy`);
  rmSync(vsix, { force: true });
  // the suite bundle comes from this checkout; the extension under test is the installed one
  run(process.execPath, ['scripts/editors/test-vscode.mjs', '--suite-only', '--extension', installed]);
} catch (err) {
  failed = true;
  console.error(`test:package: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  removeDir(runDir);
}
process.exitCode = failed ? 1 : 0;
