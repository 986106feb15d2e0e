import { strict as assert } from 'node:assert';
import { tokenKey } from '../../../server/src/protocol/index';
import { parseEnvironments } from '../../../server/src/service/toggles/environments';

describe('releasePlan.environments', () => {
  it('keeps valid environments and names what it drops', () => {
    const { environments, problems } = parseEnvironments([
      { name: 'production', kind: 'va-feature-toggles', url: 'https://api.va.gov' },
      { name: 'local', kind: 'flipper-api', url: 'http://localhost:3000/flipper/api', uiUrl: 'http://localhost:3000/flipper', tokenHeader: 'X-Token' },
      { name: 'production', kind: 'flipper-api', url: 'https://x.gov' },
      { name: 'bad-kind', kind: 'launchdarkly', url: 'https://x.gov' },
      { name: 'bad-url', kind: 'flipper-api', url: 'file:///etc/passwd' },
      { kind: 'flipper-api', url: 'https://x.gov' },
      'staging',
      { name: 'odd', kind: 'flipper-api', url: 'https://x.gov/flipper/api', uiUrl: 'javascript:1', tokenHeader: 'Bad: header' },
    ]);
    assert.deepEqual(environments, [
      { name: 'production', kind: 'va-feature-toggles', url: 'https://api.va.gov' },
      { name: 'local', kind: 'flipper-api', url: 'http://localhost:3000/flipper/api', uiUrl: 'http://localhost:3000/flipper', tokenHeader: 'X-Token' },
      { name: 'odd', kind: 'flipper-api', url: 'https://x.gov/flipper/api' },
    ]);
    assert.deepEqual(problems, [
      "releasePlan.environments[2]: environment 'production' is listed twice",
      "releasePlan.environments[3] ('bad-kind'): kind must be one of flipper-api, va-feature-toggles",
      "releasePlan.environments[4] ('bad-url'): url must be an http(s) URL",
      'releasePlan.environments[5] has no name',
      'releasePlan.environments[6] is not an object',
      "releasePlan.environments[7] ('odd'): uiUrl ignored, not an http(s) URL",
      "releasePlan.environments[7] ('odd'): tokenHeader ignored, not a header name",
    ]);
    assert.deepEqual(parseEnvironments(undefined), { environments: [], problems: [] });
    assert.deepEqual(parseEnvironments({}).problems, ['releasePlan.environments must be a list']);
  });

  it('keys tokens by environment name and origin', () => {
    assert.equal(tokenKey({ name: 'production', url: 'https://api.va.gov/flipper/api' }), 'releasePlan.flipperToken:production@https://api.va.gov');
    assert.notEqual(tokenKey({ name: 'production', url: 'https://api.va.gov' }), tokenKey({ name: 'production', url: 'https://evil.example' }));
  });
});
