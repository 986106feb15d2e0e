import { strict as assert } from 'node:assert';
import { FetchFailure, type HttpRequest, type HttpResponse } from '../../../server/src/service/toggles/http';
import { LiveToggleStatus } from '../../../server/src/service/toggles/liveStatus';
import type { EnvironmentConfig } from '../../../server/src/service/toggles/types';
import { flipperBody } from '../../helpers/toggles';

const PROD: EnvironmentConfig = { name: 'production', kind: 'flipper-api', url: 'https://api.example.gov/flipper/api' };
const PUBLIC: EnvironmentConfig = { name: 'public', kind: 'va-feature-toggles', url: 'https://api.example.gov' };

/** A fake network: records requests; each answer is released by the test. */
class FakeNet {
  readonly log: HttpRequest[] = [];
  private pending: Array<{ req: HttpRequest; resolve: (r: HttpResponse) => void; reject: (e: unknown) => void }> = [];
  get = (req: HttpRequest): Promise<HttpResponse> => {
    this.log.push(req);
    return new Promise((resolve, reject) => this.pending.push({ req, resolve, reject }));
  };
  answerAll(answer: (req: HttpRequest) => HttpResponse | FetchFailure): void {
    const p = this.pending;
    this.pending = [];
    for (const x of p) {
      const a = answer(x.req);
      if (a instanceof FetchFailure) x.reject(a);
      else x.resolve(a);
    }
  }
}

const tick = () => new Promise((r) => setImmediate(r));

function setup(options: Partial<ConstructorParameters<typeof LiveToggleStatus>[0]> = {}) {
  const net = new FakeNet();
  let now = 1_000_000;
  const live = new LiveToggleStatus({ get: net.get, now: () => now, environments: [PROD], trusted: true, refreshIntervalMs: 60_000, failureRetryMs: 10_000, maxWaitMs: 2_000, ...options });
  return { net, live, advance: (ms: number) => (now += ms) };
}

const conditional = (req: HttpRequest): HttpResponse => ({ status: 200, body: flipperBody(req.url.split('/').pop()!, 'conditional', { percentage_of_actors: '25' }) });

describe('live toggle status', () => {
  it('fetches nothing without an environment or in an untrusted workspace', async () => {
    const none = setup({ environments: [] });
    assert.deepEqual(await none.live.statuses('avs_enabled'), []);
    const untrusted = setup({ trusted: false });
    const s = await untrusted.live.statuses('avs_enabled');
    assert.deepEqual(s.map((x) => x.status), [{ kind: 'unknown', reason: 'untrusted' }]);
    assert.equal(none.net.log.length + untrusted.net.log.length, 0);
  });

  it('shares one in-flight request per (environment, name) among callers', async () => {
    const { net, live } = setup();
    const a = live.statuses('avs_enabled');
    const b = live.statuses('avs_enabled');
    const c = live.statusesMany(['avs_enabled', 'dispute_debt']);
    await tick();
    assert.deepEqual(net.log.map((r) => r.url), ['https://api.example.gov/flipper/api/features/avs_enabled', 'https://api.example.gov/flipper/api/features/dispute_debt']);
    net.answerAll(conditional);
    const [ra, rb, rc] = await Promise.all([a, b, c]);
    assert.deepEqual(ra, rb);
    assert.deepEqual(rc.get('avs_enabled'), ra);
    assert.equal(ra[0].status.kind, 'known');
    assert.equal(ra[0].ageSeconds, 0);
    assert.equal(ra[0].uiUrl, 'https://api.example.gov/flipper/features/avs_enabled');
  });

  it('serves the cache within the refresh interval, refetches after it, and never polls', async () => {
    const { net, live, advance } = setup();
    const first = live.statuses('avs_enabled');
    await tick();
    net.answerAll(conditional);
    await first;
    advance(30_000);
    const cached = await live.statuses('avs_enabled');
    assert.equal(net.log.length, 1);
    assert.equal(cached[0].ageSeconds, 30);
    // No timers: nothing is fetched while nobody asks, however long.
    advance(10 * 60_000);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(net.log.length, 1);
    const again = live.statuses('avs_enabled');
    await tick();
    assert.equal(net.log.length, 2);
    net.answerAll(conditional);
    assert.equal((await again)[0].ageSeconds, 0);
  });

  it('shows stale data (older than 2x the refresh interval) as unknown, not as the last good value', async () => {
    const { net, live, advance } = setup();
    const first = live.statuses('avs_enabled');
    await tick();
    net.answerAll(conditional);
    await first;
    advance(90_000);
    assert.equal(live.snapshot('avs_enabled')[0].status.kind, 'known');
    advance(31_000);
    assert.deepEqual(live.snapshot('avs_enabled')[0], {
      environment: { name: 'production', kind: 'flipper-api' },
      uiUrl: 'https://api.example.gov/flipper/features/avs_enabled',
      status: { kind: 'unknown', reason: 'stale' },
      ageSeconds: 121,
    });
  });

  it('remembers a failure briefly, as unknown with its age, then retries', async () => {
    const { net, live, advance } = setup();
    const first = live.statuses('avs_enabled');
    await tick();
    net.answerAll(() => new FetchFailure('timeout', 'slow'));
    assert.deepEqual((await first)[0].status, { kind: 'unknown', reason: 'timeout' });
    advance(3_000);
    const again = await live.statuses('avs_enabled');
    assert.equal(net.log.length, 1);
    assert.deepEqual([again[0].status, again[0].ageSeconds], [{ kind: 'unknown', reason: 'timeout' }, 3]);
    advance(8_000);
    const retry = live.statuses('avs_enabled');
    await tick();
    assert.equal(net.log.length, 2);
    net.answerAll(() => ({ status: 404, body: '{"code":1,"message":"Feature not found."}' }));
    assert.deepEqual((await retry)[0].status, { kind: 'not-found' });
  });

  it('never makes a caller wait longer than maxWaitMs, whatever the fetcher does', async () => {
    const { net, live } = setup({ maxWaitMs: 50 });
    const started = Date.now();
    const s = await live.statuses('avs_enabled');
    assert.ok(Date.now() - started < 1_000);
    assert.deepEqual(s[0].status, { kind: 'unknown', reason: 'timeout' });
    // The late answer still lands in the cache for the next caller.
    net.answerAll(conditional);
    await tick();
    assert.equal(live.snapshot('avs_enabled')[0].status.kind, 'known');
  });

  it('asks va-feature-toggles once for several names, with the token header when given', async () => {
    const { net, live } = setup({ environments: [PROD, { ...PUBLIC, tokenHeader: 'X-Flipper-Token' }], token: (env) => (env.name === 'public' ? 's3cret' : env.name === 'production' ? 'prod-token' : undefined) });
    const p = live.statusesMany(['avs_enabled', 'dispute_debt']);
    await tick();
    const vaRequests = net.log.filter((r) => r.url.includes('/v0/feature_toggles'));
    assert.deepEqual(vaRequests.map((r) => [r.url, r.headers['X-Flipper-Token']]), [['https://api.example.gov/v0/feature_toggles?features=avs_enabled,dispute_debt', 's3cret']]);
    assert.equal(net.log.find((r) => r.url.endsWith('/features/avs_enabled'))?.headers.Authorization, 'Bearer prod-token');
    net.answerAll((req) =>
      req.url.includes('/v0/') ? { status: 200, body: JSON.stringify({ data: { type: 'feature_toggles', features: [{ name: 'avs_enabled', value: true }, { name: 'dispute_debt', value: false }] } }) } : conditional(req),
    );
    const m = await p;
    assert.deepEqual(m.get('dispute_debt')?.map((s) => [s.environment.name, s.status.kind === 'known' && s.status.state]), [['production', 'conditional'], ['public', 'off']]);
  });

  it('drops answers to requests made under an old configuration', async () => {
    const { net, live } = setup({ maxWaitMs: 20 });
    await live.statuses('avs_enabled');
    live.configure({ environments: [{ ...PROD, url: 'https://other.example.gov/flipper/api' }] });
    net.answerAll(conditional);
    await tick();
    assert.deepEqual(live.snapshot('avs_enabled')[0].status, { kind: 'unknown', reason: 'not-fetched' });
    live.configure({ trusted: false });
    assert.deepEqual(live.snapshot('avs_enabled')[0].status, { kind: 'unknown', reason: 'untrusted' });
  });
});
