import { strict as assert } from 'node:assert';
import { parseEnvironments } from '../../../server/src/service/toggles/environments';
import { environmentNameFor, flipperUrlProblem, mergeEnvironment, VA_PRESETS } from '../../../server/src/service/toggles/presets';

describe('toggles/presets', () => {
  it('every preset is a valid releasePlan.environments entry', () => {
    const parsed = parseEnvironments(VA_PRESETS.map((p) => p.environment));
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.environments.map((e) => `${e.name} ${e.kind} ${e.url}`), [
      'production va-feature-toggles https://api.va.gov',
      'staging va-feature-toggles https://staging-api.va.gov',
      'local flipper-api http://localhost:3000/flipper/api',
    ]);
  });

  it('accepts https anywhere and http only to loopback, never credentials in the URL', () => {
    assert.equal(flipperUrlProblem('https://flipper.example.gov/flipper/api'), undefined);
    assert.equal(flipperUrlProblem('http://127.0.0.1:4000/flipper/api'), undefined);
    assert.equal(flipperUrlProblem('http://[::1]:4000/api'), undefined);
    assert.match(flipperUrlProblem('http://flipper.example.gov/api') ?? '', /only allowed to this machine/);
    assert.match(flipperUrlProblem('https://me:pw@flipper.example.gov/api') ?? '', /No user name or password/);
    assert.match(flipperUrlProblem('javascript:alert(1)') ?? '', /Only http/);
    assert.match(flipperUrlProblem('not a url') ?? '', /Not a URL/);
    assert.equal(environmentNameFor('https://flipper.example.gov:8443/api'), 'flipper.example.gov:8443');
  });

  it('replaces an environment of the same name and keeps the others', () => {
    const prod = { name: 'production', kind: 'va-feature-toggles', url: 'https://api.va.gov' };
    const other = { name: 'mine', kind: 'flipper-api', url: 'https://x.gov/api' };
    assert.deepEqual(mergeEnvironment(undefined, prod), [prod]);
    assert.deepEqual(mergeEnvironment([other, { ...prod, url: 'https://old.gov' }], prod), [other, prod]);
    assert.deepEqual(mergeEnvironment([other], prod), [other, prod]);
  });
});
