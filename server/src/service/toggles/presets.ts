// The environments "Set Up Live Toggle Status…" offers, and the rules for a custom one, kept pure so
// the command's choices and the setting it writes are unit-tested without an editor.
import type { EnvironmentKind } from './types';

export interface EnvironmentPreset {
  id: 'production' | 'staging' | 'local';
  label: string;
  description: string;
  environment: { name: string; kind: EnvironmentKind; url: string };
  /** Whether the API answers without a token (va-feature-toggles is public). */
  needsToken: boolean;
}

export const VA_PRESETS: readonly EnvironmentPreset[] = [
  {
    id: 'production', label: 'VA.gov production', description: 'https://api.va.gov · public, no token',
    environment: { name: 'production', kind: 'va-feature-toggles', url: 'https://api.va.gov' }, needsToken: false,
  },
  {
    id: 'staging', label: 'VA.gov staging', description: 'https://staging-api.va.gov · public, no token',
    environment: { name: 'staging', kind: 'va-feature-toggles', url: 'https://staging-api.va.gov' }, needsToken: false,
  },
  {
    id: 'local', label: 'Local Flipper (vets-api on localhost:3000)', description: 'http://localhost:3000/flipper/api',
    environment: { name: 'local', kind: 'flipper-api', url: 'http://localhost:3000/flipper/api' }, needsToken: true,
  },
];

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '::1';
}

/** Why a custom Flipper API URL is refused (the server would refuse it too), or undefined when it is usable. */
export function flipperUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'Not a URL, e.g. https://flipper.example.gov/flipper/api';
  }
  if (url.username || url.password) return 'No user name or password in the URL: a token is asked for next and kept in secret storage.';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  if (url.protocol === 'http:') return 'Plain http is only allowed to this machine (localhost); use https.';
  return 'Only http(s) URLs.';
}

/** A name for a custom environment from its host: `flipper.example.gov` → `flipper.example.gov`. */
export function environmentNameFor(url: string): string {
  try {
    return new URL(url).host || 'custom';
  } catch {
    return 'custom';
  }
}

/** The setting's new value: `env` replaces an entry of the same name, others stay as they were. */
export function mergeEnvironment(existing: unknown, env: { name: string }): unknown[] {
  const list = Array.isArray(existing) ? existing : [];
  const named = (e: unknown) => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === env.name;
  return list.some(named) ? list.map((e) => (named(e) ? env : e)) : [...list, env];
}
