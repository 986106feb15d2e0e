// A link whose percent-escapes do not decode (`%` at the end, `%_`, a truncated UTF-8 sequence) is
// text: the parse, the checks and the hovers carry on, and the rest of the plan is still read.
import { strict as assert } from 'node:assert';
import { runChecks } from '../../../server/src/service/checks/index';
import { flipperFeatureName, parsePlan } from '../../../server/src/service/parse/index';
import { read, SEED_AVS } from '../../helpers/fixtures';
import { checkContext, fixedClock } from '../../../server/src/service/index';

const BAD_TARGETS = ['https://api.va.gov/flipper/features/avs_enabled%', 'https://api.va.gov/flipper/features/%E0%A4', 'https://api.va.gov/flipper/features/a%_b'];

describe('malformed percent-escapes in links', () => {
  for (const target of BAD_TARGETS) {
    it(`never throw: ${target}`, () => {
      assert.equal(flipperFeatureName(target), undefined);
      const text = `${read(SEED_AVS)}\n\n| Toggle name | Description |\n|---|---|\n| [avs_enabled](${target}) | d |\n\nThe toggle [here](${target}) and [%_](https://example.com/%_).\n`;
      const plan = parsePlan(text);
      // the table cell still names its toggle; the undecodable link just names no Flipper feature
      const cell = plan.toggles.find((t) => t.source === 'table' && t.link?.target === target);
      assert.ok(cell, 'the toggle in the table is still read');
      assert.equal(cell.name, 'avs_enabled');
      assert.equal(cell.link?.featureName, undefined);
      // the rest of the plan is still there: the seed's own toggles and stages
      assert.ok(plan.toggles.length > 1);
      assert.ok(plan.stages.length > 0);
      runChecks(plan, checkContext(plan, fixedClock({ year: 2026, month: 3, day: 1 })), undefined, {
        onCheckError: (id, err) => assert.fail(`check ${id} threw: ${String(err)}`),
      });
    });
  }

  it('still decodes a well-formed escape', () => {
    assert.equal(flipperFeatureName('https://api.va.gov/flipper/features/avs%5Fenabled'), 'avs_enabled');
  });
});
