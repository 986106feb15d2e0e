// The editing pictures of the README as a person makes them, in a real VS Code (code-server) driven
// by the test Chromium, each into `resultsDir`:
//   hover.png       — a toggle's hover (registry description, Flipper link)
//   completion.png  — toggle names offered in a new toggle-table row
//   status-bar.png  — the rollout status bar entry (`Stage B · 5% · day 2/3`, releasePlan.today pinned)
//   diagnostics.png — squiggles on a seed plan with the Problems view open
//   quick-fix.png   — the quick fixes on a [PICK_ONE]
// Used by scripts/editors/screenshots.mjs (`npm run screenshots`, → docs/images/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { remoteUri, workbenchUrl } from './editor-env.mjs';

const WAIT_MS = 60_000;
// the sample plan's Stage B (7/21/25 – 7/23/25) is running on this day
export const EDITING_TODAY = '2025-07-22';

async function openPlan(page, port, workspace, extensionPath, file) {
  await page.goto(workbenchUrl(port, workspace, [
    ['extensionDevelopmentPath', remoteUri(port, extensionPath)],
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

export async function runEditingShots({ context, port, workspace, extensionPath, resultsDir }) {
  // workspace settings, so the rollout views' own workspace (ui-views-smoke.mjs) is not affected
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'releasePlan.today': EDITING_TODAY, 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false }, null, 2));
  const OUT = resultsDir;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 760 });

  // 1. hover on a toggle (seed 003's table is at the top)
  await openPlan(page, port, workspace, extensionPath, 'seeds/003-avs-release-plan.md');
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
  await page.close();
  return ['hover', 'completion', 'status-bar', 'diagnostics', 'quick-fix'].map((n) => `${n}.png`);
}
