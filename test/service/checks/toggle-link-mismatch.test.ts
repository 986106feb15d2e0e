import { strict as assert } from 'node:assert';
import { toggleLinkMismatchCheck } from '../../../server/src/service/checks/toggle-link-mismatch';
import type { CheckContext } from '../../../server/src/service/checks/types';
import { parsePlan } from '../../../server/src/service/parse/index';
import { corpusFiles, seedPlan, seedText } from '../../helpers/toggles';

const context: CheckContext = { today: { year: 2026, month: 2, day: 20 }, plannedEndAt: () => undefined };

describe('toggle-link-mismatch', () => {
  it('is silent on the seeds, whose links agree with their text', () => {
    for (const seed of ['dispute-debt', 'avs', 'cst'] as const) assert.deepEqual(toggleLinkMismatchCheck.check(seedPlan(seed), context), [], seed);
  });

  it('flags the feature name in the URL when it differs from the link text', () => {
    const text = seedText('avs').replace('flipper/features/avs_enabled)', 'flipper/features/avs_enable)');
    const findings = toggleLinkMismatchCheck.check(parsePlan(text), context);
    assert.deepEqual(findings, [
      {
        checkId: 'toggle-link-mismatch',
        // `avs_enable` inside the URL, not the whole row.
        range: { start: { line: 6, character: 52 }, end: { line: 6, character: 62 } },
        message: "Link text 'avs_enabled' points at Flipper feature 'avs_enable'; make the link and its text name the same toggle.",
        data: { name: 'avs_enabled', featureName: 'avs_enable', fixedTarget: 'https://api.va.gov/flipper/features/avs_enabled' },
      },
    ]);
    assert.equal(text.split('\n')[6].slice(52, 62), 'avs_enable');
  });

  it('treats camelCase text and its snake_case URL as the same toggle', () => {
    const plan = parsePlan('## Feature Toggles\n\n| Toggle name | Description |\n| --- | --- |\n| [avsEnabled](https://api.va.gov/flipper/features/avs_enabled) | x |\n');
    assert.equal(plan.toggles[0].link?.featureName, 'avs_enabled');
    assert.deepEqual(toggleLinkMismatchCheck.check(plan, context), []);
  });

  it('finds nothing to flag across the real corpus except true mismatches', () => {
    const flagged: string[] = [];
    for (const f of corpusFiles()) {
      for (const finding of toggleLinkMismatchCheck.check(parsePlan(f.text), context)) flagged.push(`${finding.data?.name} -> ${finding.data?.featureName}`);
    }
    // Every finding names two different toggles (measured: the corpus has none or few).
    for (const f of flagged) {
      const [a, b] = f.split(' -> ');
      assert.notEqual(a.replace(/_/g, '').toLowerCase(), b.replace(/_/g, '').toLowerCase());
    }
  });
});
