import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildInjectionGrammar, renderInjectionGrammar, SCOPES } from '../../scripts/generate/injection-grammar';
import { INJECTION_PATH, scopedTexts, tokenize, type Token } from '../helpers/grammarTokenizer';

const root = resolve(__dirname, '..', '..');
const seed = (name: string) => readFileSync(resolve(root, 'test', 'fixtures', 'seeds', name), 'utf8').split(/\r?\n/);

async function line(text: string): Promise<Token[]> {
  const [tokens] = await tokenize([text]);
  return tokens;
}

/** Every `.release-plan` scope on the line, with the text it covers. */
async function releasePlanScopes(text: string): Promise<string[]> {
  const tokens = await line(text);
  return tokens.flatMap((t) => t.scopes.filter((s) => s.endsWith('.release-plan')).map((s) => `${s}=${t.text}`));
}

async function expectScoped(text: string, scope: string, expected: string[]): Promise<void> {
  assert.deepEqual(scopedTexts(await line(text), scope), expected, `${scope} in ${JSON.stringify(text)}`);
}

describe('grammar: release-plan injection', () => {
  it('is the JSON the generator produces, so the committed file never drifts from its source', () => {
    assert.equal(readFileSync(INJECTION_PATH, 'utf8'), renderInjectionGrammar());
  });

  it('names every scope it adds with a standard prefix and the .release-plan suffix', () => {
    const names = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'name' && typeof inner === 'string') inner.split(' ').forEach((n) => names.add(n));
          else walk(inner);
        }
      }
    };
    walk(buildInjectionGrammar().repository);
    const ours = [...names].filter((n) => !n.endsWith('.markdown') && !n.endsWith('.html'));
    assert.ok(ours.includes(SCOPES.toggle) && ours.includes(SCOPES.directive) && ours.includes(SCOPES.checkId));
    for (const name of ours) {
      assert.match(name, /^(invalid|variable|constant|keyword|meta|markup|punctuation|entity|string)\.[a-z.-]+\.release-plan$/, name);
    }
  });

  it('is contributed in package.json as an injection into markdown', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      contributes: { grammars?: Array<{ scopeName: string; path: string; injectTo?: string[] }> };
    };
    const entry = pkg.contributes.grammars?.find((g) => g.scopeName === 'release-plan.injection');
    assert.ok(entry, 'contributes.grammars has release-plan.injection');
    assert.equal(resolve(root, entry.path), INJECTION_PATH);
    assert.deepEqual(entry.injectTo, ['text.html.markdown']);
    assert.equal(buildInjectionGrammar().scopeName, entry.scopeName);
  });

  describe('toggles', () => {
    it('scopes the toggle name in a Flipper link, keeping markdown link scopes', async () => {
      const tokens = await line('| [avs_enabled](https://api.va.gov/flipper/features/avs_enabled) | Enables the AVS API |');
      assert.deepEqual(scopedTexts(tokens, SCOPES.toggle), ['avs_enabled', 'avs_enabled']);
      const name = tokens.find((t) => t.text === 'avs_enabled');
      assert.ok(name?.scopes.includes('string.other.link.title.markdown'));
      assert.deepEqual(scopedTexts(tokens, 'markup.underline.link.markdown'), ['https://api.va.gov/flipper/features/avs_enabled']);
    });

    it('scopes a backticked name inside a Flipper link and a bare Flipper URL in prose', async () => {
      await expectScoped(
        '| [`cst_show_document_upload_status`](https://api.va.gov/flipper/features/cst_show_document_upload_status) | Enables ability |',
        SCOPES.toggle,
        ['cst_show_document_upload_status', 'cst_show_document_upload_status'],
      );
      await expectScoped('Toggle: https://api.va.gov/flipper/features/champva_send_to_ves in production', SCOPES.toggle, ['champva_send_to_ves']);
      // The Flipper dashboard itself names no feature.
      await expectScoped('[Flipper Dashboard](https://api.va.gov/flipper/features)', SCOPES.toggle, []);
    });

    it('finds every toggle of the seed plans', async () => {
      const found = async (lines: string[]) => (await tokenize(lines)).flatMap((t) => scopedTexts(t, SCOPES.toggle));
      // seed 000's bare `dispute_debt` table cell is a toggle only because the document is a plan: the
      // server's semantic tokens colour it, not the grammar
      assert.deepEqual(await found(seed('000-dispute-debt-release-plan.md')), []);
      assert.deepEqual(await found(seed('003-avs-release-plan.md')), [
        'avs_enabled',
        'avs_enabled',
        'va_online_scheduling_after_visit_summary',
        'va_online_scheduling_after_visit_summary',
      ]);
      assert.deepEqual(await found(seed('004-cst-document-status-release-plan.md')), [
        'cst_show_document_upload_status',
        'cst_show_document_upload_status',
        'cst_update_evidence_submission_on_show',
        'cst_update_evidence_submission_on_show',
      ]);
    });
  });

  describe('where it stays out', () => {
    it('does not touch fenced code, indented code, inline code or HTML comments', async () => {
      const doc = [
        '```',
        '- Number of users: [FILL_IN] 6/30/25 - 7/16/25 50%',
        '```',
        '```yaml',
        'date: 6/30/25',
        '```',
        '',
        '    ### Stage A: [FILL_IN] 25%',
        '',
        'Use `[FILL_IN]` or `6/30/25` as the marker.',
        '<!-- TBD: [FILL_IN] on 6/30/25 -->',
      ];
      const lines = await tokenize(doc);
      lines.forEach((tokens, i) => {
        const ours = tokens.flatMap((t) => t.scopes.filter((s) => s.endsWith('.release-plan')));
        assert.deepEqual(ours, [], `line ${i + 1}: ${doc[i]}`);
      });
    });

    it('highlights the disable/enable directives inside their comment', async () => {
      for (const form of ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file']) {
        const tokens = await line(`<!-- release-plan-${form} placeholder pick-one -->`);
        assert.deepEqual(scopedTexts(tokens, SCOPES.directive), [`release-plan-${form}`]);
        assert.deepEqual(scopedTexts(tokens, SCOPES.checkId), ['placeholder', 'pick-one']);
        assert.ok(tokens.every((t) => t.scopes.includes('comment.block.html')));
      }
    });

    it('leaves what reads differently outside a plan to the server: placeholders, dates, percentages, stage labels, toggle tables', async () => {
      // notes that are not a release plan (test/vscode/workspace/notes): none of this may turn red
      const doc = [
        '# Meeting notes',
        '### Stage A: 25% of users',
        '- Owner: TBD ??? [FILL_IN] [PICK_ONE] xx/xx/2026 mm/dd/yy lorem ipsum',
        '- Next sync: 6/30/25 - 7/16/25, May 22 2025, 50%',
        '| Toggle name | Description |',
        '| --- | --- |',
        '| some_toggle | A toggle |',
      ];
      const lines = await tokenize(doc);
      lines.forEach((tokens, i) => {
        const ours = tokens.flatMap((t) => t.scopes.filter((s) => s.endsWith('.release-plan')));
        assert.deepEqual(ours, [], `line ${i + 1}: ${doc[i]}`);
      });
    });

    it('adds nothing to an ordinary paragraph', async () => {
      assert.deepEqual(await releasePlanScopes('The AVS team will monitor analytics (RUM and APM) and disable the toggles.'), []);
    });
  });
});
