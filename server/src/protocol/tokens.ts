// tokenKey names a token by environment: the client stores it in SecretStorage under this key and the
// server looks it up by the same key, so both ends must compute it alike. The seal that carries the
// tokens across is tokenSeal.ts (Node) and tokenSealWeb.ts (browser).
import type { EnvironmentConfig } from '../service/toggles/types';

/** The environment variable through which the desktop client hands node/main.ts its session key. */
export const TOKEN_KEY_ENV = 'RELEASE_PLAN_TOKEN_KEY';

/**
 * The SecretStorage key of an environment's token: name *and* origin, so a settings change that points
 * an environment at another host does not hand that host the token stored for the old one.
 */
export function tokenKey(env: Pick<EnvironmentConfig, 'name' | 'url'>): string {
  let origin = env.url;
  try {
    origin = new URL(env.url).origin;
  } catch {
    // keep the raw url: an invalid URL is never fetched anyway
  }
  return `releasePlan.flipperToken:${env.name}@${origin}`;
}

/**
 * The tokens in an unsealed box's JSON: its string values by key, or undefined when it is not a JSON
 * object. Both seals (Node and browser) read their plaintext with this.
 */
export function tokensFromJson(json: string): Record<string, string> | undefined {
  const parsed: unknown = JSON.parse(json);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
  return out;
}
