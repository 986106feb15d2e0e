// Starts a bundle (the language server's, the CLI's) from V8's code cache when there is one. Most of
// a cold start is V8 compiling the functions it meets: the bundle's top level (~45 ms for the
// server's 1.3 MB) and then every parser and check function on the first document. A cache made
// after that first document holds their bytecode, so the next process skips the compiling (the
// server's first diagnostics on a 30 KB plan: see the closing note of issue 17 for the figures).
//
// The cache lives in the per-user cache directory (cacheDir.ts: only this user can write it, and a
// cache is code), one file per bundle content, Node version and architecture. V8 validates a cache
// against its own version and flags, but of the source only its length, so the file name carries a
// hash of the content. Anything wrong with the cache (missing, rejected, unreadable directory) falls
// back to a plain compile: the cache can make a start faster, never make it fail.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Script } from 'node:vm';
import { privateCacheDir, readPrivately, writePrivately } from './cacheDir';

/** What happened to the cache on this start (tests read it; nothing is printed). */
export type CacheUse = 'off' | 'none' | 'accepted' | 'rejected';

export interface StartOptions {
  /**
   * When the cache is made again: after delays (a long-lived server: once its first documents are
   * compiled, and later) or at exit (a CLI run). It is written when there was none, V8 rejected it,
   * or this process compiled a good deal more than it held (a first run that checked one small file
   * must not leave a cache that a run over a hundred plans keeps using). A cache V8 accepted is looked
   * at only at the last delay: by then the server has met what it meets (making one to compare costs
   * ~15 ms of the 1.3 MB bundle, which the earlier delay would spend for nothing).
   */
  write: { afterMs: readonly number[]; quiet?: QuietRule } | 'at-exit';
  env?: NodeJS.ProcessEnv;
}

/** A new cache replaces an accepted one only when it is this much larger. */
const GROWTH = 1.1;

/** `<bundle>-<digest>-<node version>-<arch>.cache`; the part before and after the digest names the caches of other builds. */
function cacheFile(dir: string, bundle: string, source: string): string {
  return join(dir, `${cachePrefix(bundle)}${createHash('sha256').update(source).digest('hex').slice(0, 20)}${cacheSuffix()}`);
}

function cachePrefix(bundle: string): string {
  return `${basename(bundle, '.js')}-`;
}

function cacheSuffix(): string {
  return `-${process.version}-${process.arch}.cache`;
}

/** Runs `bundle` as this process's main module, compiled with the code cache when one fits. */
export function startWithCodeCache(bundle: string, options: StartOptions): CacheUse {
  const source = readFileSync(bundle, 'utf8');
  const dir = privateCacheDir('v8-code-cache', options.env);
  const file = dir ? cacheFile(dir, bundle, source) : undefined;
  const cachedData = file ? readPrivately(file) : undefined;
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const use: CacheUse = !file ? 'off' : !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  if (file) scheduleWrites(script, file, bundle, use === 'accepted' ? (cachedData?.length ?? 0) : 0, options.write);
  runAsMain(script, bundle);
  return use;
}

function scheduleWrites(script: Script, file: string, bundle: string, held: number, when: StartOptions['write']): void {
  let size = held;
  const checkpoint = () => {
    try {
      // ~10 ms for the CLI's 0.8 MB: at exit, or on an idle timer in the server
      const data = script.createCachedData();
      if (size > 0 && data.length <= size * GROWTH) return;
      writeCache(file, bundle, data);
      size = data.length;
    } catch {
      // a full disk or a read-only home: the next start compiles as this one did
    }
  };
  if (when === 'at-exit') process.once('exit', checkpoint);
  else for (const ms of held > 0 ? when.afterMs.slice(-1) : when.afterMs) whenQuiet(checkpoint, ms, when.quiet);
}

/** When the event loop counts as quiet: busy for at most `busyMs` of the last `windowMs`. */
export interface QuietRule {
  windowMs: number;
  busyMs: number;
}

/** Typing on a 30 KB plan keeps the loop ~50–100 ms busy a second; an idle server, under a millisecond. */
const QUIET: QuietRule = { windowMs: 1_000, busyMs: 10 };

/**
 * Runs `task` once `afterMs` have passed and the event loop has been quiet for a window, checking
 * again each window until it is: the cache is made in one go, on the main thread, and should not
 * hold up a keystroke's diagnostics. The timers are unref'd: they never keep a process alive.
 */
export function whenQuiet(task: () => void, afterMs: number, rule: QuietRule = QUIET): void {
  let last = performance.eventLoopUtilization();
  const check = () => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, last).active;
    last = now;
    if (busy <= rule.busyMs) task();
    else setTimeout(check, rule.windowMs).unref();
  };
  setTimeout(() => {
    last = performance.eventLoopUtilization();
    setTimeout(check, rule.windowMs).unref();
  }, Math.max(0, afterMs - rule.windowMs)).unref();
}

/**
 * Caches of earlier builds of the same bundle, for the same Node, are removed; those of other Node
 * versions stay (an editor's Node and a terminal's). A digest is 20 hex digits, so another bundle
 * whose name starts the same (`server-` of `server-main-`) never matches.
 */
function writeCache(file: string, bundle: string, data: Buffer): void {
  writePrivately(file, data);
  const prefix = cachePrefix(bundle);
  const suffix = cacheSuffix();
  for (const other of readdirSync(dirname(file))) {
    const digest = other.startsWith(prefix) && other.endsWith(suffix) ? other.slice(prefix.length, other.length - suffix.length) : undefined;
    if (digest !== undefined && /^[0-9a-f]{20}$/.test(digest) && join(dirname(file), other) !== file) unlinkSync(join(dirname(file), other));
  }
}

/** What Node does for a main module, with our compiled script: module, require, __filename and __dirname. */
function runAsMain(script: Script, bundle: string): void {
  const mod = new Module(bundle, undefined);
  mod.filename = bundle;
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, dirname(bundle));
}
