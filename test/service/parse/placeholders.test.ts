import { strict as assert } from 'node:assert';
import { scanPlaceholders } from '../../../server/src/service/parse/placeholders';

describe('scanPlaceholders: [PICK_ONE] option lists', () => {
  it('keeps N/A as one option in a pipe-separated list', () => {
    const [m] = scanPlaceholders('- Any issues with VA handling/processing?: [PICK_ONE]: yes | no |  N/A');
    assert.equal(m.kind, 'pick-one');
    assert.deepEqual(m.options?.values, ['yes', 'no', 'N/A']);
    assert.equal(m.options?.text, 'yes | no |  N/A');
  });

  it('reads a slash-separated list, N/A included', () => {
    assert.deepEqual(scanPlaceholders('[PICK_ONE]: yes/no/N/A')[0].options?.values, ['yes', 'no', 'N/A']);
    assert.deepEqual(scanPlaceholders('[PICK_ONE]: yes/no')[0].options?.values, ['yes', 'no']);
  });
});
