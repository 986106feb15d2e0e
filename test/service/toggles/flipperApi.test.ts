import { strict as assert } from 'node:assert';
import {
  flipperFeatureUrl,
  flipperUiUrl,
  parseFlipperFeatureResponse,
  parseVaFeatureTogglesResponse,
  vaFeatureTogglesUrl,
} from '../../../server/src/service/toggles/flipperApi';
import { flipperBody } from '../../helpers/toggles';

describe('Flipper and feature_toggles API parsing', () => {
  it('reads a conditional feature with string numbers and sets', () => {
    const s = parseFlipperFeatureResponse(200, flipperBody('avs_enabled', 'conditional', { percentage_of_actors: '25', groups: ['va_employees', 'beta'] }));
    assert.deepEqual(s, {
      kind: 'known',
      state: 'conditional',
      anonymousOnly: false,
      gates: { boolean: false, expression: false, actors: 0, groups: 2, percentageOfActors: 25, percentageOfTime: 0 },
    });
  });

  it('reads on/off, and derives the state when the answer has none', () => {
    assert.equal(parseFlipperFeatureResponse(200, flipperBody('a', 'on', { boolean: 'true' })).kind, 'known');
    const noState = JSON.parse(flipperBody('a', 'x', { actors: ['User;1'], expression: { Equal: [{ Property: 'plan' }, 'basic'] } })) as { state?: string };
    delete noState.state;
    const s = parseFlipperFeatureResponse(200, JSON.stringify(noState));
    assert.equal(s.kind === 'known' && s.state, 'conditional');
    assert.equal(s.kind === 'known' && s.gates?.expression, true);
    const off = JSON.parse(flipperBody('a', 'x', {})) as { state?: string };
    delete off.state;
    assert.equal((parseFlipperFeatureResponse(200, JSON.stringify(off)) as { state: string }).state, 'off');
    const full = JSON.parse(flipperBody('a', 'x', { percentage_of_actors: '100' })) as { state?: string };
    delete full.state;
    assert.equal((parseFlipperFeatureResponse(200, JSON.stringify(full)) as { state: string }).state, 'on');
  });

  it('turns 404, 500 and malformed bodies into not-found and unknown', () => {
    assert.deepEqual(parseFlipperFeatureResponse(404, '{"code":1,"message":"Feature not found.","more_info":"https://flippercloud.io/docs/api#error-code-reference"}'), { kind: 'not-found' });
    assert.deepEqual(parseFlipperFeatureResponse(500, 'oops'), { kind: 'unknown', reason: 'http-error', detail: 'HTTP 500' });
    assert.deepEqual(parseFlipperFeatureResponse(200, '{"key":'), { kind: 'unknown', reason: 'malformed' });
    assert.deepEqual(parseFlipperFeatureResponse(200, '"just a string"'), { kind: 'unknown', reason: 'malformed' });
    assert.deepEqual(parseFlipperFeatureResponse(200, '<html>login</html>'), { kind: 'unknown', reason: 'malformed' });
  });

  it('reads a hostile body (100,000 levels deep, or gates that are not gates) as malformed, never as Disabled', () => {
    const n = 100_000;
    const malformed = { kind: 'unknown', reason: 'malformed' };
    assert.deepEqual(parseFlipperFeatureResponse(200, '{"gates":' + '['.repeat(n) + ']'.repeat(n) + '}'), malformed);
    assert.deepEqual(parseFlipperFeatureResponse(200, '{"key":"a","gates":[' + '{"a":'.repeat(n) + '1' + '}'.repeat(n) + ']}'), malformed);
    assert.deepEqual(parseFlipperFeatureResponse(200, '{"key":"a","state":"off","x":' + '['.repeat(n) + ']'.repeat(n) + '}'), malformed);
    // shallow but not Flipper's shape: no state, and gates that are not gate objects
    assert.deepEqual(parseFlipperFeatureResponse(200, '{"key":"a","gates":[[[]]]}'), malformed);
    assert.deepEqual(parseFlipperFeatureResponse(200, '{"key":"a","gates":{"boolean":true}}'), malformed);
    assert.deepEqual(parseFlipperFeatureResponse(200, '{"key":"a","state":"sideways"}'), malformed);
    // brackets inside strings are text
    const quoted = parseFlipperFeatureResponse(200, JSON.stringify({ key: '['.repeat(500), state: 'off', gates: [] }));
    assert.equal(quoted.kind === 'known' && quoted.state, 'off');
    assert.deepEqual(parseVaFeatureTogglesResponse(200, '{"data":{"features":' + '['.repeat(n) + ']'.repeat(n) + '}}', ['a']).get('a'), malformed);
  });

  it('reads va-feature-toggles answers as anonymous on/off, matching either spelling', () => {
    const body = JSON.stringify({ data: { type: 'feature_toggles', features: [{ name: 'avsEnabled', value: true }, { name: 'dispute_debt', value: false }] } });
    const m = parseVaFeatureTogglesResponse(200, body, ['avs_enabled', 'dispute_debt', 'missing_one']);
    assert.deepEqual(m.get('avs_enabled'), { kind: 'known', state: 'on', anonymousOnly: true });
    assert.deepEqual(m.get('dispute_debt'), { kind: 'known', state: 'off', anonymousOnly: true });
    assert.deepEqual(m.get('missing_one'), { kind: 'not-found' });
    assert.deepEqual(parseVaFeatureTogglesResponse(200, '{"data":{}}', ['a']).get('a'), { kind: 'unknown', reason: 'malformed' });
    assert.deepEqual(parseVaFeatureTogglesResponse(503, '', ['a']).get('a'), { kind: 'unknown', reason: 'http-error', detail: 'HTTP 503' });
  });

  it('builds API and UI URLs', () => {
    const flipper = { name: 'production', kind: 'flipper-api' as const, url: 'https://api.example.gov/flipper/api/' };
    assert.equal(flipperFeatureUrl(flipper, 'avs_enabled'), 'https://api.example.gov/flipper/api/features/avs_enabled');
    assert.equal(flipperFeatureUrl(flipper, 'cstUseLighthouse#5103'), 'https://api.example.gov/flipper/api/features/cstUseLighthouse%235103');
    assert.equal(flipperUiUrl(flipper, 'avs_enabled'), 'https://api.example.gov/flipper/features/avs_enabled');
    assert.equal(flipperUiUrl({ ...flipper, url: 'https://x.gov/api/v1/flipper' }, 'a'), undefined);
    assert.equal(flipperUiUrl({ ...flipper, uiUrl: 'https://ui.x.gov/flipper' }, 'a'), 'https://ui.x.gov/flipper/features/a');
    const va = { name: 'public', kind: 'va-feature-toggles' as const, url: 'https://api.va.gov' };
    assert.equal(vaFeatureTogglesUrl(va, ['a_b', 'cD']), 'https://api.va.gov/v0/feature_toggles?features=a_b,cD');
    assert.equal(flipperUiUrl(va, 'a_b'), 'https://api.va.gov/flipper/features/a_b');
    assert.equal(flipperUiUrl({ ...va, uiUrl: 'javascript:alert(1)' }, 'a_b'), undefined);
  });
});
