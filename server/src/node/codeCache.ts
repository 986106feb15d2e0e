// Starts a bundle (the language server's, the CLI's) from V8's code cache when there is one. Most of
// a cold start is V8 compiling the functions it meets: the bundle's top level (~45 ms for the
// server's 1.3 MB) and then every parser and check function on the first document. A cache made
// after that first document holds their bytecode, so the next process skips the compiling (the
// server's first diagnostics on a 30 KB plan: see the closing note of issue 17 for the figures).
//
// The cache lives in a per-user directory that only this user can write (checked: a cache is code),
// one file per bundle content, Node version and architecture. V8 validates a cache against its own
// version and flags, but of the source only its length, so the file name carries a hash of the
// content. Anything wrong with the cache (missing, rejected, unreadable directory) falls back to a
// plain compile: the cache can make a start faster, never make it fail.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** `off` (or `0`) turns the cache off; any other value is the directory to keep it in. */
export const CODE_CACHE_ENV = 'RELEASE_PLAN_CODE_CACHE';

/** What happened to the cache on this start (tests read it; nothing is printed). */
export type CacheUse = 'off' | 'none' | 'accepted' | 'rejected';

export interface StartOptions {
  /**
   * When the cache is made again: after delays (a long-lived server: once its first documents are
   * compiled, and later) or at exit (a CLI run). It is written when there was none, V8 rejected it,
   * or this process compiled a good deal more than it held (a first run that checked one small file
   * must not leave a cache that a run over a hundred plans keeps using).
   */
  write: { afterMs: readonly number[] } | 'at-exit';
  env?: NodeJS.ProcessEnv;
}

/** A new cache replaces an accepted one only when it is this much larger. */
const GROWTH = 1.1;

/** The cache directory for this user, or undefined when the cache is off or there is no home. */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: () => string = homedir): string | undefined {
  const chosen = env[CODE_CACHE_ENV];
  if (chosen !== undefined && chosen !== '') return chosen === 'off' || chosen === '0' ? undefined : chosen;
  let base: string | undefined;
  try {
    if (platform === 'win32') base = env.LOCALAPPDATA;
    else if (platform === 'darwin') base = join(home(), 'Library', 'Caches');
    else base = env.XDG_CACHE_HOME || join(home(), '.cache');
  } catch {
    return undefined;
  }
  return base ? join(base, 'release-plan-tools', 'v8-code-cache') : undefined;
}

/** Only a directory or file that this user owns and nobody else can write may hold code we run. */
function ownedPrivately(path: string): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  const s = statSync(path);
  return s.uid === process.getuid() && (s.mode & 0o022) === 0;
}

function cacheFile(dir: string, bundle: string, source: string): string {
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 20);
  return join(dir, `${basename(bundle, '.js')}-${digest}-${process.version}-${process.arch}.cache`);
}

/** Runs `bundle` as this process's main module, compiled with the code cache when one fits. */
export function startWithCodeCache(bundle: string, options: StartOptions): CacheUse {
  const source = readFileSync(bundle, 'utf8');
  const dir = cacheDirectory(options.env);
  let file: string | undefined;
  let cachedData: Buffer | undefined;
  if (dir) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (ownedPrivately(dir)) {
        file = cacheFile(dir, bundle, source);
        cachedData = readCache(file);
      }
    } catch {
      file = undefined;
    }
  }
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const use: CacheUse = !file ? 'off' : !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  if (file) scheduleWrites(script, file, use === 'accepted' ? (cachedData?.length ?? 0) : 0, options.write);
  runAsMain(script, bundle);
  return use;
}

function readCache(file: string): Buffer | undefined {
  try {
    return ownedPrivately(file) ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function scheduleWrites(script: Script, file: string, held: number, when: StartOptions['write']): void {
  let size = held;
  const checkpoint = () => {
    try {
      // ~10 ms for the CLI's 0.8 MB: at exit, or on an idle timer in the server
      const data = script.createCachedData();
      if (size > 0 && data.length <= size * GROWTH) return;
      writeCache(file, data);
      size = data.length;
    } catch {
      // a full disk or a read-only home: the next start compiles as this one did
    }
  };
  if (when === 'at-exit') process.once('exit', checkpoint);
  else for (const ms of when.afterMs) setTimeout(checkpoint, ms).unref();
}

/**
 * Written beside and renamed into place (readers never see half a file). Caches of earlier builds of
 * the same bundle are removed; those of other Node versions stay (an editor's Node and a terminal's).
 */
function writeCache(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data, { mode: 0o600 });
  renameSync(temp, file);
  const { name, digest, rest } = cacheName(basename(file));
  for (const other of readdirSync(dirname(file))) {
    const o = cacheName(other);
    if (o.name === name && o.rest === rest && o.digest !== digest) unlinkSync(join(dirname(file), other));
  }
}

/** `server-main-<digest>-v20.20.2-x64.cache` → its parts (the bundle's own name may hold dashes). */
function cacheName(file: string): { name: string; digest: string; rest: string } {
  const parts = file.split('-');
  return { name: parts.slice(0, -3).join('-'), digest: parts.at(-3) ?? '', rest: parts.slice(-2).join('-') };
}

/** What Node does for a main module, with our compiled script: module, require, __filename and __dirname. */
function runAsMain(script: Script, bundle: string): void {
  const mod = new Module(bundle, undefined);
  mod.filename = bundle;
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, dirname(bundle));
}
