// tokenSeal.ts for the browser: the same AES-256-GCM box (iv 12 bytes | tag 16 | ciphertext,
// base64) built with WebCrypto, so a verbose LSP trace in vscode.dev shows ciphertext only. The web
// client makes the session key and hands it to its worker in the start message (workerStart.ts).
import { tokensFromJson } from './tokens';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function importKey(key: string): ReturnType<typeof crypto.subtle.importKey> {
  return crypto.subtle.importKey('raw', fromBase64(key), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export function newSessionKeyWeb(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

export async function sealTokensWeb(key: string, tokens: Record<string, string>): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await importKey(key), new TextEncoder().encode(JSON.stringify(tokens))));
  // WebCrypto appends the tag; Node's layout puts it before the ciphertext
  const body = sealed.subarray(0, sealed.length - 16);
  const tag = sealed.subarray(sealed.length - 16);
  const out = new Uint8Array(12 + 16 + body.length);
  out.set(iv, 0);
  out.set(tag, 12);
  out.set(body, 28);
  return toBase64(out);
}

/** The tokens, or undefined when the box was not sealed with this key (or was tampered with). */
export async function unsealTokensWeb(key: string, sealed: string): Promise<Record<string, string> | undefined> {
  try {
    const raw = fromBase64(sealed);
    const joined = new Uint8Array(raw.length - 12);
    joined.set(raw.subarray(28), 0);
    joined.set(raw.subarray(12, 28), raw.length - 28);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: raw.subarray(0, 12) }, await importKey(key), joined);
    return tokensFromJson(new TextDecoder('utf-8').decode(plain));
  } catch {
    return undefined;
  }
}
