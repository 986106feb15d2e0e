// The rollout views as a person sees them: opens seed 000 with the day pinned (releasePlan.today,
// written to the workspace's settings), waits for the CodeLens, opens the Release Plans view and the
// timeline webview, and saves a screenshot of each (codelens.png, release-plans-view.png,
// timeline-webview.png) into `resultsDir`. Used by the UI smoke (test:vscode → test-results/) and by
// scripts/editors/screenshots.mjs (→ docs/images/, shown in the README).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { remoteUri, workbenchUrl } from './editor-env.mjs';

const SEED = 'seeds/000-dispute-debt-release-plan.md';
export const VIEWS_TODAY = '2025-07-24';
const WAIT_MS = 60_000;

export async function runViewsSmoke({ context, port, workspace, extensionPath, resultsDir }) {
  const log = [];
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'releasePlan.today': VIEWS_TODAY, 'editor.minimap.enabled': false }, null, 2));
  const page = await context.newPage();
  const failShot = join(resultsDir, 'vscode-ui-views-failure.png');
  const step = async (name, fn) => {
    const t = Date.now();
    const detail = await fn();
    log.push(`ok   ${name}${detail ? ` — ${detail}` : ''} (${Date.now() - t} ms)`);
  };
  const palette = async (text) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(`>${text}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
  };
  try {
    await page.goto(workbenchUrl(port, workspace, [
      ['extensionDevelopmentPath', remoteUri(port, extensionPath)],
      ['openFile', remoteUri(port, join(workspace, SEED))],
    ]));
    await step(`open ${SEED}`, async () => {
      await page.locator('.tab.active', { hasText: '000-dispute-debt-release-plan.md' }).waitFor({ timeout: WAIT_MS });
    });
    await step('CodeLens on the title and the stages', async () => {
      const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'Stage C of E' });
      await lens.first().waitFor({ timeout: WAIT_MS });
      // the stage lenses are further down: go to Stage C's heading as a user would (Ctrl+G)
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.keyboard.type('100');
      await page.keyboard.press('Enter');
      const current = page.locator('.monaco-editor .codelens-decoration', { hasText: 'current' });
      await current.first().waitFor({ timeout: WAIT_MS });
      await page.screenshot({ path: join(resultsDir, 'codelens.png') });
      return (await current.first().innerText()).trim();
    });
    await step('Release Plans view grouped by state', async () => {
      await palette('Explorer: Focus on Release Plans View');
      const row = page.locator('.monaco-list-row', { hasText: /Late|Rolling out now/ });
      await row.first().waitFor({ timeout: WAIT_MS });
      await page.screenshot({ path: join(resultsDir, 'release-plans-view.png') });
      return (await row.first().innerText()).replace(/\s+/g, ' ');
    });
    await step('timeline webview', async () => {
      await page.locator('.tab', { hasText: '000-dispute-debt-release-plan.md' }).first().click();
      await palette('Release Plan: Show Timeline');
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const bar = frame.locator('.bar.stage');
      await bar.first().waitFor({ timeout: WAIT_MS });
      const count = await bar.count();
      await page.screenshot({ path: join(resultsDir, 'timeline-webview.png') });
      return `${count} stage bars`;
    });
    await page.close();
    return { ok: true, log };
  } catch (err) {
    log.push(`FAIL ${String(err?.message ?? err).split('\n')[0]}`);
    await page.screenshot({ path: failShot }).catch(() => {});
    await page.close().catch(() => {});
    return { ok: false, log, screenshot: failShot };
  }
}
