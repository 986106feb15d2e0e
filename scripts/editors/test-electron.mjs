// `npm run test:electron`: the same extension-host suite as `npm run test:vscode`, run the standard
// way — @vscode/test-electron downloads VS Code desktop (1.100.3, matching engines.vscode) into
// .cache/vscode-test and starts it with the extension under development. For machines that can reach
// Microsoft's update server (a developer laptop, GitHub Actions); on a headless Linux box run it under
// `xvfb-run -a`. Where the download host is unreachable it fails with ENOTFOUND: use test:vscode.
//
//   node scripts/editors/test-electron.mjs [--grep <pattern>]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { CACHE, ROOT, makeRunDir, makeWorkspace, removeDir, writeUserSettings, xdgEnv } from './lib/editor-env.mjs';

const { values: opts } = parseArgs({ options: { grep: { type: 'string' } } });
const suiteIndex = join(ROOT, 'dist', 'test', 'vscode', 'suite', 'index.js');
if (!existsSync(suiteIndex)) {
  console.error(`test:electron: ${suiteIndex} is missing: run npm run build first`);
  process.exit(1);
}

const runDir = makeRunDir('electron');
let code = 1;
try {
  const workspace = makeWorkspace(join(runDir, 'workspace'));
  const userDataDir = join(runDir, 'user-data');
  writeUserSettings(userDataDir);
  // VS Code and its extension host inherit these: nothing is written into the home folder.
  Object.assign(process.env, xdgEnv(runDir));
  await runTests({
    version: '1.100.3',
    cachePath: join(CACHE, 'vscode-test'),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suiteIndex,
    extensionTestsEnv: opts.grep ? { RELEASE_PLAN_TEST_GREP: opts.grep } : {},
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', userDataDir,
      '--extensions-dir', join(runDir, 'extensions'),
    ],
  });
  code = 0;
} catch (err) {
  console.error(`test:electron: ${err?.message ?? err}`);
} finally {
  removeDir(runDir);
}
process.exit(code);
