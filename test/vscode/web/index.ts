// The extension-host suite's core for the web-worker extension host (extensionTestsPath of
// `npm run test:vscode-web`): the shared diagnostics and hover suites, bundled for a worker with
// mocha's browser build. node:assert is aliased to assert.ts at bundle time (no Node in a worker).
import { failuresSoFar, mocha, REPORT_TAG, RESULT_TAG } from './setup';
import './extensionHost.test';
import '../suite/diagnostics.test';
import '../suite/hover.test';

// The workbench reports neither the end of a web-worker host's tests (codeAutomationExit) nor, it
// turns out, anything the run logs once mocha's end event has fired: a root-level `after` hook is
// the last point whose console lines reliably reach the runner.
after(() => console.log(`${REPORT_TAG}${RESULT_TAG}${failuresSoFar() ?? 'unknown'}`));

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web extension-host test(s) failed`)) : resolve()));
  });
}
