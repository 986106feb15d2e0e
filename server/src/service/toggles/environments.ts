// `releasePlan.environments` arrives as untyped JSON from settings; this turns it into environments
// the live status service can use, and says in words what it dropped and why (for the output channel).
import type { EnvironmentConfig, EnvironmentKind } from './types';

const KINDS: readonly EnvironmentKind[] = ['flipper-api', 'va-feature-toggles'];

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** An http(s) URL as written, with any `user:password@` cut out (`hadUserinfo` says so), or undefined. */
function httpUrl(v: unknown): { url: string; hadUserinfo: boolean } | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    const u = new URL(v.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    const hadUserinfo = u.username !== '' || u.password !== '';
    // cut from the text as written (URL.href would normalise it): everything up to the authority's last '@'
    return { url: hadUserinfo ? v.trim().replace(/^(https?:\/\/)[^/?#]*@/i, '$1') : v.trim(), hadUserinfo };
  } catch {
    return undefined;
  }
}

const CREDENTIALS_ADVICE = "store a token with 'Release Plan: Set Flipper Token for Environment…' instead";

export function parseEnvironments(value: unknown): { environments: EnvironmentConfig[]; problems: string[] } {
  const environments: EnvironmentConfig[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { environments, problems };
  if (!Array.isArray(value)) return { environments, problems: ['releasePlan.environments must be a list'] };
  value.forEach((item, i) => {
    const where = `releasePlan.environments[${i}]`;
    if (!isObject(item)) return void problems.push(`${where} is not an object`);
    const name = typeof item.name === 'string' ? item.name.trim() : '';
    if (!name) return void problems.push(`${where} has no name`);
    if (environments.some((e) => e.name === name)) return void problems.push(`${where}: environment '${name}' is listed twice`);
    const kind = KINDS.find((k) => k === item.kind);
    if (!kind) return void problems.push(`${where} ('${name}'): kind must be one of ${KINDS.join(', ')}`);
    const url = httpUrl(item.url);
    if (!url) return void problems.push(`${where} ('${name}'): url must be an http(s) URL`);
    const env: EnvironmentConfig = { name, kind, url: url.url };
    // What is wrong with the entry is said twice: in the log, and on the environment's hover line,
    // where the user looks when a link or a status is not what they expect.
    const notes: string[] = [];
    if (url.hadUserinfo) {
      problems.push(`${where} ('${name}'): url contains a user name or password, which is never sent or shown; remove it from the setting and ${CREDENTIALS_ADVICE}`);
      notes.push('user name/password in url ignored (use Set Flipper Token)');
    }
    if (item.uiUrl !== undefined) {
      const uiUrl = httpUrl(item.uiUrl);
      if (!uiUrl) {
        problems.push(`${where} ('${name}'): uiUrl is not an http(s) URL, so it is ignored and the hover links the UI derived from url; set it to the Flipper UI's address (e.g. https://api.va.gov/flipper) or remove it`);
        notes.push('uiUrl ignored: not an http(s) URL');
      } else if (uiUrl.hadUserinfo) {
        problems.push(`${where} ('${name}'): uiUrl contains a user name or password, so it is ignored and never shown; remove it from the setting and ${CREDENTIALS_ADVICE}`);
        notes.push('uiUrl ignored: it contains a user name or password');
      } else {
        env.uiUrl = uiUrl.url;
      }
    }
    if (notes.length) env.notes = notes;
    if (typeof item.tokenHeader === 'string' && /^[A-Za-z0-9-]+$/.test(item.tokenHeader)) env.tokenHeader = item.tokenHeader;
    else if (item.tokenHeader !== undefined) problems.push(`${where} ('${name}'): tokenHeader ignored, not a header name`);
    environments.push(env);
  });
  return { environments, problems };
}
