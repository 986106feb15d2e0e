// The web worker's fetcher (fetch under the Node fetcher's rules) against a real local server: what
// is refused never reaches it, redirects are not followed, time and size are bounded. Node's fetch
// is the same WHATWG fetch the browser runs; the CORS case (a browser-only TypeError) uses a fetch
// that fails the way the browser's does, and test/web checks it in Chromium for real.
import { strict as assert } from 'node:assert';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetchFetcher } from '../../server/src/browser/fetchFetcher';
import { FetchFailure } from '../../server/src/service/toggles/http';

async function kind(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof FetchFailure, String(e));
    return e.kind;
  }
}

describe('browser fetchFetcher', () => {
  let server: http.Server;
  let base: string;
  const log: { method: string; url: string; auth?: string }[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      log.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization });
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/ok' });
        res.end();
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('x'.repeat(5000));
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('{}'), 1500);
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (log.length = 0));

  const fetcher = (over: Partial<Parameters<typeof createFetchFetcher>[0]> = {}) =>
    createFetchFetcher({ trusted: () => true, environments: () => [{ url: `${base}/flipper/api` }], timeoutMs: 500, maxBodyBytes: 1000, ...over });

  it('GETs a configured loopback URL with the token header and returns the body', async () => {
    const res = await fetcher()({ url: `${base}/ok`, headers: { Authorization: 'Bearer t0ken' } });
    assert.deepEqual(res, { status: 200, body: '{"ok":true}' });
    assert.deepEqual(log, [{ method: 'GET', url: '/ok', auth: 'Bearer t0ken' }]);
  });

  it('refuses before any request: untrusted, another origin, plain http off loopback, not a URL', async () => {
    assert.equal(await kind(fetcher({ trusted: () => false })({ url: `${base}/ok`, headers: {} })), 'untrusted');
    assert.equal(await kind(fetcher()({ url: 'http://127.0.0.2:9/ok', headers: {} })), 'not-configured');
    assert.equal(await kind(fetcher({ environments: () => [{ url: 'http://flipper.example.com' }] })({ url: 'http://flipper.example.com/x', headers: {} })), 'insecure');
    assert.equal(await kind(fetcher()({ url: 'nope', headers: {} })), 'not-configured');
    assert.deepEqual(log, []);
  });

  it('does not follow a redirect, even on the same origin', async () => {
    assert.equal(await kind(fetcher()({ url: `${base}/redirect`, headers: { Authorization: 'Bearer t' } })), 'redirect-refused');
    assert.deepEqual(log.map((l) => l.url), ['/redirect']);
  });

  it('bounds the body size and the time', async () => {
    assert.equal(await kind(fetcher()({ url: `${base}/big`, headers: {} })), 'too-large');
    assert.equal(await kind(fetcher()({ url: `${base}/slow`, headers: {} })), 'timeout');
  });

  it('turns the browser\'s bare TypeError (CORS or unreachable) into cross-origin', async () => {
    const blocked: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    assert.equal(await kind(fetcher({ fetch: blocked })({ url: `${base}/ok`, headers: {} })), 'cross-origin');
  });
});
