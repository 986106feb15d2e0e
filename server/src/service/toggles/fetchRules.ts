// Which URLs live toggle status may fetch at all: one set of rules for every fetcher (Node's
// node/flipperFetcher.ts and the web worker's browser/fetchFetcher.ts), checked before any request.
import { FetchFailure } from './http';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** localhost, 127.0.0.0/8 and ::1 (bracketed or not): the only hosts plain http may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (IPV4.test(host)) return host.startsWith('127.');
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The origins of the configured environments: a request (and its token) goes to no other. */
export function allowedOrigins(environments: readonly { url: string }[]): Set<string> {
  return new Set(environments.map((e) => originOf(e.url)).filter((o): o is string => o !== undefined));
}

/** Why a URL may not be fetched, or undefined when it may. */
export function refusal(url: URL, allowed: ReadonlySet<string>, trusted: boolean): FetchFailure | undefined {
  if (!trusted) return new FetchFailure('untrusted', 'live toggle status is off in an untrusted workspace');
  if (!allowed.has(url.origin)) return new FetchFailure('not-configured', `no environment is configured for ${url.origin}`);
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  return new FetchFailure('insecure', `refusing ${url.protocol}// to ${url.hostname}: HTTPS is required except on loopback`);
}
