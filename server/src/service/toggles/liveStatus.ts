// Live toggle status from the configured environments, with the fetching rules in one place:
// - nothing is fetched unless an environment is configured and the workspace is trusted;
// - one request in flight per (environment, name), shared by every caller;
// - answers are cached with their fetch time; a caller gets the cache while it is fresher than the
//   refresh interval, and a failure is remembered for `failureRetryMs` so a failing server is not
//   asked again on every mouse move;
// - data older than 2× the refresh interval, or a failure, is *unknown*, never the last good value;
// - no timers run while nothing asks (no polling): fetches happen only inside `statuses()`;
// - a caller never waits longer than `maxWaitMs`, whatever the fetcher does.
import { FetchFailure, type HttpGet, type HttpRequest } from './http';
import { flipperFeatureUrl, flipperUiUrl, parseFlipperFeatureResponse, parseVaFeatureTogglesResponse, vaFeatureTogglesUrl } from './flipperApi';
import type { EnvironmentConfig, EnvironmentStatus, ToggleStatus, UnknownReason } from './types';

export interface LiveStatusOptions {
  get: HttpGet;
  /** Milliseconds since the epoch; injectable so tests control time. */
  now?: () => number;
  environments?: readonly EnvironmentConfig[];
  /** Workspace trust, from the client. Untrusted: nothing is ever fetched. */
  trusted?: boolean;
  /**
   * The environment's token, held in memory by the server (from SecretStorage via the client). It is
   * given the whole environment so the caller can key tokens by name *and* origin: a workspace that
   * re-points `production` at another host must not receive the token stored for the real one.
   */
  token?: (environment: EnvironmentConfig) => string | undefined;
  refreshIntervalMs?: number;
  failureRetryMs?: number;
  maxWaitMs?: number;
}

interface CacheEntry {
  at: number;
  status: ToggleStatus;
}

const FAILURE_REASON: Record<FetchFailure['kind'], UnknownReason> = {
  timeout: 'timeout',
  network: 'network',
  'too-large': 'too-large',
  'redirect-refused': 'redirect-refused',
  insecure: 'insecure',
  untrusted: 'untrusted',
  'not-configured': 'not-fetched',
  'cross-origin': 'cross-origin',
};

function failureStatus(e: unknown): ToggleStatus {
  if (e instanceof FetchFailure) return { kind: 'unknown', reason: FAILURE_REASON[e.kind] };
  return { kind: 'unknown', reason: 'network' };
}

export class LiveToggleStatus {
  private readonly get: HttpGet;
  private readonly now: () => number;
  private readonly token: (environment: EnvironmentConfig) => string | undefined;
  private envs: readonly EnvironmentConfig[];
  private trusted: boolean;
  private readonly refreshIntervalMs: number;
  private readonly failureRetryMs: number;
  private readonly maxWaitMs: number;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, Promise<void>>();
  // Answers to requests started under an older configuration are dropped, not cached.
  private generation = 0;

  constructor(options: LiveStatusOptions) {
    this.get = options.get;
    this.now = options.now ?? Date.now;
    this.token = options.token ?? (() => undefined);
    this.envs = options.environments ?? [];
    this.trusted = options.trusted ?? false;
    this.refreshIntervalMs = options.refreshIntervalMs ?? 60_000;
    this.failureRetryMs = options.failureRetryMs ?? 10_000;
    this.maxWaitMs = options.maxWaitMs ?? 2_500;
  }

  get environments(): readonly EnvironmentConfig[] {
    return this.envs;
  }

  /** New settings, trust or token: forget everything, since answers may depend on any of them. */
  configure(update: { environments?: readonly EnvironmentConfig[]; trusted?: boolean }): void {
    if (update.environments) this.envs = update.environments;
    if (update.trusted !== undefined) this.trusted = update.trusted;
    this.forget();
  }

  forget(): void {
    this.generation++;
    this.cache.clear();
    this.inFlight.clear();
  }

  /**
   * Drops what is remembered about one toggle (a failure included), so the next `statuses` fetches it
   * again: for a check the user asked for, which must not answer from a timeout a moment old.
   */
  forgetToggle(name: string): void {
    for (const env of this.envs) if (!this.inFlight.has(this.key(env, name))) this.cache.delete(this.key(env, name));
  }

  /** What is known now, without fetching: for callers that must not wait. */
  snapshot(name: string): EnvironmentStatus[] {
    return this.envs.map((env) => this.statusOf(env, name, false));
  }

  /** One toggle's status in every environment, fetching what is missing or due. */
  async statuses(name: string): Promise<EnvironmentStatus[]> {
    return (await this.statusesMany([name])).get(name) ?? [];
  }

  /** Several toggles at once; va-feature-toggles environments get one request for all of them. */
  async statusesMany(names: readonly string[]): Promise<Map<string, EnvironmentStatus[]>> {
    const out = new Map<string, EnvironmentStatus[]>();
    if (this.envs.length === 0 || names.length === 0) {
      for (const n of names) out.set(n, []);
      return out;
    }
    const waits: Promise<void>[] = [];
    if (this.trusted) {
      for (const env of this.envs) waits.push(...this.ensureFetched(env, names));
    }
    if (waits.length > 0) await this.boundedWait(waits);
    for (const n of names) out.set(n, this.envs.map((env) => this.statusOf(env, n, true)));
    return out;
  }

  private key(env: EnvironmentConfig, name: string): string {
    return `${env.name}\u0000${name}`;
  }

  private isFresh(entry: CacheEntry | undefined): boolean {
    if (!entry) return false;
    const age = this.now() - entry.at;
    return age < (entry.status.kind === 'unknown' ? this.failureRetryMs : this.refreshIntervalMs);
  }

  /** Starts the fetches `names` need in `env` and returns what to wait for (new and already running). */
  private ensureFetched(env: EnvironmentConfig, names: readonly string[]): Promise<void>[] {
    const waits: Promise<void>[] = [];
    const due: string[] = [];
    for (const n of new Set(names)) {
      const running = this.inFlight.get(this.key(env, n));
      if (running) waits.push(running);
      else if (!this.isFresh(this.cache.get(this.key(env, n)))) due.push(n);
    }
    if (due.length === 0) return waits;
    if (env.kind === 'va-feature-toggles') {
      const request = this.fetchVa(env, due);
      for (const n of due) this.track(env, n, request);
      waits.push(request);
    } else {
      for (const n of due) {
        const request = this.fetchFlipper(env, n);
        this.track(env, n, request);
        waits.push(request);
      }
    }
    return waits;
  }

  private track(env: EnvironmentConfig, name: string, request: Promise<void>): void {
    const key = this.key(env, name);
    this.inFlight.set(key, request);
    const generation = this.generation;
    void request.finally(() => {
      if (generation === this.generation && this.inFlight.get(key) === request) this.inFlight.delete(key);
    });
  }

  private request(env: EnvironmentConfig, url: string): HttpRequest {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.token(env);
    if (token) {
      const header = env.tokenHeader?.trim() || 'Authorization';
      headers[header] = header.toLowerCase() === 'authorization' ? `Bearer ${token}` : token;
    }
    return { url, headers };
  }

  private async fetchFlipper(env: EnvironmentConfig, name: string): Promise<void> {
    const generation = this.generation;
    let status: ToggleStatus;
    try {
      const res = await this.get(this.request(env, flipperFeatureUrl(env, name)));
      status = parseFlipperFeatureResponse(res.status, res.body);
    } catch (e) {
      status = failureStatus(e);
    }
    if (generation === this.generation) this.cache.set(this.key(env, name), { at: this.now(), status });
  }

  private async fetchVa(env: EnvironmentConfig, names: string[]): Promise<void> {
    const generation = this.generation;
    let statuses: Map<string, ToggleStatus>;
    try {
      const res = await this.get(this.request(env, vaFeatureTogglesUrl(env, names)));
      statuses = parseVaFeatureTogglesResponse(res.status, res.body, names);
    } catch (e) {
      const failed = failureStatus(e);
      statuses = new Map(names.map((n) => [n, failed]));
    }
    if (generation !== this.generation) return;
    const at = this.now();
    for (const [n, status] of statuses) this.cache.set(this.key(env, n), { at, status });
  }

  private async boundedWait(waits: Promise<void>[]): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.maxWaitMs);
    });
    try {
      await Promise.race([Promise.all(waits).then(() => undefined), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private statusOf(env: EnvironmentConfig, name: string, waited: boolean): EnvironmentStatus {
    const base: Omit<EnvironmentStatus, 'status'> = { environment: { name: env.name, kind: env.kind }, uiUrl: flipperUiUrl(env, name) };
    if (env.notes?.length) base.notes = env.notes;
    if (!this.trusted) return { ...base, status: { kind: 'unknown', reason: 'untrusted' } };
    const entry = this.cache.get(this.key(env, name));
    const pending = this.inFlight.has(this.key(env, name));
    if (!entry) {
      return { ...base, status: { kind: 'unknown', reason: waited && pending ? 'timeout' : 'not-fetched' } };
    }
    const ageMs = Math.max(0, this.now() - entry.at);
    const ageSeconds = Math.round(ageMs / 1000);
    if (entry.status.kind !== 'unknown' && ageMs > 2 * this.refreshIntervalMs) {
      // A refresh that is still running past the caller's wait is a timeout; otherwise just stale.
      return { ...base, status: { kind: 'unknown', reason: waited && pending ? 'timeout' : 'stale' }, ageSeconds };
    }
    return { ...base, status: entry.status, ageSeconds };
  }
}
