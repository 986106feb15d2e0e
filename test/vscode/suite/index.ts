// The extension host's test entry (extensionTestsPath, the @vscode/test-electron model): runs every
// *.test.js bundled next to this file with mocha. One file per feature, so adding a feature's tests
// needs no change here. RELEASE_PLAN_TEST_GREP (set by the runners' --grep) narrows the run.
//
// mocha is bundled into this file (not loaded from node_modules): mocha 12 is ES modules that need
// Node's require(esm) (20.19+), which code-server's Node has but VS Code's Electron may not.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

/** Prefix of every reporter line, so a runner can pick the suite's output out of the host's log. */
export const REPORT_TAG = '[release-plan-suite] ';

export async function run(): Promise<void> {
  // One console.log call per reporter line, tagged: code-server relays extension-host console
  // output to the browser console among the workbench's own messages.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(REPORT_TAG + format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.RELEASE_PLAN_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) throw new Error(`no *.test.js files next to ${__filename}`);
  for (const f of files) mocha.addFile(join(__dirname, f));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
