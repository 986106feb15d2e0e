// `npm run test:vscode`: runs the extension-host suite (test/vscode/suite, bundled to
// dist/test/vscode/suite) inside a real VS Code extension host — code-server 4.100.3 driven by
// headless Chromium — then a UI smoke test on the same server. Exits with the result.
//
//   node scripts/editors/test-vscode.mjs [--grep <pattern>] [--suite-only | --ui-only] [--keep] [--verbose]
//                                [--extension <dir>]   (default: this project; must be built)
//
// Everything runs under a fresh temp folder (XDG dirs, user data, extensions, browser profile,
// the sample workspace) that is removed afterwards; code-server runs in its own process group,
// which is killed on success, failure, Ctrl-C and the hard timeout alike.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { provision } from './provision.mjs';
import {
  ROOT,
  freePort,
  launchChromium,
  makeRunDir,
  makeWorkspace,
  remoteUri,
  removeDir,
  startCodeServer,
  withTimeout,
  workbenchUrl,
  writeUserSettings,
} from './lib/editor-env.mjs';
import { runUiSmoke } from './lib/ui-smoke.mjs';
import { runViewsSmoke } from './lib/ui-views-smoke.mjs';
import { runGuard } from './lib/runGuard.mjs';

const { values: opts } = parseArgs({
  options: {
    grep: { type: 'string' },
    'suite-only': { type: 'boolean', default: false },
    'ui-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    extension: { type: 'string', default: ROOT },
  },
});

const HARD_TIMEOUT_MS = 8 * 60_000; // the whole run, provisioning included
const SUITE_TIMEOUT_MS = 5 * 60_000;
const extensionPath = resolve(opts.extension);
const suiteIndex = join(ROOT, 'dist', 'test', 'vscode', 'suite', 'index.js');

const { cleanups, exitAfterCleanup } = runGuard('test:vscode', HARD_TIMEOUT_MS);

// test/vscode/suite/index.ts tags each reporter line with this; the workbench relays the extension
// host's console to the browser console among its own messages.
const REPORT_TAG = '[release-plan-suite] ';

/** Prints the suite's reporter lines (and, with --verbose, everything else the browser logs). */
function forwardConsole(page, { verbose }) {
  page.on('console', (msg) => {
    const text = msg.text();
    const at = text.indexOf(REPORT_TAG);
    if (at !== -1) process.stdout.write(`${text.slice(at + REPORT_TAG.length)}\n`);
    else if (verbose) process.stderr.write(`[browser ${msg.type()}] ${text}\n`);
  });
  page.on('pageerror', (err) => {
    if (verbose) process.stderr.write(`[browser pageerror] ${err.message}\n`);
  });
}

async function runSuite(context, port, workspace) {
  const page = await context.newPage();
  let exitCode;
  const exited = new Promise((resolveExit) => {
    exitCode = resolveExit;
  });
  // Must exist before the workbench loads: it calls this with 0 when run() resolves, 1 when it throws.
  await page.exposeFunction('codeAutomationExit', (code) => {
    exitCode(code);
  });
  forwardConsole(page, { verbose: opts.verbose });
  const url = workbenchUrl(port, workspace, [
    ['extensionDevelopmentPath', remoteUri(port, extensionPath)],
    ['extensionTestsPath', remoteUri(port, suiteIndex)],
  ]);
  await page.goto(url);
  const code = await withTimeout(exited, SUITE_TIMEOUT_MS, 'the extension-host suite');
  await page.close();
  return code;
}

async function main() {
  const started = Date.now();
  provision(['vscode']);
  if (!existsSync(join(extensionPath, 'package.json'))) throw new Error(`no extension at ${extensionPath}`);
  if (!opts['ui-only'] && !existsSync(suiteIndex)) throw new Error(`${suiteIndex} is missing: run npm run build first`);

  const runDir = makeRunDir('vscode');
  cleanups.push(() => {
    if (opts.keep) console.log(`test:vscode: kept ${runDir}`);
    else removeDir(runDir);
  });
  const workspace = makeWorkspace(join(runDir, 'workspace'));
  writeUserSettings(join(runDir, 'user-data'));
  if (opts.grep) process.env.RELEASE_PLAN_TEST_GREP = opts.grep; // inherited by the extension host
  // the suite checks that the extension it drives is the one asked for (the checkout, or an installed .vsix)
  process.env.RELEASE_PLAN_EXPECT_EXTENSION_PATH = extensionPath;

  const port = await freePort();
  const server = await startCodeServer({ port, runDir, folder: workspace, log: opts.verbose });
  cleanups.push(() => server.stop());
  const context = await launchChromium(runDir);
  cleanups.push(() => withTimeout(context.close(), 10_000, 'closing chromium'));
  console.log(`test:vscode: code-server ${port} and chromium up after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let failed = false;
  if (!opts['ui-only']) {
    const code = await runSuite(context, port, workspace);
    console.log(`test:vscode: extension-host suite ${code === 0 ? 'passed' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    failed ||= code !== 0;
  }
  if (!opts['suite-only']) {
    const resultsDir = join(ROOT, 'test-results');
    mkdirSync(resultsDir, { recursive: true });
    const smoke = await runUiSmoke({ context, port, workspace, extensionPath, resultsDir, verbose: opts.verbose });
    for (const line of smoke.log) console.log(`  ${line}`);
    console.log(`test:vscode: UI smoke ${smoke.ok ? 'passed' : 'FAILED'}; screenshot ${smoke.screenshot}`);
    failed ||= !smoke.ok;
    // the rollout views (CodeLens, Release Plans view, timeline webview), pictures into test-results/
    const views = await runViewsSmoke({ context, port, workspace, extensionPath, resultsDir });
    for (const line of views.log) console.log(`  ${line}`);
    console.log(`test:vscode: views smoke ${views.ok ? 'passed' : 'FAILED'}`);
    failed ||= !views.ok;
  }
  if (failed && !opts.verbose) console.log(`test:vscode: code-server log:\n${server.output()}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => exitAfterCleanup(code),
  (err) => exitAfterCleanup(1, err?.stack ?? String(err)),
);
