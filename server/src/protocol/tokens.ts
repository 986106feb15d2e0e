// Flipper tokens travel from the extension to the server inside an LSP notification, and a user who
// turns on `releasePlan.trace.server: verbose` gets every notification's params in the output
// channel. So the tokens are sealed (AES-256-GCM) with a key made fresh for each server process and
// handed over in the child's environment, which no trace or log shows: the log holds ciphertext only.
//
// tokenKey names a token by environment: the client stores it in SecretStorage under this key and the
// server looks it up by the same key, so both ends must compute it alike.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EnvironmentConfig } from '../service/toggles/types';

export const TOKEN_KEY_ENV = 'RELEASE_PLAN_TOKEN_KEY';

export function newSessionKey(): string {
  return randomBytes(32).toString('base64');
}

export function sealTokens(key: string, tokens: Record<string, string>): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(tokens), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The tokens, or undefined when the box was not sealed with this key (or was tampered with). */
export function unsealTokens(key: string, sealed: string): Record<string, string> | undefined {
  try {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key, 'base64'), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return undefined;
  }
}

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
