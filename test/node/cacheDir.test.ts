// Where the per-user cache lives (server/src/node/cacheDir.ts), and that a directory others can
// write is never used.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheRoot, CACHE_ENV, privateCacheDir, writePrivately } from '../../server/src/node/cacheDir';

describe('node/cacheDir', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'rp-cache-dir-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is a per-user cache directory, or where the variable says, or nowhere', () => {
    const home = () => '/home/u';
    assert.equal(cacheRoot({}, 'linux', home), join('/home/u', '.cache', 'release-plan-tools'));
    assert.equal(cacheRoot({ XDG_CACHE_HOME: '/x' }, 'linux', home), join('/x', 'release-plan-tools'));
    assert.equal(cacheRoot({}, 'darwin', home), join('/home/u', 'Library', 'Caches', 'release-plan-tools'));
    assert.equal(cacheRoot({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', home), join('C:\\Users\\u\\AppData\\Local', 'release-plan-tools'));
    assert.equal(cacheRoot({}, 'win32', home), undefined);
    assert.equal(cacheRoot({ [CACHE_ENV]: '/elsewhere' }, 'linux', home), '/elsewhere');
    assert.equal(cacheRoot({ [CACHE_ENV]: 'off' }, 'linux', home), undefined);
    assert.equal(cacheRoot({ [CACHE_ENV]: '0' }, 'linux', home), undefined);
    assert.equal(
      cacheRoot({}, 'linux', () => {
        throw new Error('no home');
      }),
      undefined,
    );
  });

  it('creates a private directory and private files, and refuses a directory others can write', function () {
    if (process.platform === 'win32') this.skip();
    const env = { [CACHE_ENV]: join(root, 'cache') };
    const dir = privateCacheDir('things', env);
    assert.equal(dir, join(root, 'cache', 'things'));
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    writePrivately(join(dir, 'a.json'), '{}');
    assert.equal(statSync(join(dir, 'a.json')).mode & 0o777, 0o600);
    chmodSync(dir, 0o775);
    assert.equal(privateCacheDir('things', env), undefined, 'group-writable');
    mkdirSync(join(root, 'open'), { mode: 0o700 });
    chmodSync(join(root, 'open'), 0o777);
    assert.equal(privateCacheDir('open', { [CACHE_ENV]: root }), undefined, 'world-writable');
    assert.equal(privateCacheDir('things', { [CACHE_ENV]: 'off' }), undefined);
  });
});
