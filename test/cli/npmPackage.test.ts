// The npm package as someone outside this repository meets it: `npm pack` the checkout, then, in a
// temporary project far from it, `npm i -D release-plan-tools` + `npx release-plan check` and the
// install-free `npx release-plan-tools check`. Both go through a loopback registry that serves only
// this package, so the run needs no network and proves the tarball has no runtime dependencies (any
// dependency would be a request the registry cannot answer).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { assertBuilt, collectRun, REPO_ROOT, runCli, scratch, type CliRun } from '../helpers/cli';
import type { CliFinding } from '../../server/src/cli/report';

const PACKAGE = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };

/** npm with nothing inherited from an enclosing `npm test` (npm_config_local_prefix would point
 * installs back at the checkout) and a user config, cache and registry of the test's own. */
function npm(args: readonly string[], cwd: string, home: string, registry: string): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  Object.assign(env, { HOME: home, NO_COLOR: '1', npm_config_registry: registry, npm_config_cache: join(home, 'cache'), npm_config_userconfig: join(home, '.npmrc'), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' });
  return collectRun(spawn('npm', args, { cwd, env }));
}

/** The two endpoints npm uses: the packument (GET /<name>) and the tarball it points at. */
function loopbackRegistry(tarball: Buffer, requests: string[]): Promise<{ server: Server; url: string }> {
  const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  const shasum = createHash('sha1').update(tarball).digest('hex');
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === `/${PACKAGE.name}`) {
      const version = { name: PACKAGE.name, version: PACKAGE.version, bin: PACKAGE.bin, dist: { tarball: `${base}/${PACKAGE.name}.tgz`, integrity, shasum } };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ name: PACKAGE.name, 'dist-tags': { latest: PACKAGE.version }, versions: { [PACKAGE.version]: version } }));
    } else if (req.url === `/${PACKAGE.name}.tgz`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(tarball);
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

const findingsOf = (r: CliRun): CliFinding[] => {
  try {
    return JSON.parse(r.stdout) as CliFinding[];
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout.slice(0, 300)}\n${r.stderr}`);
  }
};

describe('the npm package: npm pack, install elsewhere, npx', function () {
  this.timeout(180_000);
  let s: ReturnType<typeof scratch>;
  let registry: { server: Server; url: string };
  const requests: string[] = [];
  let tarballFiles: string[];
  let expected: CliFinding[];

  before(async () => {
    assertBuilt();
    s = scratch();
    const home = join(s.dir, 'home');
    mkdirSync(home);
    writeFileSync(join(home, '.npmrc'), '');
    // --ignore-scripts: pack the bundle under test, not a fresh production build (prepack makes one when publishing)
    const packed = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', s.dir], REPO_ROOT, home, 'http://127.0.0.1:9/');
    assert.equal(packed.code, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    tarballFiles = info.files.map((f) => f.path).sort();
    registry = await loopbackRegistry(readFileSync(join(s.dir, info.filename)), requests);
    cpSync(join(REPO_ROOT, 'test', 'fixtures', 'seeds'), join(s.dir, 'consumer', 'plans'), { recursive: true });
    cpSync(join(REPO_ROOT, 'test', 'fixtures', 'seeds'), join(s.dir, 'elsewhere', 'plans'), { recursive: true });
    writeFileSync(join(s.dir, 'consumer', 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    // what the checkout's own CLI says about the seeds: the installed copies must say the same
    const own = runCli(['check', '--format', 'json', '--today', '2026-03-02', 'plans'], { cwd: join(s.dir, 'consumer') });
    expected = findingsOf(own);
    assert.ok(expected.length > 0, 'the seeds have findings');
  });
  after(async () => {
    await new Promise((resolve) => registry?.server.close(resolve));
    s?.remove();
  });

  it('the tarball is lean: the CLI (entry and bundle) and the package files, no sources, no extension', () => {
    // the CLI's entry and the bundle it starts from V8's code cache (server/src/node/codeCache.ts)
    assert.deepEqual(tarballFiles, ['LICENSE', 'README.md', 'dist/cli-main.js', 'dist/cli.js', 'package.json']);
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies?: object };
    assert.equal(manifest.dependencies, undefined, 'everything is bundled by esbuild: no runtime dependencies for npm to fetch');
  });

  it('npm i -D release-plan-tools, then npx release-plan check', async () => {
    const home = join(s.dir, 'home');
    const consumer = join(s.dir, 'consumer');
    const install = await npm(['install', '-D', PACKAGE.name], consumer, home, registry.url);
    assert.equal(install.code, 0, install.stderr);
    const run = await npm(['exec', '--offline', '--', 'release-plan', 'check', '--format', 'json', '--today', '2026-03-02', 'plans'], consumer, home, registry.url);
    assert.deepEqual(findingsOf(run), expected);
    assert.equal(run.code, 0, run.stderr);
    // the package-named bin is the same CLI
    const version = await npm(['exec', '--offline', '--', PACKAGE.name, '--version'], consumer, home, registry.url);
    assert.equal(version.stdout.trim(), PACKAGE.version);
    assert.deepEqual(requests.filter((r) => !r.includes(PACKAGE.name)), [], 'npm asked the registry for nothing but this package');
  });

  it('npx release-plan-tools check, with nothing installed', async () => {
    const home = join(s.dir, 'home2');
    mkdirSync(home);
    writeFileSync(join(home, '.npmrc'), '');
    const run = await npm(['exec', '--yes', '--', PACKAGE.name, 'check', '--format', 'json', '--today', '2026-03-02', 'plans'], join(s.dir, 'elsewhere'), home, registry.url);
    assert.deepEqual(findingsOf(run), expected);
    const failing = await npm(['exec', '--yes', '--', PACKAGE.name, 'check', '--today', '2026-03-02', '--max-warnings', '0', 'plans'], join(s.dir, 'elsewhere'), home, registry.url);
    assert.equal(failing.code, 1, 'exit codes pass through npx');
    assert.match(failing.stdout, /problems? \(\d+ warnings?/);
  });
});
