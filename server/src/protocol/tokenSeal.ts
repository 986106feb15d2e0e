// Flipper tokens travel from the extension to the server inside an LSP notification, and a user who
// turns on `releasePlan.trace.server: verbose` gets every notification's params in the output
// channel. So the tokens are sealed (AES-256-GCM) with a key made fresh for each server process and
// handed over in the child's environment, which no trace or log shows: the log holds ciphertext only.
// node:crypto, so not part of protocol/index (which the web client bundles too): the desktop client
// and node/main.ts import this file; the web build uses the same box through WebCrypto (tokenSealWeb.ts).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { tokensFromJson } from './tokens';

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
    return tokensFromJson(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
  } catch {
    return undefined;
  }
}
