import { strict as assert } from 'node:assert';
import { describeStatus, escapeMarkdown, planExpectation, provideToggleHover, toggleAtPosition, toggleHover, type PlannedStage } from '../../../server/src/service/features/toggleHover';
import { parsePlan } from '../../../server/src/service/parse/index';
import { ToggleCatalog } from '../../../server/src/service/toggles/catalog';
import type { HttpRequest } from '../../../server/src/service/toggles/http';
import { LiveToggleStatus } from '../../../server/src/service/toggles/liveStatus';
import { RegistryFileSource } from '../../../server/src/service/toggles/registryFile';
import { WorkspaceToggleIndex } from '../../../server/src/service/toggles/workspaceIndex';
import type { EnvironmentStatus, GateSummary, ToggleStatus } from '../../../server/src/service/toggles/types';
import { flipperBody, positionOf, registryText, seedText } from '../../helpers/toggles';

const TODAY = { year: 2026, month: 2, day: 20 };
const NO_GATES: GateSummary = { boolean: false, expression: false, actors: 0, groups: 0, percentageOfActors: 0, percentageOfTime: 0 };

function env(name: string, status: ToggleStatus, ageSeconds?: number, uiUrl?: string): EnvironmentStatus {
  return { environment: { name, kind: 'flipper-api' }, status, ageSeconds, uiUrl };
}

const STAGES: PlannedStage[] = [
  { label: 'A', percentage: 25, start: { year: 2026, month: 2, day: 11 }, end: { year: 2026, month: 2, day: 17 } },
  { label: 'B', percentage: 50, start: { year: 2026, month: 2, day: 18 }, end: { year: 2026, month: 3, day: 4 } },
  { label: 'C', percentage: 100, start: { year: 2026, month: 3, day: 5 }, end: { year: 2026, month: 3, day: 5 } },
];

describe('toggle hover', () => {
  const text = seedText('avs');
  const plan = parsePlan(text);
  const catalog = new ToggleCatalog({ sources: [new RegistryFileSource('config/features.yml', registryText())] }).withDocument(plan);
  const onName = positionOf(text, '[avs_enabled]', 3);
  const prodUi = 'https://api.va.gov/flipper/features/avs_enabled';
  const stagingUi = 'https://staging-api.va.gov/flipper/features/avs_enabled';

  it('finds the toggle under the name or its link, and nothing elsewhere', () => {
    assert.equal(toggleAtPosition(plan, onName)?.toggle.name, 'avs_enabled');
    assert.equal(toggleAtPosition(plan, positionOf(text, 'flipper/features/avs_enabled'))?.toggle.name, 'avs_enabled');
    assert.equal(toggleHover(plan, positionOf(text, 'Rollback plan'), catalog, [], TODAY), undefined);
  });

  it('renders every environment state exactly (snapshot)', () => {
    const statuses = [
      env('production', { kind: 'known', state: 'conditional', anonymousOnly: false, gates: { ...NO_GATES, percentageOfActors: 25, groups: 2 } }, 3, prodUi),
      env('staging', { kind: 'known', state: 'on', anonymousOnly: false, gates: { ...NO_GATES, boolean: true } }, 75, stagingUi),
      env('dev', { kind: 'known', state: 'off', anonymousOnly: false, gates: NO_GATES }, 4000),
      env('sandbox', { kind: 'unknown', reason: 'timeout' }, 3, 'https://sandbox-api.va.gov/flipper/features/avs_enabled'),
      env('review', { kind: 'not-found' }, 12),
      { environment: { name: 'public', kind: 'va-feature-toggles' }, status: { kind: 'known', state: 'on', anonymousOnly: true }, ageSeconds: 200000 },
    ] satisfies EnvironmentStatus[];
    const hover = toggleHover(plan, onName, catalog, statuses, TODAY, { stages: STAGES });
    assert.deepEqual(hover?.range, plan.toggles[0].range);
    assert.equal(
      hover?.markdown,
      [
        '**`avs_enabled`** — Enables the After Visit Summary API.',
        '',
        'Actor type: user · Registry: config/features.yml',
        '',
        '- **production**: Conditionally enabled: 25% of actors, 2 groups · fetched 3 s ago · [Flipper UI](https://api.va.gov/flipper/features/avs_enabled)',
        '- **staging**: Fully enabled · fetched 1 min ago · [Flipper UI](https://staging-api.va.gov/flipper/features/avs_enabled)',
        '- **dev**: Disabled · fetched 1 h ago',
        '- **sandbox**: Unknown (timed out 3 s ago) · [Flipper UI](https://sandbox-api.va.gov/flipper/features/avs_enabled)',
        '- **review**: Not found in Flipper · fetched 12 s ago',
        '- **public**: Enabled for an anonymous visitor (public API: on/off only) · fetched 2 d ago',
        '',
        'plan: Stage B, 50%, 2/18–3/4/2026',
        '',
        // rollout-drift's view of each environment, with the reason where it cannot compare
        '- **production** vs plan: **drift** — conditionally enabled for 25% of actors, 2 groups; the plan says Stage B at 50% since 2/18/2026',
        '- **staging** vs plan: **drift** — fully enabled; the plan says Stage B at 50% since 2/18/2026',
        '- **dev** vs plan: **drift** — disabled; the plan says Stage B at 50% since 2/18/2026',
        '- **sandbox** vs plan: not compared — the live state is unknown \\(timeout\\)',
        '- **review** vs plan: not compared — the toggle is not in Flipper',
        '- **public** vs plan: not compared — the public API answers on/off only, which cannot show a partial rollout',
      ].join('\n'),
    );
  });

  it('says plainly when it cannot know: no environment, untrusted, stale, errors', () => {
    const none = toggleHover(plan, onName, catalog, [], TODAY);
    assert.equal(
      none?.markdown,
      [
        '**`avs_enabled`** — Enables the After Visit Summary API.',
        '',
        'Actor type: user · Registry: config/features.yml',
        '',
        'Live status: no environment configured (`releasePlan.environments`)',
        '',
        // No environment gives a UI link: the plan's own Flipper link.
        '[Flipper UI](https://api.va.gov/flipper/features/avs_enabled)',
      ].join('\n'),
    );
    const lines = (statuses: EnvironmentStatus[]) => toggleHover(plan, onName, catalog, statuses, TODAY)!.markdown.split('\n\n')[2];
    assert.equal(
      lines([
        env('production', { kind: 'unknown', reason: 'untrusted' }),
        env('staging', { kind: 'unknown', reason: 'stale' }, 600),
        env('dev', { kind: 'unknown', reason: 'http-error', detail: 'HTTP 500' }, 5),
        env('local', { kind: 'unknown', reason: 'malformed' }, 5),
        env('qa', { kind: 'unknown', reason: 'redirect-refused' }, 5),
        env('big', { kind: 'unknown', reason: 'too-large' }, 5),
        env('http', { kind: 'unknown', reason: 'insecure' }, 5),
        env('new', { kind: 'unknown', reason: 'not-fetched' }),
        env('pending', { kind: 'unknown', reason: 'timeout' }),
      ]),
      [
        '- **production**: Unknown (workspace not trusted)',
        '- **staging**: Unknown (last answer 10 min ago is stale)',
        '- **dev**: Unknown (HTTP 500 error 5 s ago)',
        '- **local**: Unknown (malformed answer 5 s ago)',
        '- **qa**: Unknown (redirect to another host refused 5 s ago)',
        '- **big**: Unknown (answer too large 5 s ago)',
        '- **http**: Unknown (plain http refused, HTTPS required 5 s ago)',
        '- **new**: Unknown (not fetched yet)',
        '- **pending**: Unknown (timed out)',
      ].join('\n'),
    );
  });

  it('names the Flipper spelling of a camelCase toggle and says when the registry lacks it', () => {
    const t = '## Feature Toggles\n\n| Toggle name | Description |\n| --- | --- |\n| travelPaySMOC | Lets Veterans file <b>mileage</b> claims [here](https://evil.example) |\n';
    const p = parsePlan(t);
    const view = new ToggleCatalog({ sources: [new RegistryFileSource('config/features.yml', registryText())] }).withDocument(p);
    const hover = toggleHover(p, positionOf(t, 'travelPaySMOC', 2), view, [], TODAY);
    assert.equal(
      hover?.markdown,
      [
        '**`travelPaySMOC`** (Flipper: `travel_pay_smoc`) — Lets Veterans file \\<b\\>mileage\\</b\\> claims \\[here\\]\\(https://evil.example\\)',
        '',
        'Not in the toggle registry',
        '',
        'Live status: no environment configured (`releasePlan.environments`)',
        '',
        '[Flipper UI](https://api.va.gov/flipper/features/travel_pay_smoc)',
      ].join('\n'),
    );
  });

  it('escapes remote text: names of environments, HTTP details, descriptions', () => {
    assert.equal(escapeMarkdown('*bold* [x](javascript:alert(1)) <img src=x> a_b & `c`'), '\\*bold\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\<img src=x\\> a\\_b \\& \\`c\\`');
    assert.equal(escapeMarkdown('x'.repeat(400)).length, 300);
    assert.equal(escapeMarkdown('# not a heading'), '\\# not a heading');
    assert.equal(escapeMarkdown('12. not a list'), '12\\. not a list');
    assert.equal(escapeMarkdown('- not an item, v1.2-beta'), '\\- not an item, v1.2-beta');
    assert.equal(describeStatus({ kind: 'unknown', reason: 'http-error', detail: 'HTTP <500>' }, 1), 'Unknown (HTTP \\<500\\> error 1 s ago)');
    const hover = toggleHover(plan, onName, catalog, [env('[prod](https://evil.example)', { kind: 'not-found' }, 1, 'javascript:alert(1)')], TODAY);
    assert.ok(hover?.markdown.includes('- **\\[prod\\]\\(https://evil.example\\)**: Not found in Flipper · fetched 1 s ago'));
    assert.ok(!hover?.markdown.includes('javascript:'));
  });

  // One test per source of text from outside the document: each stays inert (no live link, HTML or
  // code span) whatever it holds.
  const HOSTILE = '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `code`';
  const inert = (md: string) => {
    assert.doesNotMatch(md, /(?<!\\)\[click(?<!\\)\](?<!\\)\(command:/, md);
    assert.doesNotMatch(md, /(?<!\\)<img/, md);
    assert.doesNotMatch(md, /(?<!\\)`code(?<!\\)`/, md);
    assert.ok(md.includes('\\[click\\]\\(command:workbench.action.terminal.new\\) \\<img src=x onerror=alert\\(1\\)\\> \\`code\\`'), md);
  };

  it('source: the registry (description, actor type, file label)', () => {
    const registry = `features:\n  avs_enabled:\n    actor_type: ${JSON.stringify(HOSTILE)}\n    description: ${JSON.stringify(HOSTILE)}\n`;
    const hostile = new ToggleCatalog({ sources: [new RegistryFileSource(HOSTILE, registry)] }).withDocument(plan);
    const md = toggleHover(plan, onName, hostile, [], TODAY)!.markdown;
    inert(md);
    assert.match(md, /Actor type: \\\[click.* · Registry: \\\[click/);
  });

  it('source: environment names and notes', () => {
    const md = toggleHover(plan, onName, catalog, [{ ...env(HOSTILE, { kind: 'not-found' }, 1), notes: [HOSTILE] }], TODAY)!.markdown;
    inert(md);
    assert.match(md, /⚠ \\\[click/);
  });

  it('source: Flipper answers (only counts and known words reach the hover)', async () => {
    const live = new LiveToggleStatus({
      get: async () => ({ status: 200, body: JSON.stringify({ key: HOSTILE, state: 'conditional', gates: [{ key: 'groups', name: HOSTILE, value: [HOSTILE] }, { key: HOSTILE, name: HOSTILE, value: HOSTILE }] }) }),
      environments: [{ name: 'production', kind: 'flipper-api', url: 'https://api.va.gov/flipper/api' }],
      trusted: true,
      now: () => 0,
    });
    const md = (await provideToggleHover(plan, onName, new ToggleCatalog(), live, TODAY))!.markdown;
    assert.match(md, /- \*\*production\*\*: Conditionally enabled: 1 group · fetched 0 s ago/);
    assert.doesNotMatch(md, /click|img|code/);
    // an HTTP error's detail is escaped too
    assert.equal(describeStatus({ kind: 'unknown', reason: 'http-error', detail: HOSTILE }), `Unknown (${escapeMarkdown(HOSTILE)} error)`);
  });

  it('source: another plan in the workspace (its description of the toggle)', () => {
    const index = new WorkspaceToggleIndex({ parsePlan });
    index.update('file:///w/other-release-plan.md', `## Feature Toggles\n\n| Toggle name | Description |\n| --- | --- |\n| \`avs_enabled\` | ${HOSTILE} |\n`);
    const bare = parsePlan('## Feature Toggles\n\n| Toggle name | Description |\n| --- | --- |\n| `avs_enabled` | |\n');
    const md = toggleHover(bare, positionOf('## Feature Toggles\n\n| Toggle name | Description |\n| --- | --- |\n| `avs_enabled` | |\n', 'avs_enabled', 2), new ToggleCatalog({ sources: [index] }).withDocument(bare), [], TODAY)!.markdown;
    inert(md);
  });

  it('never shows a user name or password in a Flipper link, from an environment or from the plan', () => {
    const withLogin = toggleHover(plan, onName, catalog, [env('production', { kind: 'not-found' }, 1, 'https://admin:hunter2@api.va.gov/flipper/features/avs_enabled')], TODAY)!.markdown;
    assert.ok(withLogin.includes('[Flipper UI](https://api.va.gov/flipper/features/avs_enabled)'), withLogin);
    assert.doesNotMatch(withLogin, /hunter2|admin/);
    const t = '## Feature Toggles\n\n| Toggle name | Description |\n| --- | --- |\n| [avs_enabled](https://admin:hunter2@api.va.gov/flipper/features/avs_enabled) | x |\n';
    const linked = toggleHover(parsePlan(t), positionOf(t, 'avs_enabled', 2), catalog, [], TODAY)!.markdown;
    assert.doesNotMatch(linked, /hunter2|admin/);
  });

  it('says where today sits in the plan', () => {
    assert.equal(planExpectation(STAGES, { year: 2026, month: 2, day: 1 }), 'plan: not started (Stage A from 2/11/2026)');
    assert.equal(planExpectation(STAGES, { year: 2026, month: 2, day: 11 }), 'plan: Stage A, 25%, 2/11–2/17/2026');
    assert.equal(planExpectation(STAGES, { year: 2026, month: 3, day: 5 }), 'plan: Stage C, 100%, 3/5/2026');
    assert.equal(planExpectation(STAGES, { year: 2026, month: 4, day: 1 }), 'plan: rollout complete (Stage C ended 3/5/2026)');
    const gap = [STAGES[0], { ...STAGES[2], start: { year: 2026, month: 3, day: 1 } }];
    assert.equal(planExpectation(gap, { year: 2026, month: 2, day: 20 }), 'plan: between stages (Stage C from 3/1/2026)');
    assert.equal(planExpectation([{ label: 'A', start: { year: 2025, month: 12, day: 29 }, end: { year: 2026, month: 1, day: 2 } }], { year: 2026, month: 1, day: 1 }), 'plan: Stage A, 12/29/2025–1/2/2026');
    assert.equal(planExpectation([], TODAY), undefined);
  });

  it('end to end: fetches the Flipper spelling, only when hovering a toggle', async () => {
    const requests: HttpRequest[] = [];
    const live = new LiveToggleStatus({
      get: async (r) => {
        requests.push(r);
        return { status: 200, body: flipperBody('show_one_va_debt_letter', 'conditional', { percentage_of_actors: '10', actors: ['User;1', 'User;2'] }) };
      },
      environments: [{ name: 'production', kind: 'flipper-api', url: 'https://api.va.gov/flipper/api' }],
      trusted: true,
      now: () => 0,
    });
    const t = '## Feature Toggles\n\n| Toggle name | Description |\n| --- | --- |\n| `showOneVADebtLetter` | One letter |\n\nSome prose.\n';
    const p = parsePlan(t);
    const full = new ToggleCatalog({ sources: [new RegistryFileSource('config/features.yml', registryText())] });
    assert.equal(await provideToggleHover(p, positionOf(t, 'Some prose'), full, live, TODAY), undefined);
    assert.equal(requests.length, 0);
    const hover = await provideToggleHover(p, positionOf(t, 'showOne', 3), full, live, TODAY);
    assert.deepEqual(requests.map((r) => r.url), ['https://api.va.gov/flipper/api/features/show_one_va_debt_letter']);
    assert.equal(
      hover?.markdown.split('\n\n')[2],
      '- **production**: Conditionally enabled: 10% of actors, 2 actors · fetched 0 s ago · [Flipper UI](https://api.va.gov/flipper/features/show_one_va_debt_letter)',
    );
  });
});
