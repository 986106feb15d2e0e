import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildInjectionGrammar, renderInjectionGrammar, SCOPES } from '../../scripts/generate/injection-grammar';
import { expandSnippet } from '../helpers/snippetExpander';
import { INJECTION_PATH, scopedTexts, tokenize, type Token } from '../helpers/grammarTokenizer';

const root = resolve(__dirname, '..', '..');
const seed = (name: string) => readFileSync(resolve(root, 'test', 'fixtures', 'seeds', name), 'utf8').split(/\r?\n/);
const corpus = (name: string) =>
  readFileSync(resolve(root, 'test', 'fixtures', 'corpus', 'va-release-plans', name), 'utf8').split(/\r?\n/);

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
    assert.ok(ours.length >= Object.keys(SCOPES).length);
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

  describe('placeholders', () => {
    const cases: Array<[string, string, string[]]> = [
      ['- Number of users: [FILL_IN]', SCOPES.placeholder, ['[FILL_IN]']],
      ['- Number of bugs identified / fixed: [FILL_IN]/[FILL_IN]', SCOPES.placeholder, ['[FILL_IN]', '[FILL_IN]']],
      // Google-Docs export escapes the brackets and the underscore.
      ['- Types of errors logged: \\[FILL\\_IN\\]', SCOPES.placeholder, ['\\[FILL\\_IN\\]']],
      ['- Percentage of Users (and roughly how many users do you expect this to be): [FILL_IN]% (*Recommendation*)', SCOPES.placeholder, ['[FILL_IN]%']],
      ['- Was any downstream service affected by the change?: [PICK_ONE]: yes | no |  N/A', SCOPES.pickOne, ['[PICK_ONE]']],
      ['| TBD | Toggle to enable users to see the newly added TERA questions |', SCOPES.placeholder, ['TBD']],
      ['- Desired date range: [TBD]', SCOPES.placeholder, ['[TBD]']],
      ['- Go-live: TBC', SCOPES.placeholder, ['TBC']],
      ['- Desired date range: **XX/XX/2026 - XX/XX/2026**', SCOPES.placeholder, ['XX/XX/2026', 'XX/XX/2026']],
      ['- Desired date: mm/dd/yy', SCOPES.placeholder, ['mm/dd/yy']],
      ['- Desired date range: _\\[mm/dd/yy - mm/dd/yy\\]_', SCOPES.placeholder, ['mm/dd/yy', 'mm/dd/yy']],
      ['- How you\'ll conduct the testing: lorem ipsum', SCOPES.placeholder, ['lorem ipsum']],
      ['- Post-launch KPI 1: xx lorem ipsum', SCOPES.placeholder, ['xx', 'lorem ipsum']],
      ['- Desired number of users: x', SCOPES.placeholder, ['x']],
      ['- Length of time: x (_minimum 2 hours_)', SCOPES.placeholder, ['x']],
      ['- Percentage of Users (and roughly how many users do you expect this to be): x% (500 users)', SCOPES.placeholder, ['x']],
      ['- Percentage of Users (and roughly how many users do you expect this to be): 25% (x users)', SCOPES.placeholder, ['x']],
      ['- Number of bugs identified / fixed: x/x', SCOPES.placeholder, ['x/x']],
      ['- Links to dashboard(s) showing "success criteria" metrics: _\\[link here\\]_ ???', SCOPES.placeholder, ['\\[link here\\]', '???']],
    ];
    for (const [text, scope, expected] of cases) {
      it(`scopes ${expected.join(', ')} in ${JSON.stringify(text.slice(0, 60))}`, async () => {
        await expectScoped(text, scope, expected);
      });
    }

    const plain = [
      // A checkbox, done or not, is not a placeholder; nor is an x inside a word.
      '- [x] Follow [best practices for QA](https://depo-platform-documentation.scrollhelp.site/developer-docs/qa-and-accessibility-testing).',
      '- [ ] Have your team perform as much validation in staging as possible.',
      '- Any UX changes necessary based on the logs? Next, examine the export max xxl box',
      '- Number of users: N/A',
      'Alternatively, skip the form by navigating to the "If you know X form is right, click here"',
    ];
    for (const text of plain) {
      it(`leaves ${JSON.stringify(text.slice(0, 50))} unscoped`, async () => {
        assert.deepEqual(scopedTexts(await line(text), 'invalid.illegal'), []);
      });
    }
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

    it('scopes the first cell of each toggle-table row, in every spelling the corpus uses, and ends with the table', async () => {
      const doc = [
        '| Toggle name | Description |',
        '| ----------- | ----------- |',
        '|  dispute_debt | Enables the Dispute Debt feature |',
        '| `terms_of_use` | Toggles the Terms of Use Accept/Decline actions (FE only) |',
        '| **Mobile:** `veteranStatusCardUpdate`| When enabled, Veterans will see their Veteran Status Card |',
        '| BE: `mobile_debts_enabled` | This is the BE feature flag |',
        '| FE: overpayments | When enabled, Veterans will be able to view their Overpayments |',
        '|  showOneVADebtLetter|show_one_va_debt_letter|',
        '| hcaHouseholdV2Enabled | Toggle to enable users to see the Household section |',
        '|ezr_service_history_enabled|Enables Service History flow in the 10-10EZR form.|',
        '| Classic Ask VA | Toggles redirect to Classic Ask VA experience |',
        '| [FILL_IN] | [FILL_IN] |',
        'Dashboards and Monitoring with some_snake_case words',
        '| Feature type | Possible with feature toggles? |',
        '| new_application | Yes |',
      ];
      const lines = await tokenize(doc);
      const toggles = lines.map((tokens) => scopedTexts(tokens, SCOPES.toggle));
      assert.deepEqual(toggles, [
        [],
        [],
        ['dispute_debt'],
        ['terms_of_use'],
        ['veteranStatusCardUpdate'],
        ['mobile_debts_enabled'],
        ['overpayments'],
        ['showOneVADebtLetter'],
        ['hcaHouseholdV2Enabled'],
        ['ezr_service_history_enabled'],
        [],
        [],
        [],
        [],
        [],
      ]);
      assert.deepEqual(scopedTexts(lines[11], SCOPES.placeholder), ['[FILL_IN]', '[FILL_IN]']);
      assert.ok(lines[10].every((t) => t.scopes.includes(SCOPES.toggleTable)));
      assert.ok(lines[12].every((t) => !t.scopes.includes(SCOPES.toggleTable)), 'the table ends at the first non-row line');
    });

    it('finds every toggle of the seed plans', async () => {
      const found = async (lines: string[]) => (await tokenize(lines)).flatMap((t) => scopedTexts(t, SCOPES.toggle));
      assert.deepEqual(await found(seed('000-dispute-debt-release-plan.md')), ['dispute_debt']);
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

  describe('dates', () => {
    const ranges: Array<[string, string[]]> = [
      ['- Desired date range:  6/30/25 - 7/16/25', ['6/30/25', '7/16/25']],
      ['- Length of time: Six Days 7/16/25 - 7/21/25', ['7/16/25', '7/21/25']],
      ['- Length of time: 1 week (03/18-03/26/21)', ['03/18', '03/26/21']],
      ['- Desired date range: ~Aug 1 -> Sep 15', ['Aug 1', 'Sep 15']],
      ['- Dates: Oct 23 -28', ['Oct 23', '28']],
      ['### Stage A (May 22 - June 2, 2025)', ['May 22', 'June 2, 2025']],
      ['### Stage B Results (Jan 13-23, 2025)', ['Jan 13', '23, 2025']],
      ['- Length of time: 9/23-8/6', ['9/23', '8/6']],
      ['- 8/22/22 – 8/25/22', ['8/22/22', '8/25/22']],
    ];
    for (const [text, dates] of ranges) {
      it(`scopes the range in ${JSON.stringify(text)}`, async () => {
        const tokens = await line(text);
        assert.deepEqual(scopedTexts(tokens, SCOPES.date), dates);
        assert.equal(scopedTexts(tokens, SCOPES.dateRange).length, 1);
        assert.equal(scopedTexts(tokens, SCOPES.rangeSeparator).length, 1);
      });
    }

    const singles: Array<[string, string[]]> = [
      ['- Release Date: 2/11/2026 at 11a EST', ['2/11/2026']],
      ['- Desired date range: _**February 2026**_', ['February 2026']],
      ['- Go live: Monday, 6/2', ['Monday, 6/2']],
      ['- Launched on September 15th, 2015 and 2025-07-16', ['September 15th, 2015', '2025-07-16']],
    ];
    for (const [text, dates] of singles) {
      it(`scopes ${dates.join(', ')}`, async () => {
        await expectScoped(text, SCOPES.date, dates);
      });
    }

    const notDates = [
      '- Number of bugs identified / fixed: 2/2',
      '# Release Plan: Representative Status Widget 1.0 and 2.4',
      '- Status Tab: `/track-claims/your-claims/*/status` https://example.com/2025/07/16/report',
      '- May be delayed by 5 days',
      '- Number of users: 1,234 (v2.4.1)',
    ];
    for (const text of notDates) {
      it(`finds no date in ${JSON.stringify(text)}`, async () => {
        assert.deepEqual(scopedTexts(await line(text), SCOPES.date), []);
      });
    }
  });

  describe('percentages and stages', () => {
    it('scopes percentages, not URL escapes', async () => {
      await expectScoped('- Percentage of Users: 10% of logged in users, then 2.5% and 100 %', SCOPES.percentage, ['10%', '2.5%', '100 %']);
      await expectScoped('https://example.com/?q=claim%20status&a=Profile%202.0%20UAT', SCOPES.percentage, []);
    });

    it('scopes the stage label of stage headings, checklist items and roman numerals', async () => {
      const cases: Array<[string, string[]]> = [
        ['### Stage B: 50% of users', ['Stage B']],
        ['### **Stage C: 50% of users**', ['Stage C']],
        ['### Stage II: 50% of users', ['Stage II']],
        ['### Stage A Results (Jan 8-13, 2025)', ['Stage A']],
        ['  - [x] Stage A: 1%', ['Stage A']],
        ['- Stage F: Go live!', ['Stage F']],
        ['### Staged Rollout Metrics', []],
        ['We move to Stage B after a week.', []],
      ];
      for (const [text, expected] of cases) await expectScoped(text, SCOPES.stage, expected);
      // As the corpus writes a stage checklist: nested four spaces deep under a list item.
      const nested = await tokenize(['- Current stage:', '    - [x] Stage A: 1%', '    - [ ] Stage B: 5%']);
      assert.deepEqual(nested.map((t) => scopedTexts(t, SCOPES.stage)), [[], ['Stage A'], ['Stage B']]);
      const tokens = await line('### Stage B: 50% of users');
      const label = tokens.find((t) => t.text === 'Stage B');
      assert.ok(label?.scopes.includes('entity.name.section.markdown'), 'the heading keeps its markdown scopes');
      assert.deepEqual(scopedTexts(tokens, SCOPES.percentage), ['50%']);
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

    it('adds nothing to an ordinary paragraph', async () => {
      assert.deepEqual(await releasePlanScopes('The AVS team will monitor analytics (RUM and APM) and disable the toggles.'), []);
    });
  });

  describe('real plans', () => {
    it('scopes every [FILL_IN] and [PICK_ONE] of the seeds and corpus plans without code blocks', async () => {
      const plans = [
        seed('000-dispute-debt-release-plan.md'),
        seed('003-avs-release-plan.md'),
        seed('004-cst-document-status-release-plan.md'),
        corpus('idx-14248746105__avs-after-visit-summary.md'),
      ];
      for (const lines of plans) {
        assert.ok(!lines.some((l) => /^\s*(```|~~~)/.test(l)));
        const tokens = await tokenize(lines);
        for (const [marker, scope] of [
          ['[FILL_IN]', SCOPES.placeholder],
          ['[PICK_ONE]', SCOPES.pickOne],
        ] as const) {
          const written = lines.reduce((n, l) => n + l.split(marker).length - 1, 0);
          const scoped = tokens.flatMap((t) => scopedTexts(t, scope)).filter((t) => t.startsWith(marker)).length;
          assert.equal(scoped, written, marker);
        }
      }
    });

    it('colours the snippet skeleton: its toggle, every marker, every stage', async () => {
      const snippets = JSON.parse(readFileSync(resolve(root, 'snippets', 'release-plan.code-snippets'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
      const skeleton = Object.values(snippets).find((s) => s.prefix.includes('release-plan'));
      assert.ok(skeleton);
      const toggleStop = Number(/\$\{(\d+):toggle_name\}/.exec(skeleton.body.join('\n'))?.[1]);
      const lines = expandSnippet(skeleton.body, { [toggleStop]: 'dispute_debt' }).split('\n');
      const tokens = await tokenize(lines);
      const all = (scope: string) => tokens.flatMap((t) => scopedTexts(t, scope));
      assert.deepEqual(all(SCOPES.toggle), ['dispute_debt', 'dispute_debt']);
      assert.equal(all(SCOPES.placeholder).filter((t) => t.startsWith('[FILL_IN]')).length, lines.join('\n').split('[FILL_IN]').length - 1);
      assert.equal(all(SCOPES.pickOne).length, lines.join('\n').split('[PICK_ONE]').length - 1);
      assert.deepEqual(all(SCOPES.stage), ['Stage A', 'Stage B', 'Stage C', 'Stage D', 'Stage E']);
    });

    it('scopes the stages of seed 000 in order with their percentages', async () => {
      const lines = seed('000-dispute-debt-release-plan.md');
      const tokens = await tokenize(lines);
      const stageLines = tokens.map((t, i) => [lines[i], scopedTexts(t, SCOPES.stage)] as const).filter(([, s]) => s.length);
      assert.deepEqual(
        stageLines.map(([, s]) => s[0]),
        ['Stage A', 'Stage B', 'Stage C', 'Stage D', 'Stage E'],
      );
      const percentages = tokens.map((t, i) => (lines[i].startsWith('### Stage') ? scopedTexts(t, SCOPES.percentage) : [])).flat();
      assert.deepEqual(percentages, ['1%', '5%', '20%', '50%', '100%']);
    });
  });
});
