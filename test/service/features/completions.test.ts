import { strict as assert } from 'node:assert';
import { matchesTyped, provideCompletions, type CompletionSuggestion } from '../../../server/src/service/features/completions';
import { parsePlan } from '../../../server/src/service/parse/index';
import { ToggleCatalog } from '../../../server/src/service/toggles/catalog';
import { RegistryFileSource } from '../../../server/src/service/toggles/registryFile';
import { WorkspaceToggleIndex } from '../../../server/src/service/toggles/workspaceIndex';
import { registryText, seedText } from '../../helpers/toggles';

const URI = 'file:///ws/docs/avs-release-plan.md';
const OTHER_PLAN = '## Feature Toggles\n\n| Toggle name | Description |\n| --- | --- |\n| `avs_summary_pdf_download` | Lets Veterans download the AVS as a PDF |\n| travelPaySMOC | Mileage-only claims |\n';

function catalog(): ToggleCatalog {
  const index = new WorkspaceToggleIndex({ parsePlan, label: (uri) => uri.replace('file:///ws/', '') });
  index.update('file:///ws/docs/other-release-plan.md', OTHER_PLAN);
  // This very file, as the index saw it on disk: must not count as "another plan".
  index.update(URI, seedText('avs'));
  return new ToggleCatalog({ sources: [new RegistryFileSource('config/features.yml', registryText()), index] });
}

/** Completions at the `|` marker in `text` (the marker is removed). */
function complete(text: string): { items: CompletionSuggestion[]; incomplete: boolean; text: string } {
  const at = text.indexOf('‸');
  const clean = text.slice(0, at) + text.slice(at + 1);
  const plan = parsePlan(clean);
  const lines = clean.slice(0, at).split('\n');
  const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return { ...provideCompletions(plan, position, catalog().withDocument(plan, URI)), text: clean };
}

const AVS = seedText('avs');
const TABLE_END = '| Enables display of AVS links on past appointments |\n';

describe('toggle completions', () => {
  it('in a new toggle-table row: this plan, then the registry, then other plans', () => {
    const { items, incomplete } = complete(AVS.replace(TABLE_END, `${TABLE_END}| ‸ | |\n`));
    const labels = items.map((i) => i.label);
    // Nothing typed yet: every toggle, and the list is complete.
    assert.equal(incomplete, false);
    // This plan's two toggles first, in name order.
    assert.deepEqual(labels.slice(0, 2), ['avs_enabled', 'va_online_scheduling_after_visit_summary']);
    assert.deepEqual(
      items.slice(0, 2).map((i) => i.detail),
      [
        // Registry description wins; both sources are named.
        'Enables the After Visit Summary API. (this plan, config/features.yml)',
        'Enables display of AVS links on past appointments (this plan)',
      ],
    );
    // Then all other registry toggles, then the other plan's toggles.
    const firstOther = labels.indexOf('avs_summary_pdf_download');
    assert.equal(firstOther, labels.length - 2);
    assert.equal(labels[labels.length - 1], 'travelPaySMOC');
    assert.equal(items[firstOther].detail, 'Lets Veterans download the AVS as a PDF (plan docs/other-release-plan.md)');
    assert.equal(labels.length, 2 + 713 + 2);
    assert.ok(items.slice(2, 715).every((i) => i.sortText.startsWith('1_')));
    const merge = items.find((i) => i.label === 'merge_1995_and_5490');
    assert.equal(merge?.detail, 'Activating the combined 1995 and 5490 form (config/features.yml)');
    assert.deepEqual(items[0].range, { start: { line: 8, character: 2 }, end: { line: 8, character: 2 } });
  });

  it('narrows the names to what matches the typed text, and says the list is incomplete', () => {
    const { items, incomplete } = complete(AVS.replace(TABLE_END, `${TABLE_END}| avs‸ | |\n`));
    const labels = items.map((i) => i.label);
    assert.equal(incomplete, true, 'the editor asks again as the user types on');
    // a, v, s in order, any case: what the editor's own filter would keep (and no fewer)
    assert.ok(labels.every((l) => /a.*v.*s/i.test(l)), labels.join(', '));
    assert.ok(labels.length > 10 && labels.length < 300, `${labels.length} names`);
    assert.deepEqual(labels.slice(0, 2), ['avs_enabled', 'va_online_scheduling_after_visit_summary']);
    assert.ok(labels.includes('avs_summary_pdf_download') && !labels.includes('merge_1995_and_5490'));
    // Replaces just the partial name.
    assert.deepEqual(items[0].range, { start: { line: 8, character: 2 }, end: { line: 8, character: 5 } });
  });

  it('matches typed text the way editors filter: characters in order, any case', () => {
    assert.ok(matchesTyped('avs', 'avs_enabled'));
    assert.ok(matchesTyped('AVS', 'va_online_scheduling_after_visit_summary'));
    assert.ok(matchesTyped('travSMOC', 'travelPaySMOC'));
    assert.ok(matchesTyped('', 'anything'));
    assert.ok(!matchesTyped('avs', 'accredited_representative_portal_api'));
    assert.ok(!matchesTyped('sva', 'avs_enabled'));
  });

  it('does not offer the toggle being typed back to itself', () => {
    const { items } = complete(AVS.replace('| [avs_enabled](https', '| [avs_ena‸bled](https'));
    // avs_enabled is still offered (registry), but as a registry toggle, not "this plan".
    const avs = items.find((i) => i.label === 'avs_enabled');
    assert.equal(avs?.sortText, '1_avs_enabled');
    assert.ok(!items.some((i) => i.label === 'avs_enabled' && i.sortText.startsWith('0_')));
    assert.deepEqual(avs?.range, { start: { line: 6, character: 3 }, end: { line: 6, character: 14 } });
  });

  it('offers nothing in the description column or the header', () => {
    assert.deepEqual(complete(AVS.replace('| Enables the AVS API', '| Enables the AVS‸ API')).items, []);
    assert.deepEqual(complete(AVS.replace('| Toggle name |', '| Toggle‸ name |')).items, []);
  });

  it('in backticks in prose', () => {
    const { items } = complete(AVS.replace('the feature toggles will be disabled', 'the feature toggles (`va_online_sch‸`) will be disabled'));
    const { incomplete } = complete(AVS.replace('the feature toggles will be disabled', 'the feature toggles (`va_online_sch‸`) will be disabled'));
    assert.equal(items[0].label, 'va_online_scheduling_after_visit_summary');
    assert.equal(items[0].range.end.character - items[0].range.start.character, 'va_online_sch'.length);
    assert.ok(incomplete && items.length > 5 && items.length < 100, `${items.length} names`);
  });

  it('in a Flipper URL path, with the name Flipper knows', () => {
    const { items } = complete(AVS.replace(TABLE_END, `${TABLE_END}| [x](https://api.va.gov/flipper/features/trav‸) | |\n`));
    const smoc = items.find((i) => i.insertText === 'travel_pay_smoc');
    assert.ok(smoc, 'camelCase plan toggle completes to its snake_case Flipper name');
    assert.equal(smoc.sortText, '2_travel_pay_smoc');
  });

  it("completes a Flipper link's whole URL from its text", () => {
    const row = (target: string) => `${TABLE_END}| [avs_summary_pdf_download](${target}) | |\n`;
    for (const typed of ['‸', 'https://api.va.gov/fl‸']) {
      const { items } = complete(AVS.replace(TABLE_END, row(typed)));
      assert.deepEqual(
        items.map((i) => [i.label, i.insertText, i.kind]),
        [['https://api.va.gov/flipper/features/avs_summary_pdf_download', 'https://api.va.gov/flipper/features/avs_summary_pdf_download', 'url']],
      );
      assert.deepEqual(items[0].range, { start: { line: 8, character: 29 }, end: { line: 8, character: 29 + typed.length - 1 } });
    }
    // A target that is not heading for Flipper: nothing.
    assert.deepEqual(complete(AVS.replace(TABLE_END, row('https://github.com/‸'))).items, []);
  });

  it('answers a [PICK_ONE], replacing the marker and its options', () => {
    const { items, text } = complete(AVS.replace('change?: [PICK_ONE]: yes', 'change?: [PICK‸_ONE]: yes'));
    assert.deepEqual(items.map((i) => i.label), ['yes', 'no', 'N/A']);
    const line = text.split('\n')[items[0].range.start.line];
    assert.equal(line.slice(items[0].range.start.character, items[0].range.end.character), '[PICK_ONE]: yes | no |  N/A');
  });

  it('offers the next stage, with the next percentage, in a new stage heading', () => {
    const { items } = complete(AVS.replace('### Stage E', '### St‸\n\n### Stage E'));
    assert.deepEqual(items[0], {
      label: 'Stage C: 75% of users',
      kind: 'stage',
      detail: 'next stage after Stage B',
      insertText: '### Stage C: 75% of users',
      filterText: '### Stage C: 75% of users',
      range: items[0].range,
      sortText: '0',
      preselect: true,
    });
    const first = complete('# Plan\n\n## Phase II\n\n### ‸\n');
    assert.equal(first.items[0].label, 'Stage A: Canary');
    const roman = complete('# Plan\n\n### Stage I: 10% of users\n\n### Stage II: 25% of users\n\n### ‸\n');
    assert.equal(roman.items[0].label, 'Stage III: 50% of users');
  });

  it('offers the template sections the plan lacks, at their template depth', () => {
    const { items } = complete(AVS.replace('## Post-launch Questions', '## ‸\n\n## Post-launch Questions'));
    assert.deepEqual(
      items.filter((i) => i.kind === 'heading').map((i) => i.insertText),
      ['## Post Launch metrics', '### 1-week results', '### 1-month results'],
    );
    // A plan with a toggle table but no toggles heading is not offered one.
    assert.ok(!complete(seedText('dispute-debt').replace('## Step 2: Validation', '## ‸\n\n## Step 2: Validation')).items.some((i) => i.label === 'Feature Toggles'));
  });

  it('offers nothing inside code blocks or in plain prose', () => {
    assert.deepEqual(complete('# Plan\n\n```\n| Toggle name |\n`avs‸`\n```\n').items, []);
    assert.deepEqual(complete(AVS.replace('The AVS team will monitor', 'The AVS‸ team will monitor')).items, []);
  });
});
