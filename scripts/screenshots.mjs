// Regenerates the README's screenshots (docs/images/*.png) from the real extension in code-server,
// driven as a user would with the test Chromium:
//   npm run screenshots
// diagnostics.png  — squiggles on a seed plan with the Problems view open
// hover.png        — a toggle's hover (registry description, Flipper link)
// completion.png   — toggle names offered in a new toggle-table row
// quick-fix.png    — the quick fixes on a [PICK_ONE]
// status-bar.png   — the rollout status bar entry (`Stage B · 5% · day 2/3`, releasePlan.today pinned)
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provision } from './provision.mjs';
import {
  freePort, launchChromium, makeRunDir, makeWorkspace, remoteUri, removeDir, ROOT, startCodeServer, withTimeout, workbenchUrl, writeUserSettings,
} from './lib/editor-env.mjs';

const WAIT_MS = 60_000;
const OUT = join(ROOT, 'docs', 'images');
// the sample plan's Stage B (7/21/25 – 7/23/25) is running on this day
const TODAY = '2025-07-22';

async function openPlan(page, port, workspace, file) {
  await page.goto(workbenchUrl(port, workspace, [
    ['extensionDevelopmentPath', remoteUri(port, ROOT)],
    ['openFile', remoteUri(port, join(workspace, file))],
  ]));
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: WAIT_MS });
  await page.locator('.monaco-editor .squiggly-info, .monaco-editor .squiggly-warning').first().waitFor({ timeout: WAIT_MS });
}

async function goToLine(page, line) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
}

/** Moves onto `locator` (off and back) until a hover matching `hover` shows. */
async function hoverUntil(page, locator, hover) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const box = await locator.boundingBox({ timeout: WAIT_MS });
    await page.mouse.move(5, 5);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    try {
      await hover.waitFor({ timeout: 3_000 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
}

const runDir = makeRunDir('screenshots');
let server;
let context;
try {
  provision(['vscode']);
  mkdirSync(OUT, { recursive: true });
  const workspace = makeWorkspace(join(runDir, 'workspace'));
  writeUserSettings(join(runDir, 'user-data'), { 'releasePlan.today': TODAY, 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false });
  const port = await freePort();
  server = await startCodeServer({ port, runDir, folder: workspace });
  context = await launchChromium(runDir);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 760 });

  // 1. hover on a toggle (seed 003's table is at the top)
  await openPlan(page, port, workspace, 'seeds/003-avs-release-plan.md');
  await hoverUntil(
    page,
    page.locator('.monaco-editor .view-line span', { hasText: /^avs_enabled$/ }).first(),
    page.locator('.monaco-hover:not(.hidden)', { hasText: 'Enables the After Visit Summary API' }).first(),
  );
  await page.screenshot({ path: join(OUT, 'hover.png') });
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');

  // 2. completion: a new toggle-table row after the last one
  await goToLine(page, 9); // the empty line right after the table
  await page.keyboard.type('| `va_online');
  await page.keyboard.press('Control+Space');
  await page.locator('.suggest-widget.visible .monaco-list-row').first().waitFor({ timeout: WAIT_MS });
  await page.screenshot({ path: join(OUT, 'completion.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Z');

  // 3. diagnostics + quick fix on seed 000 (dated: the status bar shows Stage B)
  await page.keyboard.press('Control+P');
  await page.keyboard.type('000-dispute-debt-release-plan.md');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: '000-dispute-debt' }).first().waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: '000-dispute-debt-release-plan.md' }).waitFor({ timeout: WAIT_MS });
  const status = page.locator('.statusbar-item', { hasText: 'Stage B · 5% · day 2/3' }).first();
  await status.waitFor({ timeout: WAIT_MS });
  const bar = await page.locator('.part.statusbar').boundingBox();
  await page.screenshot({ path: join(OUT, 'status-bar.png'), clip: { x: 0, y: bar.y - 2, width: Math.min(760, bar.width), height: bar.height + 4 } });

  const text = readFileSync(join(workspace, 'seeds', '000-dispute-debt-release-plan.md'), 'utf8').split('\n');
  const pickLine = text.findIndex((l) => l.includes('[PICK_ONE]')) + 1;
  await goToLine(page, pickLine);
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: WAIT_MS });
  await page.locator('.monaco-editor .view-lines').first().click();
  await goToLine(page, pickLine);
  await page.screenshot({ path: join(OUT, 'diagnostics.png') });

  // the quick fix menu on the [PICK_ONE]
  const pick = page.locator('.monaco-editor .view-line span', { hasText: /PICK_ONE/ }).first();
  await pick.click();
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget', { hasText: /yes|no/i }).first().waitFor({ timeout: WAIT_MS });
  await page.screenshot({ path: join(OUT, 'quick-fix.png') });
  await page.keyboard.press('Escape');
  console.log(`screenshots: docs/images/{hover,completion,status-bar,diagnostics,quick-fix}.png written`);
} catch (err) {
  await context?.pages()[0]?.screenshot({ path: join(runDir, '..', 'release-plan-screenshots-failure.png') }).catch(() => {});
  console.error(`screenshots: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  process.exitCode = 1;
} finally {
  if (context) await withTimeout(context.close(), 10_000, 'closing chromium').catch(() => {});
  if (server) server.stop();
  removeDir(runDir);
}
