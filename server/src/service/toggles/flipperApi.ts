// The two JSON APIs live status comes from, as URLs and response parsers:
// - the Flipper gem's API: GET {url}/features/{name} → {"key","state","gates":[{"key","name","value"}]};
//   values are loose (`"25"` for 25, `"true"`, null for unset, arrays for sets); 404 = no such feature;
// - vets-api's public GET {url}/v0/feature_toggles?features=a,b → {"data":{"features":[{"name","value"}]}},
//   which answers on/off for an anonymous visitor only.
import { toggleKey } from './names';
import type { EnvironmentConfig, GateSummary, ToggleStatus } from './types';

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function flipperFeatureUrl(env: EnvironmentConfig, name: string): string {
  return `${trimSlash(env.url)}/features/${encodeURIComponent(name)}`;
}

export function vaFeatureTogglesUrl(env: EnvironmentConfig, names: readonly string[]): string {
  return `${trimSlash(env.url)}/v0/feature_toggles?features=${names.map(encodeURIComponent).join(',')}`;
}

/** The Flipper UI page of a toggle in an environment, when the UI's address is known or derivable. */
export function flipperUiUrl(env: EnvironmentConfig, name: string): string | undefined {
  let base: string | undefined = env.uiUrl;
  if (!base && env.kind === 'flipper-api') {
    // The API is conventionally mounted under the UI (`/flipper/api`); anything else needs `uiUrl`.
    const m = /^(.*\/flipper)\/api\/?$/.exec(env.url);
    base = m?.[1];
  }
  if (!base && env.kind === 'va-feature-toggles') base = `${trimSlash(env.url)}/flipper`;
  if (!base || !/^https?:\/\//i.test(base)) return undefined;
  return `${trimSlash(base)}/features/${encodeURIComponent(name)}`;
}

/** Far deeper than any Flipper answer (an expression gate nests a few levels). */
export const MAX_RESPONSE_DEPTH = 64;

/**
 * Does the JSON text nest objects/arrays deeper than `max`? Scanned iteratively over the raw text:
 * a hostile answer 100,000 levels deep must read as malformed, not as an empty (so *Disabled*) feature.
 */
export function nestsDeeperThan(body: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function looseNumber(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseFloat(v) : NaN;
  return Number.isFinite(n) ? n : 0;
}

function looseBoolean(v: unknown): boolean {
  return v === true || v === 'true';
}

function setSize(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  // Older Flipper versions serialise sets as objects keyed by member.
  if (isObject(v)) return Object.keys(v).length;
  return 0;
}

export function summarizeGates(gates: unknown): GateSummary {
  const summary: GateSummary = { boolean: false, expression: false, actors: 0, groups: 0, percentageOfActors: 0, percentageOfTime: 0 };
  if (!Array.isArray(gates)) return summary;
  for (const gate of gates) {
    if (!isObject(gate)) continue;
    const key = typeof gate.key === 'string' ? gate.key : typeof gate.name === 'string' ? gate.name : '';
    const value = gate.value;
    switch (key) {
      case 'boolean':
        summary.boolean = looseBoolean(value);
        break;
      case 'expression':
        summary.expression = value !== null && value !== undefined && !(isObject(value) && Object.keys(value).length === 0);
        break;
      case 'actors':
        summary.actors = setSize(value);
        break;
      case 'groups':
        summary.groups = setSize(value);
        break;
      case 'percentage_of_actors':
        summary.percentageOfActors = looseNumber(value);
        break;
      case 'percentage_of_time':
        summary.percentageOfTime = looseNumber(value);
        break;
    }
  }
  return summary;
}

/** Flipper's own rule, for a response without a usable `state`. */
function stateFromGates(g: GateSummary): 'on' | 'off' | 'conditional' {
  if (g.boolean || g.percentageOfActors >= 100 || g.percentageOfTime >= 100) return 'on';
  if (g.expression || g.actors > 0 || g.groups > 0 || g.percentageOfActors > 0 || g.percentageOfTime > 0) return 'conditional';
  return 'off';
}

/** Interprets a flipper-api answer. `body` is the raw text: malformed JSON is an answer too (unknown). */
export function parseFlipperFeatureResponse(status: number, body: string): ToggleStatus {
  if (status === 404) return { kind: 'not-found' };
  if (status < 200 || status >= 300) return { kind: 'unknown', reason: 'http-error', detail: `HTTP ${status}` };
  let data: unknown;
  try {
    if (nestsDeeperThan(body, MAX_RESPONSE_DEPTH)) return { kind: 'unknown', reason: 'malformed' };
    data = JSON.parse(body);
  } catch {
    return { kind: 'unknown', reason: 'malformed' };
  }
  if (!isObject(data)) return { kind: 'unknown', reason: 'malformed' };
  const stated = data.state === 'on' || data.state === 'off' || data.state === 'conditional' ? data.state : undefined;
  // *Disabled* is a claim: only a stated state, or a list of gates Flipper would write, may make it.
  // Anything else (no state and gates that are not gate objects) is an answer we cannot read.
  const gatesReadable = Array.isArray(data.gates) && data.gates.every((g) => isObject(g) && (typeof g.key === 'string' || typeof g.name === 'string'));
  if (!stated && !gatesReadable) return { kind: 'unknown', reason: 'malformed' };
  const gates = summarizeGates(data.gates);
  const state = stated ?? stateFromGates(gates);
  return { kind: 'known', state, gates, anonymousOnly: false };
}

/** Interprets a va-feature-toggles answer for each asked name (matched by spelling-insensitive key). */
export function parseVaFeatureTogglesResponse(status: number, body: string, names: readonly string[]): Map<string, ToggleStatus> {
  const out = new Map<string, ToggleStatus>();
  const all = (s: ToggleStatus) => {
    for (const n of names) out.set(n, s);
    return out;
  };
  if (status < 200 || status >= 300) return all({ kind: 'unknown', reason: 'http-error', detail: `HTTP ${status}` });
  let data: unknown;
  try {
    if (nestsDeeperThan(body, MAX_RESPONSE_DEPTH)) return all({ kind: 'unknown', reason: 'malformed' });
    data = JSON.parse(body);
  } catch {
    return all({ kind: 'unknown', reason: 'malformed' });
  }
  const features = isObject(data) && isObject(data.data) ? data.data.features : undefined;
  if (!Array.isArray(features)) return all({ kind: 'unknown', reason: 'malformed' });
  const values = new Map<string, boolean>();
  for (const f of features) {
    if (isObject(f) && typeof f.name === 'string' && typeof f.value === 'boolean') values.set(toggleKey(f.name), f.value);
  }
  for (const n of names) {
    const v = values.get(toggleKey(n));
    out.set(n, v === undefined ? { kind: 'not-found' } : { kind: 'known', state: v ? 'on' : 'off', anonymousOnly: true });
  }
  return out;
}
