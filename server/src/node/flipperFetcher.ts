// The Node side of live toggle status: the only code that touches the network, so every rule that
// keeps it safe is enforced here, before a socket is opened:
// - nothing at all unless the workspace is trusted and the URL belongs to a configured environment;
// - HTTPS only, except plain http to a loopback address (a local Flipper in development);
// - GET only; redirects followed only within the same origin (so a token never leaves its host);
// - one deadline (default 2 s) for the whole exchange, redirects included; a capped body size.
// Tokens arrive in request headers from memory and are never logged or put in error messages.
import type http from 'node:http';
import type { LookupFunction } from 'node:net';
import { allowedOrigins, FetchFailure, refusal, type HttpGet, type HttpRequest, type HttpResponse } from '../service/index';

// which URLs may be fetched at all: service/toggles/fetchRules.ts, shared with the web worker's fetcher

export interface FlipperFetcherOptions {
  /**
   * Workspace trust as the client reported it (initializationOptions). Untrusted: every call refuses.
   * A function is read on every call, so a trust change needs no new fetcher.
   */
  trusted: boolean | (() => boolean);
  /** The configured environments (or a getter of the current ones); requests go only to their origins. */
  environments: readonly { url: string }[] | (() => readonly { url: string }[]);
  timeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** Tests only: resolve host names to a local server, trust a test CA. */
  lookup?: LookupFunction;
  ca?: string | Buffer;
}

const USER_AGENT = 'release-plan-tools (toggle status)';

// Loaded on the first request, not at start: most servers never fetch (no environment configured),
// and Node's http, https and tls modules took ~15 ms of every server start (the spawn profile, issue 17).
let transports: { http: typeof import('node:http'); https: typeof import('node:https') } | undefined;
function transportFor(protocol: string): typeof import('node:http') | typeof import('node:https') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load of built-in modules
  transports ??= { http: require('node:http') as typeof import('node:http'), https: require('node:https') as typeof import('node:https') };
  return protocol === 'https:' ? transports.https : transports.http;
}

export function createFlipperFetcher(options: FlipperFetcherOptions): HttpGet {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  const maxRedirects = options.maxRedirects ?? 3;
  const trustOption = options.trusted;
  const trusted = typeof trustOption === 'function' ? trustOption : () => trustOption;
  const envOption = options.environments;
  const environments = typeof envOption === 'function' ? envOption : () => envOption;

  return (request: HttpRequest): Promise<HttpResponse> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return Promise.reject(new FetchFailure('not-configured', 'not a URL'));
    }
    const refused = refusal(url, allowedOrigins(environments()), trusted());
    if (refused) return Promise.reject(refused);

    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false;
      let current: http.ClientRequest | undefined;
      const finish = (error: FetchFailure | undefined, response?: HttpResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        if (error) {
          current?.destroy();
          reject(error);
        } else resolve(response!);
      };
      const deadline = setTimeout(() => finish(new FetchFailure('timeout', `no answer within ${timeoutMs} ms`)), timeoutMs);

      const go = (target: URL, redirectsLeft: number) => {
        // Node turns `user:password@` into a Basic Authorization header: credentials only ever come
        // from secret storage (the token header), never from a URL (settings strip them too).
        target.username = '';
        target.password = '';
        const transport = transportFor(target.protocol);
        const req = transport.request(
          target,
          {
            method: 'GET',
            headers: { ...request.headers, 'User-Agent': USER_AGENT },
            lookup: options.lookup,
            ca: options.ca,
            // The deadline above governs; this only stops an idle socket from lingering.
            timeout: timeoutMs,
          },
          (res) => {
            const status = res.statusCode ?? 0;
            if (status >= 300 && status < 400 && res.headers.location) {
              res.resume();
              let next: URL;
              try {
                next = new URL(res.headers.location, target);
              } catch {
                return finish(new FetchFailure('network', 'redirect to an invalid location'));
              }
              if (next.origin !== target.origin) return finish(new FetchFailure('redirect-refused', `redirect to another host (${next.host}) refused`));
              if (redirectsLeft <= 0) return finish(new FetchFailure('network', 'too many redirects'));
              return go(next, redirectsLeft - 1);
            }
            const declared = Number(res.headers['content-length']);
            if (Number.isFinite(declared) && declared > maxBodyBytes) {
              return finish(new FetchFailure('too-large', `response larger than ${maxBodyBytes} bytes`));
            }
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              size += chunk.length;
              if (size > maxBodyBytes) finish(new FetchFailure('too-large', `response larger than ${maxBodyBytes} bytes`));
              else chunks.push(chunk);
            });
            res.on('end', () => finish(undefined, { status, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', () => finish(new FetchFailure('network', 'connection lost while reading the response')));
          },
        );
        current = req;
        req.on('timeout', () => finish(new FetchFailure('timeout', `no answer within ${timeoutMs} ms`)));
        // Only the error code: messages can carry addresses, never anything from the headers.
        req.on('error', (e: NodeJS.ErrnoException) => finish(new FetchFailure('network', e.code ?? 'network error')));
        req.end();
      };
      go(url, maxRedirects);
    });
  };
}
