// Installs what the real-editor tests and `npm start` need, and nothing else:
//   vscode — Debian chromium, the build packages code-server's native modules need, ripgrep, and
//            code-server itself (into .cache/code-server/<version>, never a project dependency);
//   nvim   — Debian neovim (0.7+).
// As root with apt it installs missing system packages; otherwise it stops with one line naming them.
// Fast when everything is cached: a few stat calls and one dpkg-query.
//
//   node scripts/editors/provision.mjs [vscode] [nvim]     (no argument: both)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { arch } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CACHE,
  CODE_SERVER_BIN,
  CODE_SERVER_DIR,
  CODE_SERVER_VERSION,
  chromiumPath,
  makeRunDir,
  removeDir,
  which,
  xdgEnv,
} from './lib/editor-env.mjs';

// code-server's native modules (kerberos, node-pty, @vscode/spdlog, native-keymap…) compile against these.
const BUILD_PACKAGES = ['build-essential', 'pkg-config', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev'];

// @vscode/ripgrep (pinned by code-server 4.100.3) downloads rg from GitHub in its postinstall unless
// it finds this archive in $TMPDIR; we build the archive from Debian's rg instead.
const RIPGREP_CACHE = { dir: 'vscode-ripgrep-cache-1.15.11', version: 'v13.0.0-10' };

class MissingError extends Error {}

/** Missing system packages for the given targets, as Debian package names. */
function missingSystemPackages(targets, { needBuild }) {
  const missing = [];
  if (targets.includes('vscode')) {
    if (!existsSync(chromiumPath())) missing.push('chromium');
    if (needBuild) {
      if (!which('rg')) missing.push('ripgrep');
      missing.push(...BUILD_PACKAGES.filter((p) => !debInstalled(p)));
    }
  }
  if (targets.includes('nvim') && !nvimOk()) missing.push('neovim');
  return missing;
}

function debInstalled(pkg) {
  if (!which('dpkg-query')) return true; // not Debian: the compiler will say what it lacks
  const r = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'installed';
}

function nvimOk() {
  if (!which('nvim')) return false;
  // Even `nvim --version` creates $XDG_CACHE_HOME/nvim: point it at a throwaway folder.
  const tmp = makeRunDir('nvim-version');
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8', env: { ...process.env, ...xdgEnv(tmp) } });
  removeDir(tmp);
  const m = /NVIM v(\d+)\.(\d+)/.exec(r.stdout ?? '');
  return !!m && (Number(m[1]) > 0 || Number(m[2]) >= 7);
}

function canApt() {
  return process.getuid?.() === 0 && !!which('apt-get');
}

/** Runs a command quietly; its output is shown only when it fails. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status ?? r.signal}`);
  }
}

function aptInstall(pkgs) {
  console.log(`provision: apt-get install ${pkgs.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Other processes may hold the dpkg lock briefly; wait for it rather than fail.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  run('apt-get', [...lock, 'update', '-qq'], { env });
  run('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...pkgs], { env });
}

function codeServerInstalled() {
  return existsSync(join(CODE_SERVER_DIR, '.complete')) && existsSync(CODE_SERVER_BIN);
}

/** Installs code-server into a staging folder and renames it into place, so a half install is never used. */
function installCodeServer() {
  const started = Date.now();
  console.log(`provision: installing code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (about a minute)`);
  mkdirSync(dirname(CODE_SERVER_DIR), { recursive: true });
  const staging = `${CODE_SERVER_DIR}.partial-${process.pid}`;
  removeDir(staging);
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }));

  const tmp = makeRunDir('provision');
  try {
    const rgArch = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[arch()];
    if (rgArch) {
      const dir = join(tmp, RIPGREP_CACHE.dir);
      mkdirSync(dir, { recursive: true });
      const rg = which('rg');
      run('tar', ['-czf', join(dir, `ripgrep-${RIPGREP_CACHE.version}-${rgArch}.tar.gz`), '-C', dirname(rg), 'rg']);
    }
    const env = {
      ...process.env,
      TMPDIR: tmp,
      // node-pty's install runs `npx node-gyp`; npm's yes=false would cancel it.
      npm_config_yes: 'true',
      npm_config_cache: join(CACHE, 'npm'),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      // node-gyp would download Node's headers (no internet here) when the local ones are present.
      ...(existsSync(join(dirname(dirname(process.execPath)), 'include', 'node', 'node.h'))
        ? { npm_config_nodedir: dirname(dirname(process.execPath)) }
        : {}),
      // node-gyp and friends cache under XDG/HOME: keep it inside the temp folder.
      HOME: join(tmp, 'home'),
      XDG_CACHE_HOME: join(tmp, 'cache'),
      XDG_CONFIG_HOME: join(tmp, 'config'),
    };
    const args = ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-save', '--no-package-lock', '--unsafe-perm', '--loglevel=error'];
    run('npm', args, { cwd: staging, env });
    if (!existsSync(join(staging, 'node_modules', 'code-server', 'out', 'node', 'entry.js'))) {
      throw new Error('code-server installed but out/node/entry.js is missing');
    }
    writeFileSync(join(staging, '.complete'), `${new Date().toISOString()}\n`);
    if (codeServerInstalled()) {
      removeDir(staging); // someone else finished first
    } else {
      removeDir(CODE_SERVER_DIR);
      renameSync(staging, CODE_SERVER_DIR);
    }
  } catch (err) {
    removeDir(staging);
    throw err;
  } finally {
    removeDir(tmp);
  }
  console.log(`provision: code-server ready in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * What provision(targets) would do, without doing it: the system packages it would install with
 * apt, whether it would install code-server, and whether it can (root with apt-get).
 */
export function provisionPlan(targets = ['vscode', 'nvim']) {
  const needCodeServer = targets.includes('vscode') && !codeServerInstalled();
  return { missing: missingSystemPackages(targets, { needBuild: needCodeServer }), needCodeServer, canApt: canApt(), debian: !!which('dpkg-query') };
}

/** Makes sure everything `targets` need is present; throws MissingError with one clear line otherwise. */
export function provision(targets = ['vscode', 'nvim']) {
  const needCodeServer = targets.includes('vscode') && !codeServerInstalled();
  let missing = missingSystemPackages(targets, { needBuild: needCodeServer });
  if (missing.length > 0) {
    if (!canApt()) {
      throw new MissingError(
        `provision: missing ${missing.join(', ')} — install them (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}) and run again`,
      );
    }
    aptInstall(missing);
    missing = missingSystemPackages(targets, { needBuild: needCodeServer });
    if (missing.length > 0) throw new MissingError(`provision: still missing after apt-get: ${missing.join(', ')}`);
  }
  if (needCodeServer) installCodeServer();
}

export function codeServerVersion() {
  const pkg = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'package.json');
  return existsSync(pkg) ? JSON.parse(readFileSync(pkg, 'utf8')).version : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = process.argv.slice(2).filter((a) => a === 'vscode' || a === 'nvim');
  const started = Date.now();
  try {
    provision(wanted.length > 0 ? wanted : ['vscode', 'nvim']);
    console.log(`provision: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    console.error(err instanceof MissingError ? err.message : `provision: ${err.message}`);
    process.exit(1);
  }
}
