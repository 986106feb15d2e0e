// The code cache the server and the CLI start from (server/src/node/codeCache.ts): where it lives,
// that a cache is used only for the bundle it was made from, that a bad or foreign one is never run,
// and that the CLI gives the same answers with it as without it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { CACHE_ENV } from '../../server/src/node/cacheDir';
import { whenQuiet, type CacheUse } from '../../server/src/node/codeCache';
import { assertBuilt, runCli } from '../helpers/cli';
import { SEEDS } from '../helpers/fixtures';

/** What a child process reported: the cache's use, and what the bundle saw as Node ran it. */
interface Started {
  use: CacheUse;
  tag: string;
  filename: string;
  dirname: string;
  /** What the runner printed after that (two-delays: the cache's size at 100 ms). */
  rest: string[];
}

/** A bundle that prints what Node gave it, with `body` to vary its code. */
function bundleSource(tag: string, body = ''): string {
  return `require('node:path');\nprocess.stdout.write(JSON.stringify({ tag: ${JSON.stringify(tag)}, filename: __filename, dirname: __dirname }) + '\\n');\n${body}\n`;
}

/** A function large enough that compiling it shows in the cache's size, run only when asked. */
function bigFunction(lines: number): string {
  const statements = Array.from({ length: lines }, (_, i) => `  x = (x * ${i + 3} + ${i}) % 1000003; if (x === ${i}) s += 'v${i}';`).join('\n');
  return `function big() {\n  let x = 1, s = '';\n${statements}\n  return s + x;\n}\nif (process.env.CALL_BIG) big();`;
}

describe('node/codeCache', () => {
  let root: string;
  let dir: string;
  let bundle: string;
  let runner: string;
  /**
   * Each start is its own process, as in use: within one process V8 finds a source it compiled
   * before in its own in-memory cache and never looks at the cached data it is given.
   */
  const start = (env: NodeJS.ProcessEnv = {}, write = 'at-exit'): Started => {
    const r = spawnSync(process.execPath, [runner, bundle, write], { env: { ...process.env, [CACHE_ENV]: dir, ...env }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const [ran, use, ...rest] = r.stdout.trim().split('\n');
    return { ...(JSON.parse(ran) as Omit<Started, 'use' | 'rest'>), use: use as CacheUse, rest };
  };
  const codeDir = () => join(dir, 'v8-code-cache');
  const caches = () => readdirSync(codeDir()).filter((f) => f.endsWith('.cache'));

  before(async () => {
    // the module under test as the entries use it: bundled, started by node, with no loader in between
    runner = join(mkdtempSync(join(tmpdir(), 'rp-code-cache-runner-')), 'runner.js');
    await build({ entryPoints: [join(__dirname, '..', 'helpers', 'codeCacheRunner.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: runner, logLevel: 'error' });
  });
  after(() => rmSync(dirname(runner), { recursive: true, force: true }));
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rp-code-cache-'));
    dir = join(root, 'cache');
    bundle = join(root, 'bundle.js');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes a private cache on the first start and runs from it on the next, as Node would run the file', () => {
    writeFileSync(bundle, bundleSource('one'));
    assert.equal(start().use, 'none');
    assert.equal(caches().length, 1);
    if (process.platform !== 'win32') {
      assert.equal(statSync(codeDir()).mode & 0o777, 0o700);
      assert.equal(statSync(join(codeDir(), caches()[0])).mode & 0o777, 0o600);
    }
    const next = start();
    assert.deepEqual(next, { use: 'accepted', tag: 'one', filename: bundle, dirname: root, rest: [] });
  });

  it('writes it on a timer too (the server), and a start after that runs from it', () => {
    writeFileSync(bundle, bundleSource('one'));
    assert.equal(start({}, 'after-ms').use, 'none');
    assert.equal(caches().length, 1);
    assert.equal(start({}, 'after-ms').use, 'accepted');
  });

  it('never runs a cache made for other code, even of the same length (V8 checks only the length)', () => {
    writeFileSync(bundle, bundleSource('aaa'));
    start();
    const first = caches();
    // what a new build must leave alone: another Node's cache of this bundle, and the cache of another
    // bundle whose name starts with this one's (`bundle-main` next to `bundle`)
    const hex = 'ab'.repeat(10);
    const otherNode = `bundle-${hex}-v0.0.0-${process.arch}.cache`;
    const otherBundle = `bundle-main-${hex}-${process.version}-${process.arch}.cache`;
    for (const f of [otherNode, otherBundle]) writeFileSync(join(codeDir(), f), 'x', { mode: 0o600 });
    writeFileSync(bundle, bundleSource('bbb'));
    const other = start();
    assert.equal(other.use, 'none');
    assert.equal(other.tag, 'bbb');
    // the new build's cache replaced the old build's, and only that
    const mine = caches().filter((f) => f !== otherNode && f !== otherBundle);
    assert.equal(mine.length, 1);
    assert.notDeepEqual(mine, first);
    assert.deepEqual(caches().filter((f) => f === otherNode || f === otherBundle).sort(), [otherBundle, otherNode].sort());
    assert.deepEqual([start().use, start().tag], ['accepted', 'bbb']);
  });

  it('runs the bundle compiled afresh when the cache is damaged, and writes a good one', () => {
    writeFileSync(bundle, bundleSource('one'));
    start();
    writeFileSync(join(codeDir(), caches()[0]), Buffer.from('not a V8 code cache at all'));
    const damaged = start();
    assert.deepEqual([damaged.use, damaged.tag], ['rejected', 'one']);
    assert.equal(start().use, 'accepted');
  });

  it('uses no cache in a directory or file others can write, and none at all when turned off', function () {
    if (process.platform === 'win32') this.skip();
    writeFileSync(bundle, bundleSource('one'));
    mkdirSync(codeDir(), { recursive: true, mode: 0o700 });
    chmodSync(codeDir(), 0o777);
    assert.equal(start().use, 'off');
    assert.deepEqual(caches(), []);
    chmodSync(codeDir(), 0o700);
    start();
    chmodSync(join(codeDir(), caches()[0]), 0o666);
    assert.equal(start().use, 'none', 'a cache file others can write is not read');
    const off = start({ [CACHE_ENV]: 'off' });
    assert.deepEqual([off.use, off.tag], ['off', 'one']);
  });

  it('replaces an accepted cache when a run compiled a good deal more than it holds', () => {
    writeFileSync(bundle, bundleSource('one', bigFunction(400)));
    start();
    const small = statSync(join(codeDir(), caches()[0])).size;
    assert.equal(start().use, 'accepted');
    assert.equal(statSync(join(codeDir(), caches()[0])).size, small, 'the same work: the cache stays');
    assert.equal(start({ CALL_BIG: '1' }).use, 'accepted');
    const grown = statSync(join(codeDir(), caches()[0])).size;
    assert.ok(grown > small * 1.1, `${small} → ${grown} bytes`);
    assert.equal(start({ CALL_BIG: '1' }).use, 'accepted');
  });

  it('remakes an accepted cache only at the last delay of the server, and then when the run compiled more', () => {
    writeFileSync(bundle, bundleSource('one', bigFunction(400)));
    assert.equal(start({}, 'after-ms').use, 'none');
    const small = statSync(join(codeDir(), caches()[0])).size;
    const grown = start({ CALL_BIG: '1' }, 'two-delays');
    assert.equal(grown.use, 'accepted');
    // the big function was compiled before the first delay: a cache made then would have grown already
    assert.deepEqual(JSON.parse(grown.rest[0]), [small], 'not remade at the first delay');
    const after = statSync(join(codeDir(), caches()[0])).size;
    assert.ok(after > small * 1.1, `remade at the last: ${small} → ${after} bytes`);
  });

  it('makes the cache only once the event loop is quiet, not in the middle of work', async () => {
    const t0 = performance.now();
    let ranAt: number | undefined;
    whenQuiet(() => (ranAt = performance.now() - t0), 0, { windowMs: 30, busyMs: 5 });
    // 300 ms of a busy server: 10 ms of work every 12 ms or so
    await new Promise<void>((resolve) => {
      const spin = () => {
        const end = performance.now() + 10;
        while (performance.now() < end) {
          // busy, as a keystroke's checks are
        }
        if (performance.now() < t0 + 300) setTimeout(spin, 2);
        else resolve();
      };
      spin();
    });
    assert.equal(ranAt, undefined, 'not while the loop was busy');
    await new Promise((r) => setTimeout(r, 250));
    assert.ok(ranAt !== undefined && ranAt >= 300, `ran at ${ranAt} ms`);
  });

  it('gives the CLI the same output without a cache, writing one, and from one', () => {
    assertBuilt();
    const cacheDir = join(root, 'cli-cache');
    const codeCaches = () => readdirSync(join(cacheDir, 'v8-code-cache'));
    const check = (value: string) => runCli(['check', '--format', 'json', '--today', '2025-07-01', SEEDS], { env: { [CACHE_ENV]: value } });
    const plain = check('off');
    assert.ok(JSON.parse(plain.stdout).length > 10, plain.stdout.slice(0, 200));
    const writing = check(cacheDir);
    const made = codeCaches().find((f) => /^cli-main-[0-9a-f]{20}-v[\d.]+-\w+\.cache$/.test(f));
    assert.ok(made, codeCaches().join(', '));
    const inode = statSync(join(cacheDir, 'v8-code-cache', made)).ino;
    const cached = check(cacheDir);
    // V8 took it (a rejected cache is written anew, as a new file): the entry sets the bundle's V8
    // flags before compiling, or every cache made after the bundle set them would be rejected
    assert.equal(statSync(join(cacheDir, 'v8-code-cache', made)).ino, inode, 'the second run rewrote the cache: V8 rejected it');
    for (const run of [writing, cached]) {
      assert.equal(run.code, plain.code);
      assert.equal(run.stdout, plain.stdout);
      assert.equal(run.stderr, plain.stderr);
    }
  });
});
