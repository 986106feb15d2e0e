// `npm run test:vscode-web`: the extension in code-server's *web-worker* extension host — the host
// vscode.dev and github.dev run extensions in. A test build of the extension whose package.json has
// the `browser` entry and no `main` (so no Node host can take it) is loaded as the development
// extension; the suite core (test/vscode/web, bundled for a worker) checks diagnostics on the seeds
// and hovers there. Exits with the result.
//
//   node scripts/editors/test-vscode-web.mjs [--keep] [--verbose]
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { provision } from './provision.mjs';
import { runGuard } from './lib/runGuard.mjs';
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

const { values: opts } = parseArgs({ options: { keep: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } } });
const HARD_TIMEOUT_MS = 6 * 60_000;
const SUITE_TIMEOUT_MS = 4 * 60_000;
// the same tags as test/vscode/web/setup.ts
const REPORT_TAG = '[release-plan-suite] ';
const RESULT_TAG = 'web suite finished, failures: ';
const suiteIndex = join(ROOT, 'dist', 'test', 'vscode', 'web', 'index.js');

const { cleanups, exitAfterCleanup } = runGuard('test:vscode-web', HARD_TIMEOUT_MS);

/** The extension as a web-only build: the manifest without `main`, and what the browser entry needs. */
function makeWebOnlyExtension(dir) {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  delete manifest.main;
  delete manifest.bin;
  delete manifest.scripts;
  delete manifest.devDependencies;
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  cpSync(join(ROOT, 'dist', 'browser'), join(dir, 'dist', 'browser'), { recursive: true });
  // what the browser client opens besides its own bundle: the timeline webview's script and stylesheet,
  // the markdown preview script, the check docs the diagnostics link to, and any localized manifest strings
  for (const f of ['timelineView.js', 'markdownPreview.js']) cpSync(join(ROOT, 'dist', f), join(dir, 'dist', f));
  for (const d of ['syntaxes', 'snippets', 'schemas', 'media', 'docs', 'templates', 'walkthroughs']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  for (const f of readdirSync(ROOT).filter((n) => /^package\.nls(\.[\w-]+)?\.json$/.test(n))) cpSync(join(ROOT, f), join(dir, f));
  // The workbench runs extensionTestsPath in the host of the extension whose folder contains it:
  // inside this folder, the suite runs in the web-worker host next to the extension it tests.
  mkdirSync(join(dir, 'test'), { recursive: true });
  cpSync(suiteIndex, join(dir, 'test', 'index.js'));
  return dir;
}

async function main() {
  provision(['vscode']);
  for (const f of [suiteIndex, join(ROOT, 'dist', 'browser', 'server.js')]) if (!existsSync(f)) throw new Error(`${f} is missing: run npm run build first`);
  const runDir = makeRunDir('vscode-web');
  cleanups.push(() => (opts.keep ? console.log(`test:vscode-web: kept ${runDir}`) : removeDir(runDir)));
  const workspace = makeWorkspace(join(runDir, 'workspace'));
  const extension = makeWebOnlyExtension(join(runDir, 'web-extension'));
  writeUserSettings(join(runDir, 'user-data'));

  const port = await freePort();
  const server = await startCodeServer({ port, runDir, folder: workspace, log: opts.verbose });
  cleanups.push(() => server.stop());
  const context = await launchChromium(runDir);
  cleanups.push(() => withTimeout(context.close(), 10_000, 'closing chromium'));

  const page = await context.newPage();
  let exitCode;
  const exited = new Promise((resolve) => (exitCode = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => exitCode(code));
  // the web-worker host logs straight to the page's console (its worker is the page's)
  const seen = [];
  const onConsole = (msg) => {
    const text = msg.text();
    const at = text.indexOf(REPORT_TAG);
    if (at !== -1) {
      const line = text.slice(at + REPORT_TAG.length);
      process.stdout.write(`${line}\n`);
      // the workbench never calls codeAutomationExit for a web-worker host's tests: the suite says when it is done
      if (line.startsWith(RESULT_TAG)) exitCode(Number(line.slice(RESULT_TAG.length)) === 0 ? 0 : 1);
    }
    else {
      seen.push(`[${msg.type()}] ${text}`);
      if (opts.verbose) process.stderr.write(`[browser ${msg.type()}] ${text}\n`);
    }
  };
  page.on('console', onConsole);
  page.on('worker', (worker) => worker.on('console', onConsole));
  await page.goto(
    workbenchUrl(port, workspace, [
      ['extensionDevelopmentPath', remoteUri(port, extension)],
      ['extensionTestsPath', remoteUri(port, join(extension, 'test', 'index.js'))],
    ]),
  );
  const code = await withTimeout(exited, SUITE_TIMEOUT_MS, 'the web extension-host suite').catch((err) => {
    console.log(`test:vscode-web: ${err.message}; last browser messages:\n  ${seen.slice(-40).join('\n  ')}`);
    return 1;
  });
  console.log(`test:vscode-web: web-worker extension-host suite ${code === 0 ? 'passed' : 'FAILED'}`);
  if (code !== 0 && !opts.verbose) console.log(`test:vscode-web: code-server log:\n${server.output()}`);
  return code === 0 ? 0 : 1;
}

main().then(
  (code) => exitAfterCleanup(code),
  (err) => exitAfterCleanup(1, err?.stack ?? String(err)),
);
