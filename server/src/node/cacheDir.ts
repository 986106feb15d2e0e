// The per-user cache directory the server and the CLI keep derived data in (V8's compiled code,
// parsed registries), and the rules for it: a directory and files only this user can write, since
// what is read back is trusted (code is run), and files renamed into place, so a reader never sees
// half of one.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** `off` (or `0`) turns every cache off; any other value is the directory to keep them in. */
export const CACHE_ENV = 'RELEASE_PLAN_CACHE';

/** The cache root for this user, or undefined when caching is off or there is no home. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: () => string = homedir): string | undefined {
  const chosen = env[CACHE_ENV];
  if (chosen !== undefined && chosen !== '') return chosen === 'off' || chosen === '0' ? undefined : chosen;
  let base: string | undefined;
  try {
    if (platform === 'win32') base = env.LOCALAPPDATA;
    else if (platform === 'darwin') base = join(home(), 'Library', 'Caches');
    else base = env.XDG_CACHE_HOME || join(home(), '.cache');
  } catch {
    return undefined;
  }
  return base ? join(base, 'release-plan-tools') : undefined;
}

/** Only a directory or file that this user owns and nobody else can write may hold what we trust. */
export function ownedPrivately(path: string): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  const s = statSync(path);
  return s.uid === process.getuid() && (s.mode & 0o022) === 0;
}

/** `<root>/<name>`, created private, or undefined when caching is off or the directory is not private. */
export function privateCacheDir(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const root = cacheRoot(env);
  if (!root) return undefined;
  const dir = join(root, name);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return ownedPrivately(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Written beside and renamed into place, readable and writable by this user only. */
export function writePrivately(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data, { mode: 0o600 });
  renameSync(temp, file);
}

/** A cache file's bytes, or undefined when it is missing, unreadable, or not private (then it is not trusted). */
export function readPrivately(file: string): Buffer | undefined {
  try {
    return ownedPrivately(file) ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}
