// The Node fetcher against real local servers (127.0.0.1, plain http and https with a test CA) that
// speak both JSON APIs, including their failure modes. Every safety rule is checked on the servers'
// request logs: a refused request must never reach a socket.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, LookupFunction } from 'node:net';
import path from 'node:path';
import { createFlipperFetcher, isLoopbackHost } from '../../server/src/node/flipperFetcher';
import { FetchFailure } from '../../server/src/service/toggles/http';
import { describeStatus } from '../../server/src/service/features/toggleHover';
import { LiveToggleStatus } from '../../server/src/service/toggles/liveStatus';
import { FIXTURES, flipperBody } from '../helpers/toggles';

interface Logged {
  server: 'http' | 'https';
  method: string;
  host: string;
  url: string;
  authorization?: string;
}

const TLS_KEY = readFileSync(path.join(FIXTURES, 'toggles/tls/flipper.test.key'));
const TLS_CERT = readFileSync(path.join(FIXTURES, 'toggles/tls/flipper.test.crt'));

const FEATURES: Record<string, string> = {
  avs_enabled: flipperBody('avs_enabled', 'conditional', { percentage_of_actors: '25', groups: ['a', 'b'] }),
  dispute_debt: flipperBody('dispute_debt', 'on', { boolean: 'true' }),
};

function handler(server: 'http' | 'https', log: Logged[]): http.RequestListener {
  return (req, res) => {
    log.push({ server, method: req.method ?? '', host: req.headers.host ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: string) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body);
    };
    if (url.pathname === '/v0/feature_toggles') {
      const names = (url.searchParams.get('features') ?? '').split(',');
      return json(200, JSON.stringify({ data: { type: 'feature_toggles', features: names.map((name) => ({ name, value: name === 'dispute_debt' })) } }));
    }
    const m = /^\/flipper\/api\/features\/([^/]+)$/.exec(url.pathname);
    if (!m) return json(404, '{}');
    const name = decodeURIComponent(m[1]);
    switch (name) {
      case 'boom':
        return json(500, '{"error":"internal"}');
      case 'garbled':
        return json(200, '{"key":"garbled","state":');
      case 'slow':
        setTimeout(() => json(200, FEATURES.avs_enabled), 1_500).unref();
        return;
      case 'elsewhere': {
        const port = (req.socket.address() as AddressInfo).port;
        res.writeHead(302, { Location: `http://localhost:${port}/flipper/api/features/avs_enabled` });
        return res.end();
      }
      case 'moved':
        res.writeHead(301, { Location: '/flipper/api/features/dispute_debt' });
        return res.end();
      case 'huge': {
        // Streamed without a length, so only counting the bytes can stop it.
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = 'x'.repeat(64 * 1024);
        let sent = 0;
        const pump = () => {
          while (sent < 4 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => (sent = Infinity));
        return pump();
      }
      case 'deep':
        // valid JSON 100,000 levels deep: a parser that only looked for `state` read it as Disabled
        return json(200, '{"key":"deep","gates":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}');
      case 'huge_declared':
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(5 * 1024 * 1024) });
        return res.end();
    }
    if (FEATURES[name]) return json(200, FEATURES[name]);
    return json(404, '{"code":1,"message":"Feature not found.","more_info":"https://flippercloud.io/docs/api#error-code-reference"}');
  };
}

describe('flipper fetcher (node, against local servers)', () => {
  const log: Logged[] = [];
  let httpServer: http.Server;
  let httpsServer: https.Server;
  let base = '';
  let secureBase = '';
  // Resolves every name to the local servers, so a request the fetcher failed to refuse would show in the log.
  const lookup = ((_host: string, options: { all?: boolean }, cb: (err: Error | null, address: string | Array<{ address: string; family: number }>, family?: number) => void) => {
    if (options?.all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
    else cb(null, '127.0.0.1', 4);
  }) as unknown as LookupFunction;

  before(async () => {
    httpServer = http.createServer(handler('http', log));
    httpsServer = https.createServer({ key: TLS_KEY, cert: TLS_CERT }, handler('https', log));
    await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => httpsServer.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    secureBase = `https://flipper.test:${(httpsServer.address() as AddressInfo).port}`;
  });
  after(async () => {
    httpServer.closeAllConnections();
    httpsServer.closeAllConnections();
    await new Promise((r) => httpServer.close(r));
    await new Promise((r) => httpsServer.close(r));
  });
  beforeEach(() => {
    log.length = 0;
  });

  const fetcher = (overrides: Partial<Parameters<typeof createFlipperFetcher>[0]> = {}) =>
    createFlipperFetcher({ trusted: true, environments: [{ url: `${base}/flipper/api` }], timeoutMs: 300, maxBodyBytes: 256 * 1024, lookup, ca: TLS_CERT, ...overrides });

  async function failure(p: Promise<unknown>): Promise<FetchFailure> {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof FetchFailure, String(e));
      return e;
    }
    assert.fail('expected a FetchFailure');
  }

  it('GETs a feature over loopback http and a 404 for an unknown one', async () => {
    const get = fetcher();
    const ok = await get({ url: `${base}/flipper/api/features/avs_enabled`, headers: {} });
    assert.equal(ok.status, 200);
    assert.equal(ok.body, FEATURES.avs_enabled);
    const missing = await get({ url: `${base}/flipper/api/features/nope`, headers: {} });
    assert.equal(missing.status, 404);
    assert.deepEqual(log.map((l) => [l.method, l.url]), [['GET', '/flipper/api/features/avs_enabled'], ['GET', '/flipper/api/features/nope']]);
  });

  it('returns 500 and malformed bodies as answers (the parser calls them unknown)', async () => {
    const get = fetcher();
    assert.equal((await get({ url: `${base}/flipper/api/features/boom`, headers: {} })).status, 500);
    assert.equal((await get({ url: `${base}/flipper/api/features/garbled`, headers: {} })).body, '{"key":"garbled","state":');
  });

  it('gives up on a slow answer at the timeout', async () => {
    const started = Date.now();
    const e = await failure(fetcher()({ url: `${base}/flipper/api/features/slow`, headers: {} }));
    assert.equal(e.kind, 'timeout');
    assert.ok(Date.now() - started < 1_000, `${Date.now() - started} ms`);
  });

  it('refuses a redirect to another host, and follows one within the origin', async () => {
    const e = await failure(fetcher()({ url: `${base}/flipper/api/features/elsewhere`, headers: { Authorization: 'Bearer tok' } }));
    assert.equal(e.kind, 'redirect-refused');
    assert.deepEqual(log.map((l) => l.url), ['/flipper/api/features/elsewhere']);
    log.length = 0;
    const moved = await fetcher()({ url: `${base}/flipper/api/features/moved`, headers: {} });
    assert.equal(moved.body, FEATURES.dispute_debt);
    assert.deepEqual(log.map((l) => l.url), ['/flipper/api/features/moved', '/flipper/api/features/dispute_debt']);
  });

  it('stops reading a huge body at the cap, with or without a declared length', async () => {
    assert.equal((await failure(fetcher()({ url: `${base}/flipper/api/features/huge`, headers: {} }))).kind, 'too-large');
    assert.equal((await failure(fetcher()({ url: `${base}/flipper/api/features/huge_declared`, headers: {} }))).kind, 'too-large');
  });

  it('makes no request without a configured environment, or in an untrusted workspace', async () => {
    const url = `${base}/flipper/api/features/avs_enabled`;
    assert.equal((await failure(fetcher({ environments: [] })({ url, headers: {} }))).kind, 'not-configured');
    assert.equal((await failure(fetcher({ environments: [{ url: 'https://api.va.gov/flipper/api' }] })({ url, headers: {} }))).kind, 'not-configured');
    assert.equal((await failure(fetcher({ trusted: false })({ url, headers: {} }))).kind, 'untrusted');
    // And the service above it never calls the fetcher then.
    let calls = 0;
    const counting = (r: Parameters<ReturnType<typeof fetcher>>[0]) => {
      calls++;
      return fetcher()(r);
    };
    await new LiveToggleStatus({ get: counting, environments: [], trusted: true }).statuses('avs_enabled');
    await new LiveToggleStatus({ get: counting, environments: [{ name: 'local', kind: 'flipper-api', url: `${base}/flipper/api` }], trusted: false }).statuses('avs_enabled');
    assert.equal(calls, 0);
    assert.deepEqual(log, []);
  });

  it('reads trust and environments on every call when given getters', async () => {
    let trusted = false;
    let environments: Array<{ url: string }> = [{ url: `${base}/flipper/api` }];
    const get = fetcher({ trusted: () => trusted, environments: () => environments });
    const url = `${base}/flipper/api/features/avs_enabled`;
    assert.equal((await failure(get({ url, headers: {} }))).kind, 'untrusted');
    trusted = true;
    assert.equal((await get({ url, headers: {} })).status, 200);
    environments = [];
    assert.equal((await failure(get({ url, headers: {} }))).kind, 'not-configured');
    assert.equal(log.length, 1);
  });

  it('refuses plain http to a non-loopback host before connecting', async () => {
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://flipper.test:${port}/flipper/api/features/avs_enabled`;
    const e = await failure(fetcher({ environments: [{ url: `http://flipper.test:${port}/flipper/api` }] })({ url, headers: { Authorization: 'Bearer tok' } }));
    assert.equal(e.kind, 'insecure');
    // The lookup would have routed it to the local server: nothing arrived.
    assert.deepEqual(log, []);
  });

  it('talks HTTPS to a named host, sending the token header only there, never in errors', async () => {
    const get = fetcher({ environments: [{ url: `${secureBase}/flipper/api` }] });
    const ok = await get({ url: `${secureBase}/flipper/api/features/dispute_debt`, headers: { Authorization: 'Bearer s3cret-token' } });
    assert.equal(ok.status, 200);
    assert.deepEqual(log.map((l) => [l.server, l.host.split(':')[0], l.authorization]), [['https', 'flipper.test', 'Bearer s3cret-token']]);
    const e = await failure(get({ url: `${secureBase}/flipper/api/features/elsewhere`, headers: { Authorization: 'Bearer s3cret-token' } }));
    assert.equal(e.kind, 'redirect-refused');
    assert.ok(!e.message.includes('s3cret'));
    assert.equal(log.filter((l) => l.server === 'http').length, 0);
  });

  it('feeds the live status service end to end (both APIs)', async () => {
    const environments = [
      { name: 'local', kind: 'flipper-api' as const, url: `${base}/flipper/api` },
      { name: 'public', kind: 'va-feature-toggles' as const, url: base },
    ];
    const live = new LiveToggleStatus({ get: fetcher({ environments }), environments, trusted: true });
    const m = await live.statusesMany(['avs_enabled', 'dispute_debt', 'nope']);
    assert.deepEqual(
      [...m].map(([n, s]) => [n, s.map((x) => (x.status.kind === 'known' ? x.status.state : x.status.kind))]),
      [
        ['avs_enabled', ['conditional', 'off']],
        ['dispute_debt', ['on', 'on']],
        ['nope', ['not-found', 'off']],
      ],
    );
    // Three feature GETs and one batched feature_toggles GET.
    assert.equal(log.length, 4);
    assert.equal(log.filter((l) => l.url.startsWith('/v0/feature_toggles?features=avs_enabled,dispute_debt,nope')).length, 1);
  });

  it('never sends a user name and password from a URL (Node would make them Basic auth)', async () => {
    const get = fetcher();
    const ok = await get({ url: `${base.replace('http://', 'http://admin:hunter2@')}/flipper/api/features/avs_enabled`, headers: {} });
    assert.equal(ok.status, 200);
    assert.deepEqual(log.map((l) => [l.url, l.authorization]), [['/flipper/api/features/avs_enabled', undefined]]);
  });

  it('shows a deeply nested body as unknown (malformed answer), not Disabled', async () => {
    const environments = [{ name: 'local', kind: 'flipper-api' as const, url: `${base}/flipper/api` }];
    const live = new LiveToggleStatus({ get: fetcher({ environments }), environments, trusted: true });
    const [s] = await live.statuses('deep');
    assert.deepEqual(s.status, { kind: 'unknown', reason: 'malformed' });
    assert.match(describeStatus(s.status, s.ageSeconds), /^Unknown \(malformed answer/);
    assert.deepEqual(log.map((l) => l.url), ['/flipper/api/features/deep']);
  });

  it('knows what loopback is', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1']) assert.equal(isLoopbackHost(h), true, h);
    for (const h of ['api.va.gov', '10.0.0.1', '128.0.0.1', 'localhost.evil.com', '[::2]']) assert.equal(isLoopbackHost(h), false, h);
  });
});
