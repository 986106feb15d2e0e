// `releasePlan.environments` arrives as untyped JSON from settings; this turns it into environments
// the live status service can use, and says in words what it dropped and why (for the output channel).
import type { EnvironmentConfig, EnvironmentKind } from './types';

const KINDS: readonly EnvironmentKind[] = ['flipper-api', 'va-feature-toggles'];

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function httpUrl(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    const u = new URL(v.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? v.trim() : undefined;
  } catch {
    return undefined;
  }
}

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
    const env: EnvironmentConfig = { name, kind, url };
    if (item.uiUrl !== undefined) {
      const uiUrl = httpUrl(item.uiUrl);
      if (uiUrl) env.uiUrl = uiUrl;
      else problems.push(`${where} ('${name}'): uiUrl ignored, not an http(s) URL`);
    }
    if (typeof item.tokenHeader === 'string' && /^[A-Za-z0-9-]+$/.test(item.tokenHeader)) env.tokenHeader = item.tokenHeader;
    else if (item.tokenHeader !== undefined) problems.push(`${where} ('${name}'): tokenHeader ignored, not a header name`);
    environments.push(env);
  });
  return { environments, problems };
}
