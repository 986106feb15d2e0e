// The UI smoke test: what a person sees in the browser. Opens seed 003 in the workbench with the
// extension loaded, hovers a feature toggle, waits for the checks' squiggles and the Problems count
// in the status bar, hovers a placeholder squiggle, and saves screenshots under test-results/
// (vscode-ui-toggle-hover.png, vscode-ui-smoke.png). Then opens seeds 000 and 004 on their own, each with
// the Problems panel open, and saves vscode-ui-problems-000.png / -004.png with the status bar's count
// (errors, warnings, infos; hints are never listed in the Problems panel).
/* global document -- used inside page.waitForFunction, which runs in the browser */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { remoteUri, workbenchUrl } from './editor-env.mjs';

const SEED = 'seeds/003-avs-release-plan.md';
const WAIT_MS = 60_000;

/** Each step logs a line; the first failing step stops the smoke and is reported with a screenshot. */
export async function runUiSmoke({ context, port, workspace, extensionPath, resultsDir }) {
  const log = [];
  const page = await context.newPage();
  const screenshot = join(resultsDir, 'vscode-ui-smoke.png');
  const step = async (name, fn) => {
    const t = Date.now();
    const detail = await fn();
    log.push(`ok   ${name}${detail ? ` — ${detail}` : ''} (${Date.now() - t} ms)`);
  };
  try {
    const url = workbenchUrl(port, workspace, [
      ['extensionDevelopmentPath', remoteUri(port, extensionPath)],
      ['openFile', remoteUri(port, join(workspace, SEED))],
    ]);
    await page.goto(url);

    await step(`open ${SEED}`, async () => {
      await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: WAIT_MS });
      await page.locator('.tab.active', { hasText: '003-avs-release-plan.md' }).waitFor({ timeout: WAIT_MS });
    });

    await step('hover the toggle avs_enabled', async () => {
      // The toggle table is at the top of the plan, visible right after opening. The first hover may
      // come before the language server is up, and the editor asks again only when the mouse moves:
      // so move off and back until the hover shows (bounded by WAIT_MS).
      const name = page.locator('.monaco-editor .view-line span', { hasText: /^avs_enabled$/ }).first();
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Enables the After Visit Summary API' }).first();
      const deadline = Date.now() + WAIT_MS;
      for (;;) {
        const box = await name.boundingBox({ timeout: WAIT_MS });
        if (!box) throw new Error('the toggle name has no box');
        await page.mouse.move(5, 5);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
        try {
          await hover.waitFor({ timeout: 3_000 });
          break;
        } catch (err) {
          if (Date.now() > deadline) throw err;
        }
      }
      await page.screenshot({ path: join(resultsDir, 'vscode-ui-toggle-hover.png') });
      const text = (await hover.innerText()).replace(/\s+/g, ' ');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      return text.slice(0, 120);
    });

    // The first placeholder is below the fold: go to its line as a user would (Ctrl+G).
    const firstLine = readFileSync(join(workspace, SEED), 'utf8').split('\n').findIndex((l) => l.includes('[FILL_IN]')) + 1;
    await step(`go to line ${firstLine}, the first [FILL_IN]`, async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.keyboard.type(String(firstLine));
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .line-numbers', { hasText: new RegExp(`^${firstLine}$`) }).first().waitFor({ timeout: WAIT_MS });
    });

    // seed 003 is a draft: the results of stages that have not run are hints (dotted), not squiggles
    const squiggles = page.locator('.monaco-editor .squiggly-hint, .monaco-editor .squiggly-info, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-error');
    await step('squiggles on the plan', async () => {
      await squiggles.first().waitFor({ timeout: WAIT_MS });
      return `${await squiggles.count()} visible`;
    });

    await step('Problems count in the status bar', async () => {
      const problems = page.locator('[id="status.problems"]');
      await problems.waitFor({ timeout: WAIT_MS });
      // The item's label counts errors, warnings and infos; wait until one of them is non-zero.
      await page.waitForFunction(
        () => {
          const el = document.getElementById('status.problems');
          const label = el?.querySelector('a')?.getAttribute('aria-label') ?? el?.getAttribute('aria-label') ?? '';
          return /[1-9]/.test(label);
        },
        undefined,
        { timeout: WAIT_MS },
      );
      const el = problems.locator('a').first();
      return (await el.getAttribute('aria-label')) ?? (await problems.innerText());
    });

    await step('hover a placeholder squiggle', async () => {
      // The squiggle is drawn under the text layer, so point the mouse at it rather than "hover" the
      // element. The first squiggle in the DOM can sit under the sticky-scroll headers at the top of
      // the editor (the hover then never comes), so try each visible one in turn, moving away between
      // tries so the editor sees a fresh hover.
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'release-plan' });
      const sticky = await page.locator('.monaco-editor .sticky-widget').first().boundingBox().catch(() => null);
      const deadline = Date.now() + WAIT_MS;
      while (Date.now() < deadline) {
        for (let i = 0; i < (await squiggles.count()); i++) {
          const box = await squiggles.nth(i).boundingBox();
          if (!box || (sticky && box.y < sticky.y + sticky.height)) continue;
          await page.mouse.move(5, 5);
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
          if (await hover.first().waitFor({ timeout: 3000 }).then(() => true, () => false)) {
            // the hover can close between showing and being read (a CI run once spent its whole
            // 30 s innerText wait on one that had gone): read it briefly, or try again
            const text = await hover.first().innerText({ timeout: 2000 }).catch(() => undefined);
            if (text) return text.replace(/\s+/g, ' ').slice(0, 120);
          }
        }
      }
      throw new Error('no release-plan hover over any visible squiggle');
    });
    await page.screenshot({ path: screenshot });
    await page.close();

    for (const [seed, tag] of [['seeds/000-dispute-debt-release-plan.md', '000'], ['seeds/004-cst-document-status-release-plan.md', '004']]) {
      const p = await context.newPage();
      try {
        await step(`Problems panel on ${seed}`, async () => {
          await p.goto(workbenchUrl(port, workspace, [
            ['extensionDevelopmentPath', remoteUri(port, extensionPath)],
            ['openFile', remoteUri(port, join(workspace, seed))],
          ]));
          await p.locator('.monaco-editor .view-lines').first().waitFor({ timeout: WAIT_MS });
          await p.waitForFunction(
            () => /[1-9]/.test(document.getElementById('status.problems')?.querySelector('a')?.getAttribute('aria-label') ?? ''),
            undefined,
            { timeout: WAIT_MS },
          );
          await p.locator('.monaco-editor .view-lines').first().click();
          await p.keyboard.press('Control+Shift+M');
          const rows = p.locator('.markers-panel .monaco-list-row');
          await rows.first().waitFor({ timeout: WAIT_MS });
          await p.screenshot({ path: join(resultsDir, `vscode-ui-problems-${tag}.png`) });
          const label = await p.locator('[id="status.problems"] a').first().getAttribute('aria-label');
          return `${label}; ${await rows.count()} rows visible`;
        });
      } finally {
        await p.close().catch(() => {});
      }
    }
    return { ok: true, log, screenshot };
  } catch (err) {
    log.push(`FAIL ${String(err?.message ?? err).split('\n')[0]}`);
    await page.screenshot({ path: screenshot }).catch(() => {});
    await page.close().catch(() => {});
    return { ok: false, log, screenshot };
  }
}
