import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
      { name: 'odd', kind: 'flipper-api', url: 'https://x.gov/flipper/api', notes: ['uiUrl ignored: not an http(s) URL'] },
    ]);
    assert.deepEqual(problems, [
      "releasePlan.environments[2]: environment 'production' is listed twice",
      "releasePlan.environments[3] ('bad-kind'): kind must be one of flipper-api, va-feature-toggles",
      "releasePlan.environments[4] ('bad-url'): url must be an http(s) URL",
      'releasePlan.environments[5] has no name',
      'releasePlan.environments[6] is not an object',
      "releasePlan.environments[7] ('odd'): uiUrl is not an http(s) URL, so it is ignored and the hover links the UI derived from url; set it to the Flipper UI's address (e.g. https://api.va.gov/flipper) or remove it",
      "releasePlan.environments[7] ('odd'): tokenHeader ignored, not a header name",
    ]);
    assert.deepEqual(parseEnvironments(undefined), { environments: [], problems: [] });
    assert.deepEqual(parseEnvironments({}).problems, ['releasePlan.environments must be a list']);
  });

  it('never keeps a user name or password from a url or uiUrl, and says to use a stored token', () => {
    const { environments, problems } = parseEnvironments([
      { name: 'prod', kind: 'flipper-api', url: 'https://admin:hunter2@api.example.gov/flipper/api', uiUrl: 'https://admin:hunter2@api.example.gov/flipper' },
      { name: 'staging', kind: 'va-feature-toggles', url: 'https://staging-api.example.gov', uiUrl: 'https://token@staging.example.gov/flipper' },
    ]);
    assert.deepEqual(environments, [
      { name: 'prod', kind: 'flipper-api', url: 'https://api.example.gov/flipper/api', notes: ['user name/password in url ignored (use Set Flipper Token)', 'uiUrl ignored: it contains a user name or password'] },
      { name: 'staging', kind: 'va-feature-toggles', url: 'https://staging-api.example.gov', notes: ['uiUrl ignored: it contains a user name or password'] },
    ]);
    assert.deepEqual(problems, [
      "releasePlan.environments[0] ('prod'): url contains a user name or password, which is never sent or shown; remove it from the setting and store a token with 'Release Plan: Set Flipper Token for Environment…' instead",
      "releasePlan.environments[0] ('prod'): uiUrl contains a user name or password, so it is ignored and never shown; remove it from the setting and store a token with 'Release Plan: Set Flipper Token for Environment…' instead",
      "releasePlan.environments[1] ('staging'): uiUrl contains a user name or password, so it is ignored and never shown; remove it from the setting and store a token with 'Release Plan: Set Flipper Token for Environment…' instead",
    ]);
    assert.ok(!JSON.stringify(environments).includes('hunter2'));
  });

  it('the settings schema in package.json refuses what parseEnvironments refuses, so the editor flags it as typed', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { items: { properties: Record<string, { pattern: string }> } }> } };
    };
    const fields = manifest.contributes.configuration.properties['releasePlan.environments'].items.properties;
    for (const field of ['url', 'uiUrl']) {
      const pattern = new RegExp(fields[field].pattern);
      for (const ok of ['https://api.va.gov', 'https://api.va.gov/flipper/api', 'http://127.0.0.1:3000/flipper', 'https://x.gov/p?q=a@b']) assert.ok(pattern.test(ok), `${field}: ${ok}`);
      for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'http://user:pass@host/flipper', 'https://token@api.va.gov']) {
        assert.ok(!pattern.test(bad), `${field}: ${bad}`);
        const parsed = parseEnvironments([{ name: 'e', kind: 'flipper-api', url: 'https://x.gov/flipper/api', [field]: bad }]);
        assert.equal(parsed.problems.length, 1, `${field}: ${bad}`);
      }
    }
  });

  it('keys tokens by environment name and origin', () => {
    assert.equal(tokenKey({ name: 'production', url: 'https://api.va.gov/flipper/api' }), 'releasePlan.flipperToken:production@https://api.va.gov');
    assert.notEqual(tokenKey({ name: 'production', url: 'https://api.va.gov' }), tokenKey({ name: 'production', url: 'https://evil.example' }));
  });
});
