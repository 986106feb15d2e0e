import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allChecks, CHECK_IDS, runChecks, type CheckContext } from '../../server/src/service/checks';
import { toggleLinkMismatchCheck } from '../../server/src/service/checks/toggle-link-mismatch';
import { parseDirectives } from '../../server/src/service/disable';
import { parsePlan, type ReleasePlan, type Stage } from '../../server/src/service/parse';
import { expandSnippet, parseSnippet } from '../helpers/snippetExpander';

const root = resolve(__dirname, '..', '..');
const SNIPPETS_PATH = resolve(root, 'snippets', 'release-plan.code-snippets');

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

const snippets = JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, Snippet>;
const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const bodyText = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

function byPrefix(prefix: string): Snippet {
  const found = Object.values(snippets).find((s) => prefixes(s).includes(prefix));
  assert.ok(found, `a snippet with prefix ${prefix}`);
  return found;
}

/** The tab stop whose placeholder default is `text`, so tests can "type" there without hard-coding numbers. */
function tabStopWithDefault(snippet: Snippet, text: string): number {
  const m = new RegExp(`\\$\\{(\\d+):${text.replace(/[[\]]/g, '\\$&')}\\}`).exec(bodyText(snippet));
  assert.ok(m, `a placeholder defaulting to ${text}`);
  return Number(m[1]);
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

const context: CheckContext = { today: { year: 2026, month: 2, day: 20 }, plannedEndAt: () => undefined };

/**
 * No structural finding: the real checks (stage sequence, percentage order and mismatch, empty fields,
 * toggle links, disable comments) report nothing but the markers left for the user to fill in; and
 * the model itself shows labels in sequence from A and percentages increasing.
 */
function assertStructurallySound(plan: ReleasePlan): void {
  const findings = runChecks(plan, context, undefined, { checks: [...allChecks, toggleLinkMismatchCheck] });
  const structural = findings.filter((f) => f.checkId !== 'placeholder' && f.checkId !== 'pick-one');
  assert.deepEqual(structural.map((f) => `${f.checkId}: ${f.message}`), []);
  plan.stages.forEach((s, i) => assert.equal(s.ordinal, i + 1, `stage ${s.label} is number ${i + 1}`));
  const percentages = plan.stages.map((s) => s.percentage?.value).filter((v): v is number => v !== undefined);
  percentages.slice(1).forEach((p, i) => assert.ok(p > percentages[i], `percentages increase: ${percentages.join(' → ')}`));
  assert.ok(percentages.every((p) => p > 0 && p <= 100));
}

function percentageField(stage: Stage) {
  return stage.fields.find((f) => /^percentage of users/i.test(f.label));
}

describe('snippet expander (the model of what VS Code inserts)', () => {
  it('inserts defaults, first choices and mirrored values; $0 and unknown variables insert nothing', () => {
    assert.equal(expandSnippet('[${1:name}](x/$1) ${2|yes,no|} ${3:a ${4:nested} b}$0 $TM_FILENAME${VAR:dflt}'), '[name](x/name) yes a nested b dflt');
  });

  it('lets a typed value replace a default everywhere it appears', () => {
    assert.equal(expandSnippet(['${1:B}: ${2:25}%', '$2% of $1'], { 2: '40' }), 'B: 40%\n40% of B');
  });

  it('honours escapes, in text and in choices', () => {
    assert.equal(expandSnippet('\\$1 costs \\}; ${1|a\\,b,c\\|d|}'), '$1 costs }; a,b');
    assert.deepEqual([...parseSnippet('${1|a\\,b,c\\|d|}').choices.values()], [['a,b', 'c|d']]);
  });

  it('rejects what it cannot model rather than guess', () => {
    assert.throws(() => parseSnippet('${1/(.*)/${1:/upcase}/}'), /transforms/);
    assert.throws(() => parseSnippet('${1:unclosed'), /unclosed/);
    assert.throws(() => parseSnippet('${1|only|}'), /two or more/);
  });
});

describe('snippets', () => {
  it('are contributed for markdown in package.json', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      contributes: { snippets?: Array<{ language: string; path: string }> };
    };
    const entry = pkg.contributes.snippets?.find((s) => resolve(root, s.path) === SNIPPETS_PATH);
    assert.ok(entry, 'contributes.snippets names snippets/release-plan.code-snippets');
    assert.equal(entry.language, 'markdown');
  });

  it('have unique rp-/release-plan prefixes and a description each', () => {
    const all = Object.values(snippets).flatMap(prefixes);
    assert.ok(all.length >= 12);
    assert.equal(new Set(all).size, all.length, 'no prefix is used twice');
    for (const p of all) assert.match(p, /^(rp-|release-plan)/);
    for (const [name, s] of Object.entries(snippets)) assert.ok(s.description.length > 20, name);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`"${name}" expands to clean text with well-formed tab stops`, () => {
      const text = bodyText(snippet);
      const parsed = parseSnippet(text);
      const numbered = parsed.tabStops.filter((n) => n > 0).sort((a, b) => a - b);
      assert.deepEqual(numbered, numbered.map((_, i) => i + 1), 'tab stops are numbered 1..n without gaps');
      assert.ok(count(text, '$0') <= 1, 'at most one final cursor');
      // A bare $n copies what is typed at ${n:…}; with no placeholder for it, it would stay empty.
      for (const m of text.matchAll(/\$(\d+)(?!\d)/g)) {
        if (m[1] !== '0') assert.match(text, new RegExp(`\\$\\{${m[1]}[:|]`), `$${m[1]} mirrors a placeholder`);
      }
      const expanded = expandSnippet(snippet.body);
      assert.ok(expanded.trim().length > 0);
      assert.doesNotMatch(expanded, /\$\{|\$\d/, 'no snippet syntax left over');
      for (const line of expanded.split('\n')) assert.doesNotMatch(line, /[ \t]$/, `no trailing whitespace: ${JSON.stringify(line)}`);
    });
  }

  describe('full skeleton', () => {
    const skeleton = byPrefix('release-plan');
    const text = expandSnippet(skeleton.body);
    const plan = parsePlan(text);

    it('follows the current template: toggle table, phases, stages A–E, check-ins, questions', () => {
      assert.equal(plan.title?.text, 'Feature name Release Plan');
      assert.deepEqual(
        plan.stages.map((s) => [s.label, s.source, s.percentage?.value]),
        [
          ['A', 'heading', undefined],
          ['B', 'heading', 25],
          ['C', 'heading', 50],
          ['D', 'heading', 75],
          ['E', 'heading', 100],
        ],
      );
      assert.deepEqual(plan.phases.map((p) => p.label), ['I', 'II']);
      const kinds = new Set(plan.sections.map((s) => s.kind));
      for (const kind of ['rollback', 'rollout-planning', 'post-launch', 'week-1', 'month-1', 'post-launch-questions'] as const) {
        assert.ok(kinds.has(kind), `a ${kind} section`);
      }
      assert.equal(plan.desiredDateRanges.length, 2, "Phase I's test duration and Phase II's date range");
      assert.deepEqual(
        plan.toggles.map((t) => [t.name, t.source, t.link?.featureName]),
        [['toggle_name', 'table', 'toggle_name']],
      );
    });

    it('has no structural problem: stages in order, percentages increasing, headings agree with fields', () => {
      assertStructurallySound(plan);
      for (const stage of plan.stages) {
        const parts = new Set(stage.fields.map((f) => f.part));
        assert.ok(parts.has('planning') && parts.has('results'), `stage ${stage.label} has Planning and Results`);
        const field = percentageField(stage);
        assert.ok(field, `stage ${stage.label} has a Percentage of Users field`);
        if (stage.percentage) assert.ok(field.value.startsWith(`${stage.percentage.value}%`), `stage ${stage.label}: ${field.value}`);
      }
    });

    it('leaves every unfilled value as a marker the placeholder and pick-one checks report', () => {
      const fills = plan.placeholders.filter((p) => p.kind === 'placeholder' && p.text.startsWith('[FILL_IN]'));
      assert.equal(fills.length, count(text, '[FILL_IN]'));
      assert.equal(plan.placeholders.filter((p) => p.kind === 'pick-one').length, count(text, '[PICK_ONE]'));
      assert.ok(count(text, '[PICK_ONE]') >= 10);
    });

    it('fills the toggle link from one typed name, and keeps stage headings and fields in step', () => {
      const typed = expandSnippet(skeleton.body, {
        [tabStopWithDefault(skeleton, 'toggle_name')]: 'dispute_debt',
        [tabStopWithDefault(skeleton, '25')]: '30',
      });
      const typedPlan = parsePlan(typed);
      assert.deepEqual(
        typedPlan.toggles.map((t) => [t.name, t.link?.featureName]),
        [['dispute_debt', 'dispute_debt']],
      );
      const b = typedPlan.stages.find((s) => s.label === 'B');
      assert.equal(b?.percentage?.value, 30);
      assert.ok(b && percentageField(b)?.value.startsWith('30%'));
      assertStructurallySound(typedPlan);
    });

    it('offers Yes/No for "Do I need a staged rollout?"', () => {
      const choices = [...parseSnippet(bodyText(skeleton)).choices.values()];
      assert.deepEqual(choices, [['Yes', 'No']]);
      assert.match(text, /^\*\*Yes\*\*: a staged rollout is required/m);
    });
  });

  describe('section snippets', () => {
    it('rp-stage: one stage whose heading and Percentage of Users share a tab stop', () => {
      const stage = byPrefix('rp-stage');
      const plan = parsePlan(expandSnippet(stage.body));
      assert.deepEqual(plan.stages.map((s) => [s.label, s.percentage?.value]), [['B', 25]]);
      assert.ok(percentageField(plan.stages[0])?.value.startsWith('25%'));
      const typed = parsePlan(
        expandSnippet(stage.body, { [tabStopWithDefault(stage, 'B')]: 'C', [tabStopWithDefault(stage, '25')]: '40' }),
      );
      assert.deepEqual(typed.stages.map((s) => [s.label, s.percentage?.value]), [['C', 40]]);
      assert.ok(percentageField(typed.stages[0])?.value.startsWith('40%'));
      assert.deepEqual([...parseSnippet(bodyText(stage)).choices.values()], [['[PICK_ONE]', 'yes', 'no', 'N/A']]);
    });

    it('a stage appended to the skeleton (Stage F) keeps the plan in sequence', () => {
      const skeleton = expandSnippet(byPrefix('release-plan').body);
      const stage = byPrefix('rp-stage');
      const f = expandSnippet(stage.body, { [tabStopWithDefault(stage, 'B')]: 'F', [tabStopWithDefault(stage, '25')]: '100' });
      // Insert before the post-launch metrics, where the next stage belongs; E goes to 90% first.
      const at = skeleton.indexOf('## Post Launch metrics');
      const plan = parsePlan(`${skeleton.slice(0, at).replace('### Stage E: 100%', '### Stage E: 90%').replace(/(Percentage of Users[^:]*: )100%/, '$190%')}${f}\n${skeleton.slice(at)}`);
      assert.deepEqual(plan.stages.map((s) => s.label), ['A', 'B', 'C', 'D', 'E', 'F']);
      assertStructurallySound(plan);
    });

    it('rp-results, rp-week, rp-month: the template fields with yes / no / N/A choices', () => {
      const results = parsePlan(`### Stage A: 1% of users\n\n${expandSnippet(byPrefix('rp-results').body)}`);
      const fields = results.stages[0].fields;
      assert.deepEqual(
        fields.map((f) => [f.label.slice(0, 30), f.part, f.value]),
        [
          ['Number of unique users', 'results', '[FILL_IN]'],
          ['Metrics at this stage (per you', 'results', '[FILL_IN]'],
          ['Was any downstream service aff', 'results', '[PICK_ONE]'],
          ['Types of errors logged', 'results', '[FILL_IN]'],
          ['What changes (if any) are nece', 'results', '[FILL_IN]'],
        ],
      );
      for (const [prefix, kind] of [
        ['rp-week', 'week-1'],
        ['rp-month', 'month-1'],
      ] as const) {
        const snippet = byPrefix(prefix);
        const plan = parsePlan(expandSnippet(snippet.body));
        const section = plan.sections.find((s) => s.kind === kind);
        assert.ok(section, `${prefix} makes a ${kind} section`);
        assert.equal(section.fields.length, 8);
        const choices = [...parseSnippet(bodyText(snippet)).choices.values()];
        assert.equal(choices.length, 2);
        for (const c of choices) assert.deepEqual(c, ['[PICK_ONE]', 'yes', 'no', 'N/A']);
        assert.equal(plan.placeholders.filter((p) => p.kind === 'pick-one').length, 2, 'an unpicked choice stays visible');
        const answered = parsePlan(expandSnippet(snippet.body, Object.fromEntries([...parseSnippet(bodyText(snippet)).choices.keys()].map((k) => [k, 'no']))));
        assert.equal(answered.placeholders.filter((p) => p.kind === 'pick-one').length, 0);
      }
    });

    it('rp-toggle-table and rp-toggle-row: one typed name is both the link text and the Flipper feature', () => {
      const table = byPrefix('rp-toggle-table');
      const row = byPrefix('rp-toggle-row');
      const plan = parsePlan(
        `${expandSnippet(table.body, { [tabStopWithDefault(table, 'toggle_name')]: 'avs_enabled' })}\n` +
          `${expandSnippet(row.body, { [tabStopWithDefault(row, 'toggle_name')]: 'va_online_scheduling_after_visit_summary' })}\n`,
      );
      assert.deepEqual(
        plan.toggles.map((t) => [t.name, t.link?.featureName, t.link?.target]),
        [
          ['avs_enabled', 'avs_enabled', 'https://api.va.gov/flipper/features/avs_enabled'],
          [
            'va_online_scheduling_after_visit_summary',
            'va_online_scheduling_after_visit_summary',
            'https://api.va.gov/flipper/features/va_online_scheduling_after_visit_summary',
          ],
        ],
      );
    });

    it('rp-rollback makes a rollback section', () => {
      const plan = parsePlan(expandSnippet(byPrefix('rp-rollback').body));
      assert.deepEqual(plan.sections.map((s) => s.kind), ['rollback']);
    });
  });

  describe('disable comments', () => {
    const forms = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file'];
    for (const form of forms) {
      it(`rp-${form} writes <!-- release-plan-${form} <id> --> offering every check id`, () => {
        const snippet = byPrefix(`rp-${form}`);
        const choices = [...parseSnippet(bodyText(snippet)).choices.values()];
        assert.deepEqual(choices, [[...CHECK_IDS]]);
        const expanded = expandSnippet(snippet.body, { 1: 'duration-mismatch' });
        assert.equal(expanded.split('\n')[0], `<!-- release-plan-${form} duration-mismatch -->`);
        const plan = parsePlan(`- Length of time: 1 week (03/18-03/26/21)\n${expanded}\n`);
        const { directives, problems } = parseDirectives(plan, CHECK_IDS);
        assert.deepEqual(problems, []);
        assert.deepEqual(directives.map((d) => [d.kind, d.ids]), [[form, ['duration-mismatch']]]);
        // Untouched, the drop-down's first entry is a real id too.
        const untouched = parseDirectives(parsePlan(expandSnippet(snippet.body)), CHECK_IDS);
        assert.deepEqual(untouched.problems, []);
      });
    }
  });
});
