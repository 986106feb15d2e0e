#!/usr/bin/env node
// npm run bench:side (after npm run build): what a user feels, side by side in one run on this machine.
//   LSP: the bundled server (dist/server.js) against vscode-markdown-languageserver (the server behind
//        VS Code's markdown features; pinned devDependency) over stdio, on the same plans and the same
//        typed edits: spawn → first diagnostics, didOpen → first diagnostics, edit → diagnostics p50/p95,
//        and server CPU per edit (Linux: /proc/<pid>/stat).
//   CLI: dist/cli.js check against markdownlint-cli2 (pinned devDependency) on the same files.
// Every figure is printed with the peer's, and the peer/ours ratio: a ratio survives a busy machine
// better than a wall time. The floor column is a server on the same library that reports nothing
// (floorServer.mjs): what Node and the protocol cost here before any plan is read. The cold-parse row
// is one parse in a fresh process (coldParse.ts): ours against markdown-it, the parse the peer is
// handed ready. The VS Code side of the markdown server (markdown-it tokens for
// `markdown/parse`, its fs requests) is played here, as VS Code's markdown extension does it.
//   options: --sizes 5,30 (KB) --edits 40 --spawns 3 --cli-files 50
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { editSpot, samplePlan } from './samplePlans.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const MarkdownIt = require('markdown-it');

const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : def;
};
const SIZES = opt('sizes', '5,30').split(',').map(Number);
const EDITS = Number(opt('edits', 40));
const SPAWNS = Number(opt('spawns', 3));
const CLI_FILES = Number(opt('cli-files', 50));
const GAP_MS = 100; // a fast typist

const OURS = { name: 'release-plan-tools', script: join(ROOT, 'dist/server.js'), kind: 'ours' };
const FLOOR = { name: 'floor', script: join(ROOT, 'scripts/dev/floorServer.mjs'), kind: 'floor' };
const PEER = { name: `vscode-markdown-languageserver ${require('vscode-markdown-languageserver/package.json').version}`, script: require.resolve('vscode-markdown-languageserver/dist/node/workerMain.js'), kind: 'mdls' };
const MDLINT_DIR = join(ROOT, 'node_modules/markdownlint-cli2'); // its exports hide package.json
const MDLINT = join(MDLINT_DIR, 'markdownlint-cli2-bin.mjs');

// ------------------------------------------------------------ inputs: samplePlans.mjs (the seed, its stages repeated)
const TYPED = ' - monitored daily by the team, no new errors were seen in the logs or dashboards this week';

// ------------------------------------------------------------ a small LSP client that plays VS Code
const md = MarkdownIt({ html: true, linkify: true, breaks: false, typographer: false });
const cpuMs = (pid) => {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, in 1/100 s
  } catch {
    return NaN;
  }
};
const listMarkdown = (dir) => readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => pathToFileURL(join(dir, f)).href);
const defaults = () => {
  const out = {};
  for (const [key, spec] of Object.entries(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties)) {
    const path = key.split('.').slice(1);
    let o = out;
    for (const p of path.slice(0, -1)) o = o[p] ??= {};
    o[path.at(-1)] = spec.default;
  }
  return out;
};
const MARKDOWN = { validate: { enabled: true, referenceLinks: { enabled: 'warning' }, fragmentLinks: { enabled: 'warning' }, fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' }, ignoredLinks: [], unusedLinkDefinitions: { enabled: 'hint' }, duplicateLinkDefinitions: { enabled: 'warning' } }, server: { log: 'off' } };

async function startServer(server, root) {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [server.script, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const docs = new Map();
  const rp = defaults();
  conn.onRequest((method, params) => {
    if (method === 'workspace/configuration') return params.items.map((it) => (it.section === 'releasePlan' ? rp : it.section === 'markdown' ? MARKDOWN : null));
    if (method === 'workspace/workspaceFolders') return [{ uri: pathToFileURL(root).href, name: 'root' }];
    if (method === 'markdown/parse') return md.parse(typeof params.text === 'string' ? params.text : (docs.get(params.uri) ?? readFileSync(fileURLToPath(params.uri), 'utf8')), {});
    if (method === 'markdown/fs/readFile') return Array.from(readFileSync(fileURLToPath(params.uri)));
    if (method === 'markdown/fs/readDirectory') return readdirSync(fileURLToPath(params.uri), { withFileTypes: true }).map((e) => [e.name, { isDirectory: e.isDirectory() }]);
    if (method === 'markdown/fs/stat') {
      try {
        return { isDirectory: statSync(fileURLToPath(params.uri)).isDirectory() };
      } catch {
        return undefined;
      }
    }
    if (method === 'markdown/findMarkdownFilesInWorkspace') return listMarkdown(root);
    return null;
  });
  conn.onError(() => {});
  conn.listen();
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  const rootUri = pathToFileURL(root).href;
  const capabilities = {
    workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: { diagnostic: { dynamicRegistration: true }, publishDiagnostics: { relatedInformation: true }, completion: { completionItem: { snippetSupport: true } } },
  };
  await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'root' }], capabilities, initializationOptions: server.kind === 'mdls' ? { markdownFileExtensions: ['md'] } : {} });
  conn.sendNotification('initialized', {});
  if (server.kind === 'mdls') conn.sendNotification('workspace/didChangeConfiguration', { settings: { markdown: MARKDOWN } });
  return {
    pid: proc.pid,
    t0,
    open(uri, text) {
      docs.set(uri, text);
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    },
    insert(uri, version, pos, text) {
      const lines = docs.get(uri).split('\n');
      lines[pos.line] = lines[pos.line].slice(0, pos.character) + text + lines[pos.line].slice(pos.character);
      docs.set(uri, lines.join('\n'));
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text }] });
    },
    async pull(uri) {
      const t = performance.now();
      const r = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      return { ms: performance.now() - t, items: r?.items ?? [] };
    },
    async stop() {
      await conn.sendRequest('shutdown').catch(() => undefined);
      conn.sendNotification('exit');
      // only the process this script spawned, and only if it has not gone within 3 s
      if ((await Promise.race([exited.then(() => 'gone'), delay(3000)])) !== 'gone') proc.kill('SIGKILL');
      conn.dispose();
    },
  };
}

// ------------------------------------------------------------ measures
const pct = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))];
const median = (xs) => pct(xs, 0.5);
const sleep = (ms) => delay(ms);

async function editSession(server, root, file, text) {
  const uri = pathToFileURL(file).href;
  const s = await startServer(server, root);
  try {
    s.open(uri, text);
    const open = await s.pull(uri);
    await sleep(1000); // let start-up work (registry, indexing) settle before the keystrokes
    const spot = editSpot(text);
    const lat = [];
    const cpu0 = cpuMs(s.pid);
    for (let i = 0; i < EDITS; i++) {
      const t = performance.now();
      s.insert(uri, i + 2, { line: spot.line, character: spot.character + i }, TYPED[i % TYPED.length]);
      lat.push((await s.pull(uri)).ms);
      await sleep(Math.max(0, GAP_MS - (performance.now() - t)));
    }
    return { openMs: open.ms, p50: pct(lat, 0.5), p95: pct(lat, 0.95), cpuPerEdit: (cpuMs(s.pid) - cpu0) / EDITS };
  } finally {
    await s.stop();
  }
}

async function firstDiagnostics(server, root, file, text) {
  const uri = pathToFileURL(file).href;
  const s = await startServer(server, root);
  try {
    s.open(uri, text);
    await s.pull(uri);
    return performance.now() - s.t0;
  } finally {
    await s.stop();
  }
}

function cliRun(args, cwd) {
  const t = performance.now();
  spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
  return performance.now() - t;
}

// ------------------------------------------------------------ run
const f = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '—');
const ratio = (peer, ours) => (Number.isFinite(peer) && Number.isFinite(ours) && ours > 0 ? `${(peer / ours).toFixed(1)}×` : '—');
const rows = [];
const row = (measure, ours, peer, floor) => rows.push(`| ${measure} | ${f(ours)} | ${f(peer)} | ${ratio(peer, ours)} | ${f(floor)} |`);
const coldParse = (parser, file) => {
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(ROOT, 'scripts/dev/coldParse.ts'), parser, file], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : NaN;
};

const work = mkdtempSync(join(os.tmpdir(), 'rpt-bench-side-'));
try {
  for (const kb of SIZES) {
    const root = join(work, `lsp-${kb}k`);
    mkdirSync(root);
    const text = samplePlan(kb * 1000);
    const file = join(root, `bench-${kb}k-release-plan.md`);
    writeFileSync(file, text);
    const o = await editSession(OURS, root, file, text);
    const p = await editSession(PEER, root, file, text);
    const fl = await editSession(FLOOR, root, file, text);
    const size = `${(text.length / 1000).toFixed(0)} KB`;
    row(`edit → diagnostics p50 ms, ${size}`, o.p50, p.p50, fl.p50);
    row(`edit → diagnostics p95 ms, ${size}`, o.p95, p.p95, fl.p95);
    row(`server CPU ms per edit, ${size}`, o.cpuPerEdit, p.cpuPerEdit, fl.cpuPerEdit);
    row(`didOpen → first diagnostics ms, ${size}`, o.openMs, p.openMs, fl.openMs);
    if (kb === SIZES.at(-1)) {
      const ours = [];
      const peer = [];
      const floor = [];
      const parsed = { ours: [], peer: [] };
      for (let i = 0; i < SPAWNS; i++) {
        ours.push(await firstDiagnostics(OURS, root, file, text));
        peer.push(await firstDiagnostics(PEER, root, file, text));
        floor.push(await firstDiagnostics(FLOOR, root, file, text));
        parsed.ours.push(coldParse('ours', file));
        parsed.peer.push(coldParse('markdown-it', file));
      }
      row(`spawn → first diagnostics ms, ${size} (median of ${SPAWNS})`, median(ours), median(peer), median(floor));
      row(`cold parse in a fresh process ms, ${size}: ours / markdown-it (median of ${SPAWNS})`, median(parsed.ours), median(parsed.peer));
    }
  }
  const cliRoot = join(work, 'cli');
  mkdirSync(join(cliRoot, 'plans'), { recursive: true });
  for (let i = 0; i < CLI_FILES; i++) writeFileSync(join(cliRoot, 'plans', `plan-${i}-release-plan.md`), samplePlan(30_000, i));
  const ours = [];
  const peer = [];
  for (let i = 0; i < 3; i++) {
    ours.push(cliRun([join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', 'plans'], cliRoot));
    peer.push(cliRun([MDLINT, 'plans/**/*.md'], cliRoot));
  }
  rows.push(`| **CLI** vs markdownlint-cli2 ${JSON.parse(readFileSync(join(MDLINT_DIR, 'package.json'), 'utf8')).version} | | | | |`);
  row(`${CLI_FILES} × 30 KB plans, wall ms (median of 3)`, median(ours), median(peer));
} finally {
  rmSync(work, { recursive: true, force: true });
}

const cpu = os.cpus();
console.log(`Side by side, ${new Date().toISOString().slice(0, 10)}: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${EDITS} typed edits ${GAP_MS} ms apart`);
console.log(`LSP peer: ${PEER.name}; floor: a vscode-languageserver server that keeps the document and reports nothing (scripts/dev/floorServer.mjs)\n`);
console.log('| measure | ours | peer | peer/ours | floor |\n|---|---|---|---|---|');
console.log(rows.join('\n'));
