// Shared plumbing for the real-editor scripts (provision, test-vscode, test-nvim, start): where the
// cache lives, how code-server and Chromium are started, and how every process we start is stopped
// again by process group — the extension host outlives the browser for hours otherwise.
/* global setTimeout, clearTimeout, fetch, URLSearchParams */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CACHE = join(ROOT, '.cache');

// 4.100.3 is VS Code 1.100.3, the last code-server release that runs on Node 20 (newer ones demand
// Node 22/24 exactly); engines.vscode and @types/vscode are pinned to match.
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = join(CACHE, 'code-server', CODE_SERVER_VERSION);
export const CODE_SERVER_BIN = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Debian's chromium by default; CHROMIUM_PATH overrides it on other systems. */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return which('chromium') ?? which('chromium-browser') ?? '/usr/bin/chromium';
}

export function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  const out = r.stdout.trim();
  return r.status === 0 && out ? out : undefined;
}

/** A fresh directory for one run, removed by the caller's cleanup. */
export function makeRunDir(prefix) {
  return mkdtempSync(join(tmpdir(), `release-plan-${prefix}-`));
}

/** XDG variables pointing into `dir`, so nothing the editors start writes into the home folder. */
export function xdgEnv(dir) {
  const env = {
    XDG_CONFIG_HOME: join(dir, 'xdg', 'config'),
    XDG_DATA_HOME: join(dir, 'xdg', 'data'),
    XDG_CACHE_HOME: join(dir, 'xdg', 'cache'),
    XDG_STATE_HOME: join(dir, 'xdg', 'state'),
    XDG_RUNTIME_DIR: join(dir, 'xdg', 'runtime'),
  };
  for (const d of Object.values(env)) mkdirSync(d, { recursive: true, mode: 0o700 });
  return env;
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * The sample workspace the extension-host suite, the Neovim test and `npm start` open: the seed
 * plans, a few corpus plans, the toggle registry, and markdown that is not a plan.
 */
export function makeWorkspace(dir, { corpusPlans = [] } = {}) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'seeds'), join(dir, 'seeds'), { recursive: true });
  cpSync(join(ROOT, 'test', 'vscode', 'workspace'), dir, { recursive: true });
  // vets-api's toggle registry where the server looks by default: hovers describe toggles from it.
  mkdirSync(join(dir, 'config'), { recursive: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'corpus', 'vets-api-features.yml'), join(dir, 'config', 'features.yml'));
  if (corpusPlans.length > 0) {
    const corpus = join(ROOT, 'test', 'fixtures', 'corpus', 'va-release-plans');
    mkdirSync(join(dir, 'corpus'), { recursive: true });
    for (const name of corpusPlans) cpSync(join(corpus, name), join(dir, 'corpus', name));
  }
  makeWritable(dir);
  return dir;
}

/** The fixtures are read-only (so tests cannot change them); their copies are for editing. */
function makeWritable(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(path);
    else chmodSync(path, 0o644);
  }
}

/** Picks `count` corpus plans spread evenly over the sorted list, so the choice is stable. */
export function sampleCorpusPlans(count) {
  const corpus = join(ROOT, 'test', 'fixtures', 'corpus', 'va-release-plans');
  if (!existsSync(corpus)) return [];
  const all = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
  if (all.length <= count) return all;
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]);
}

/** User settings that keep the workbench quiet and deterministic (no welcome page stealing focus). */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    ...extra,
  };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Starts code-server in its own process group (detached ⇒ setsid) and resolves once /healthz
 * answers. The returned `stop()` kills the whole group, extension host included.
 */
export async function startCodeServer({ port, runDir, folder, log = false }) {
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  const config = join(runDir, 'code-server.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const args = [
    CODE_SERVER_BIN,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--config', config,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    folder,
  ];
  mkdirSync(join(runDir, 'home'), { recursive: true });
  const child = spawn(process.execPath, args, {
    cwd: runDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...xdgEnv(runDir), HOME: join(runDir, 'home') },
  });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    if (log) process.stderr.write(chunk);
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const stop = () => killGroup(child);

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited before it was ready:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not answer /healthz within 30 s:\n${output}`);
    }
    await sleep(100);
  }
  return { child, stop, userDataDir, extensionsDir, output: () => output };
}

/** SIGTERM the process group, then SIGKILL whatever is left a moment later. */
export function killGroup(child) {
  if (!child || child.pid === undefined) return;
  for (const sig of ['SIGTERM', 'SIGKILL']) {
    try {
      process.kill(-child.pid, sig);
    } catch {
      return; // the group is gone
    }
    if (sig === 'SIGTERM') spawnSync('sleep', ['0.3']);
  }
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Rejects after `ms` with a message naming what timed out; the timer never keeps node alive. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Headless Debian Chromium through playwright-core, with a throwaway profile. */
export async function launchChromium(runDir) {
  const { chromium } = await import('playwright-core');
  const profile = join(runDir, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  // launchPersistentContext is how playwright takes a user-data-dir; it returns the context.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: { ...process.env, ...xdgEnv(runDir), HOME: join(runDir, 'home') },
  });
  return context;
}

/** `vscode-remote://` URI of an absolute path, as the workbench URL payload expects. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath}`;
}

/** The workbench URL opening `folder`, with optional payload entries ([key, value] pairs). */
export function workbenchUrl(port, folder, payload = []) {
  const params = new URLSearchParams({ folder });
  if (payload.length > 0) params.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${params.toString()}`;
}

/** Removes a run directory, tolerating files a dying process still holds. */
export function removeDir(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // best effort: it is under the OS temp folder
  }
}
