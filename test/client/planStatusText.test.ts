// The words of the editor's language status item (client/src/planStatus.ts): pure, so tested here.
import { strict as assert } from 'node:assert';
import { describeStatus } from '../../client/src/planStatusText';

describe('language status wording', () => {
  it('names the counts and why the file is a plan, or says it is not one', () => {
    assert.deepEqual(describeStatus({ isPlan: true, reason: 'path', stages: 5, toggles: 1 }), { text: 'Release plan (5 stages, 1 toggle)', detail: 'name matches releasePlan.files' });
    assert.deepEqual(describeStatus({ isPlan: true, reason: 'content', stages: 1, toggles: 0 }), { text: 'Release plan (1 stage, 0 toggles)', detail: 'recognised by its content' });
    assert.equal(describeStatus({ isPlan: false, stages: 0, toggles: 0 }).text, 'Not a release plan');
  });
});
