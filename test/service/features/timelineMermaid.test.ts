// The mermaid block is only useful if mermaid draws it: every corpus plan's block (and the fixtures')
// goes through the real `mermaid` package in the test Chromium, offline, and must parse and render to
// an SVG with one shape per task. The markdown preview script (dist/markdownPreview.js, so this file
// needs `npm run build` like the CLI tests) must do the same inside a page shaped like the preview.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { timelineBlock } from '../../../server/src/service/features/timelineDiagram';
import { parsePlan } from '../../../server/src/service/parse/index';
import { corpusFiles, read, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { datedRolloutText } from '../../helpers/rollout';

const MERMAID_JS = join(__dirname, '..', '..', '..', 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
/** The bundle `npm run build` makes for contributes.markdown.previewScripts. */
const PREVIEW_JS = join(__dirname, '..', '..', '..', 'dist', 'markdownPreview.js');

/** The diagram source inside the fence (what GitHub hands mermaid). */
function diagramSource(block: string): string {
  const m = /```mermaid\r?\n([\s\S]*?)\r?\n```/.exec(block);
  if (!m) throw new Error(`no mermaid fence in\n${block}`);
  return m[1];
}

describe('timeline diagram renders with mermaid (test Chromium)', function () {
  this.timeout(120000);
  let browser: Browser;
  let page: Page;

  before(async () => {
    // the one place that knows where the provisioned Chromium is (an ES module: imported by URL)
    const envModule = pathToFileURL(join(__dirname, '..', '..', '..', 'scripts', 'editors', 'lib', 'editor-env.mjs')).href;
    const { chromiumPath } = (await import(envModule)) as { chromiumPath: () => string };
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage();
    // no network: everything the page needs is the local mermaid bundle
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: MERMAID_JS });
    await page.evaluate(() => (globalThis as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
  });

  after(async () => {
    await browser?.close();
  });

  async function render(source: string, id: string): Promise<{ ok: boolean; svg?: string; error?: string }> {
    return page.evaluate(
      async ([src, elementId]) => {
        const mermaid = (globalThis as unknown as { mermaid: { parse(s: string): Promise<unknown>; render(id: string, s: string): Promise<{ svg: string }> } }).mermaid;
        try {
          await mermaid.parse(src);
          const { svg } = await mermaid.render(elementId, src);
          return { ok: true, svg };
        } catch (err) {
          return { ok: false, error: err instanceof Error ? err.message : String(err) };
        }
      },
      [source, id] as const,
    );
  }

  it("the markdown preview script (dist/markdownPreview.js) turns the preview's mermaid blocks into SVG, offline", async () => {
    const preview = await browser.newPage();
    try {
      await preview.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      const block = timelineBlock(parsePlan(datedRolloutText()))!;
      // what VS Code's markdown preview renders for a fenced block
      const code = diagramSource(block).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      await preview.setContent(`<!doctype html><html><body class="vscode-light"><p>before</p><pre><code class="language-mermaid">${code}</code></pre></body></html>`);
      await preview.addScriptTag({ path: PREVIEW_JS });
      await preview.waitForSelector('.release-plan-mermaid svg', { timeout: 30000 });
      assert.equal(await preview.locator('pre > code.language-mermaid').count(), 0);
      assert.equal(await preview.locator('.release-plan-mermaid-error').count(), 0);
      assert.equal(await preview.locator('.release-plan-mermaid svg rect.task').count(), 5);
    } finally {
      await preview.close();
    }
  });

  it('rejects a broken diagram (so the check below can fail)', async () => {
    const r = await render('gantt\n    dateFormat YYYY-MM-DD\n    Stage A :2025-03-03, 5d\n    }}} not a task', 'broken');
    assert.equal(r.ok, false);
  });

  it('renders the fixtures\' and every corpus plan\'s block to an SVG with one bar per task', async () => {
    const texts: Array<[string, string]> = [
      ['rollout fixture', datedRolloutText()],
      ['seed 000', read(SEED_DISPUTE_DEBT)],
      ['seed 004', read(SEED_CST)],
      ...corpusFiles().map((f): [string, string] => [f, read(f)]),
    ];
    let rendered = 0;
    for (const [name, text] of texts) {
      const block = timelineBlock(parsePlan(text));
      if (!block) continue;
      const source = diagramSource(block);
      const r = await render(source, `d${rendered}`);
      assert.ok(r.ok, `${name}: ${r.error}\n${source}`);
      assert.match(r.svg ?? '', /^<svg/);
      // every task line (bars and check-in milestones) is one <rect class="task …">
      const tasks = source.split('\n').filter((l) => /^ {4}[^ ].* :/.test(l)).length;
      const bars = (r.svg?.match(/<rect[^>]*class="task /g) ?? []).length;
      assert.equal(bars, tasks, `${name}: ${bars} bars for ${tasks} tasks`);
      rendered++;
    }
    assert.ok(rendered >= 20, `rendered ${rendered}`);
  });
});
