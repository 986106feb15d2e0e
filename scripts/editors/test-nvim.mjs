// `npm run test:nvim`: headless Neovim (Debian's 0.7) as a second LSP client for the bundled server
// (test/nvim/lsp_test.lua). Runs in a temp folder with its own XDG dirs, in its own process group
// (killed on exit, failure and timeout), and exits with the test's result.
/* global setTimeout, clearTimeout */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { provision } from './provision.mjs';
import { ROOT, killGroup, makeRunDir, makeWorkspace, removeDir, xdgEnv } from './lib/editor-env.mjs';

const TIMEOUT_MS = 120_000;
const server = join(ROOT, 'dist', 'server.js');

function main() {
  provision(['nvim']);
  if (!existsSync(server)) throw new Error(`${server} is missing: run npm run build first`);
  const runDir = makeRunDir('nvim');
  const workspace = makeWorkspace(join(runDir, 'workspace'));
  const started = Date.now();
  // -u NONE -i NONE -n: no user config, no shada, no swap files.
  const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(ROOT, 'test', 'nvim', 'lsp_test.lua')}`], {
    cwd: workspace,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...xdgEnv(runDir), HOME: runDir, RPT_NODE: process.execPath, RPT_SERVER: server, RPT_WORKSPACE: workspace },
  });
  const finish = (code, why) => {
    clearTimeout(timer);
    killGroup(child); // the language server, if nvim left it behind
    removeDir(runDir);
    if (why) console.error(`test:nvim: ${why}`);
    console.log(`test:nvim: ${code === 0 ? 'passed' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    process.exit(code);
  };
  const timer = setTimeout(() => finish(2, `timed out after ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS);
  process.on('SIGINT', () => finish(130, 'interrupted'));
  process.on('SIGTERM', () => finish(143, 'terminated'));
  child.on('error', (err) => finish(1, err.message));
  child.on('exit', (code, signal) => finish(code ?? 1, signal ? `nvim killed by ${signal}` : undefined));
}

try {
  main();
} catch (err) {
  console.error(`test:nvim: ${err?.message ?? err}`);
  process.exit(1);
}
