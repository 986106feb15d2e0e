// Live toggle status from a web worker: the browser's fetch under the Node fetcher's rules
// (service/toggles/fetchRules.ts), checked before any request:
// - nothing unless the workspace is trusted and the URL belongs to a configured environment;
// - HTTPS only, except plain http to loopback; GET only;
// - no redirects at all: fetch cannot follow one and still promise the token stays on its origin
//   (a custom token header survives a cross-origin hop), so a redirect is refused, not followed;
// - one deadline for the whole exchange and a capped body size, read as a stream.
// The browser adds one failure Node does not have: a request the page's origin may not make
// (no CORS headers on the API). fetch reports it as a bare TypeError, so it becomes 'cross-origin'
// and the hover says so instead of a vague network error.
import { allowedOrigins, FetchFailure, refusal, type HttpGet, type HttpRequest, type HttpResponse } from '../service/index';

export interface FetchFetcherOptions {
  trusted: () => boolean;
  environments: () => readonly { url: string }[];
  timeoutMs?: number;
  maxBodyBytes?: number;
  /** Tests only: another fetch (the global one by default). */
  fetch?: typeof fetch;
}

export function createFetchFetcher(options: FetchFetcherOptions): HttpGet {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  return async (request: HttpRequest): Promise<HttpResponse> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new FetchFailure('not-configured', 'not a URL');
    }
    const refused = refusal(url, allowedOrigins(options.environments()), options.trusted());
    if (refused) throw refused;
    // a URL's user:password would become credentials: they only ever come from secret storage
    url.username = '';
    url.password = '';

    const abort = new AbortController();
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, timeoutMs);
    try {
      let res: Response;
      try {
        res = await doFetch(url.href, {
          method: 'GET',
          headers: request.headers,
          redirect: 'manual',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          signal: abort.signal,
        });
      } catch {
        if (timedOut) throw new FetchFailure('timeout', `no answer within ${timeoutMs} ms`);
        // fetch says nothing more (by design: a page must not learn why a cross-origin request failed)
        throw new FetchFailure('cross-origin', `the browser blocked the request to ${url.origin} (no CORS access for this editor) or could not reach it`);
      }
      // 'manual' in a browser yields an opaque redirect (status 0); Node's fetch the 3xx itself
      if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
        throw new FetchFailure('redirect-refused', 'redirects are not followed from the browser (the token must stay on its origin)');
      }
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBodyBytes) throw new FetchFailure('too-large', `response larger than ${maxBodyBytes} bytes`);
      const body = await readCapped(res, maxBodyBytes, () => timedOut, timeoutMs);
      return { status: res.status, body };
    } finally {
      clearTimeout(deadline);
      abort.abort();
    }
  };
}

async function readCapped(res: Response, maxBytes: number, timedOut: () => boolean, timeoutMs: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw new FetchFailure('too-large', `response larger than ${maxBytes} bytes`);
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof FetchFailure) throw e;
    if (timedOut()) throw new FetchFailure('timeout', `no answer within ${timeoutMs} ms`);
    throw new FetchFailure('network', 'connection lost while reading the response');
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8').decode(all);
}
