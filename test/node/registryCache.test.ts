// The toggle registry's parse kept between runs (server/src/node/registryCache.ts): the same answer
// as parseRegistryFile, read back only for the same text and the same parsing code, and a damaged
// or foreign file never used.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_ENV } from '../../server/src/node/cacheDir';
import { cachedRegistryParser } from '../../server/src/node/registryCache';
import { parseRegistryFile, type RegistryParseResult } from '../../server/src/service/index';
import { FIXTURES } from '../helpers/fixtures';
import { runCli } from '../helpers/cli';

const REGISTRY = readFileSync(join(FIXTURES, 'corpus', 'vets-api-features.yml'), 'utf8');
/** As JSON sees it: a parse read back has no `key: undefined` members, which no reader can tell apart. */
const plain = (r: RegistryParseResult): unknown => JSON.parse(JSON.stringify(r));

describe('node/registryCache', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  const kept = () => readdirSync(join(root, 'registry')).filter((f) => f.endsWith('.json'));
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rp-registry-cache-'));
    env = { [CACHE_ENV]: root };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('answers as parseRegistryFile does, from the file it kept the second time', () => {
    const parse = cachedRegistryParser({ env, codeIdentity: () => 'code-1' });
    const fresh = parseRegistryFile(REGISTRY);
    assert.ok(fresh.entries.length > 500);
    assert.deepEqual(plain(parse(REGISTRY)), plain(fresh));
    assert.equal(kept().length, 1);
    // what is kept is what the next run reads: mark it, and the mark comes back
    const file = join(root, 'registry', kept()[0]);
    const marked = JSON.parse(readFileSync(file, 'utf8')) as RegistryParseResult;
    marked.entries[0].description = 'read from the cache';
    writeFileSync(file, JSON.stringify(marked));
    assert.equal(cachedRegistryParser({ env, codeIdentity: () => 'code-1' })(REGISTRY).entries[0].description, 'read from the cache');
  });

  it('parses again for other text or other parsing code', () => {
    cachedRegistryParser({ env, codeIdentity: () => 'code-1' })(REGISTRY);
    const file = join(root, 'registry', kept()[0]);
    const marked = JSON.parse(readFileSync(file, 'utf8')) as RegistryParseResult;
    marked.entries[0].description = 'read from the cache';
    writeFileSync(file, JSON.stringify(marked));
    const edited = REGISTRY.replace('features:\n', 'features:\n  brand_new_toggle:\n    actor_type: user\n    description: New.\n');
    assert.ok(edited !== REGISTRY);
    const other = cachedRegistryParser({ env, codeIdentity: () => 'code-1' })(edited);
    assert.equal(other.entries[0].name, 'brand_new_toggle');
    assert.notEqual(other.entries[1].description, 'read from the cache');
    const newCode = cachedRegistryParser({ env, codeIdentity: () => 'code-2' })(REGISTRY);
    assert.deepEqual(plain(newCode), plain(parseRegistryFile(REGISTRY)));
    assert.equal(kept().length, 3);
  });

  it('parses again when the kept file is damaged, of another shape, or writable by others', () => {
    const parse = () => cachedRegistryParser({ env, codeIdentity: () => 'code-1' })(REGISTRY);
    parse();
    const file = join(root, 'registry', kept()[0]);
    const expected = plain(parseRegistryFile(REGISTRY));
    for (const bad of ['{"entries": [', '{"entries": [{"name": 7}], "problems": []}', '{"entries": "x", "problems": []}', 'null']) {
      writeFileSync(file, bad);
      assert.deepEqual(plain(parse()), expected, bad);
    }
    if (process.platform !== 'win32') {
      const marked = JSON.parse(readFileSync(file, 'utf8')) as RegistryParseResult;
      marked.entries[0].description = 'planted';
      writeFileSync(file, JSON.stringify(marked));
      chmodSync(file, 0o666);
      assert.deepEqual(plain(parse()), expected, 'a file others can write is not read');
    }
  });

  it('keeps a few registries, the newest', async () => {
    const written: string[] = [];
    for (let i = 0; i < 11; i++) {
      // apart in time: file times are coarser than a millisecond on some file systems
      await new Promise((resolve) => setTimeout(resolve, 15));
      const before = new Set(existsSync(join(root, 'registry')) ? kept() : []);
      cachedRegistryParser({ env, codeIdentity: () => `code-${i}` })('features:\n  a_toggle:\n    actor_type: user\n');
      written.push(...kept().filter((f) => !before.has(f)));
    }
    assert.equal(written.length, 11, 'each run wrote its own file');
    assert.deepEqual(kept().sort(), written.slice(-8).sort());
  });

  it('keeps nothing when caching is off', () => {
    const r = cachedRegistryParser({ env: { [CACHE_ENV]: 'off' }, codeIdentity: () => 'code-1' })(REGISTRY);
    assert.deepEqual(plain(r), plain(parseRegistryFile(REGISTRY)));
    assert.deepEqual(readdirSync(root), []);
  });

  it('gives the CLI the same findings with the registry parsed, kept, and read back', () => {
    const dir = join(FIXTURES, 'seeds');
    const registry = join(FIXTURES, 'corpus', 'vets-api-features.yml');
    const check = (value: string) => runCli(['check', '--format', 'json', '--today', '2025-07-01', '--registry', registry, dir], { env: { [CACHE_ENV]: value } });
    const plainRun = check('off');
    assert.ok((JSON.parse(plainRun.stdout) as { code: string }[]).some((f) => f.code === 'unknown-toggle'), 'the registry is read: unknown-toggle fires');
    const writing = check(root);
    assert.equal(kept().length, 1);
    const reading = check(root);
    for (const run of [writing, reading]) assert.deepEqual([run.code, run.stdout, run.stderr], [plainRun.code, plainRun.stdout, plainRun.stderr]);
  });
});
