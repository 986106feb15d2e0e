// The one network operation the toggle service needs, as an interface: the Node side
// (server/src/node/flipperFetcher.ts) and the web worker (server/src/browser/fetchFetcher.ts) implement it with its safety rules; tests hand in fakes.

export interface HttpRequest {
  url: string;
  /** Extra headers, e.g. the environment's token header. Never logged. */
  headers: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  body: string;
}

/** A GET. Rejects with `FetchFailure` for anything that is not an HTTP answer. */
export type HttpGet = (request: HttpRequest) => Promise<HttpResponse>;

export type FetchFailureKind = 'timeout' | 'network' | 'too-large' | 'redirect-refused' | 'insecure' | 'untrusted' | 'not-configured' | 'cross-origin';

export class FetchFailure extends Error {
  constructor(
    readonly kind: FetchFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'FetchFailure';
  }
}
