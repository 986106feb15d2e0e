#!/usr/bin/env node
// npm run profile:edits (after npm run build): where a keystroke's CPU goes in the real server. Spawns
// dist/server.js over stdio, opens a plan (the seed's stages repeated to the size asked), types edits a
// fixed gap apart with a diagnostics pull after each, and prints latency, the server's CPU per edit,
// and that CPU per thread: the JavaScript thread against V8's worker threads (optimising compiler,
// parallel GC). Linux only (/proc/PID/task).
//   options: --kb 30 --edits 100 --gap 100 --node "--no-concurrent-recompilation" (flags for the server)
//            --cpu-prof DIR (writes a .cpuprofile of the server there)
// It is how the issue-17 finding was made: with typing 100 ms apart, V8's workers spend more CPU than
// the server's own thread, re-optimising the parser's per-parse functions after every full GC
// (--node "--no-concurrent-recompilation" moves that work onto the main thread and shows its size).
// The server now waits longer before optimising (server/src/node/jitTiering.ts); a budget given on the
// command line wins, so --node "--interrupt-budget=67584" shows V8's default tiering to compare with.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { editSpot, samplePlan } from './samplePlans.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rpc = createRequire(import.meta.url)('vscode-languageserver-protocol/node');
const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : def;
};
const KB = Number(opt('kb', 30));
const EDITS = Number(opt('edits', 100));
const GAP = Number(opt('gap', 100));
const NODE_FLAGS = opt('node', '').split(' ').filter(Boolean);
const PROF = opt('cpu-prof', undefined);


/** CPU ms of each thread of a process, by thread id and name. */
function threadCpu(pid) {
  const out = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(`${tid} ${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}`, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      // the thread ended
    }
  }
  return out;
}

const dir = mkdtempSync(join(os.tmpdir(), 'rp-profile-'));
const file = join(dir, 'profile-release-plan.md');
const text = samplePlan(KB * 1000);
writeFileSync(file, text);
const uri = pathToFileURL(file).href;
const flags = [...NODE_FLAGS, ...(PROF ? ['--cpu-prof', `--cpu-prof-dir=${PROF}`] : [])];
const child = spawn(process.execPath, [...flags, join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
conn.onRequest(() => null);
conn.onNotification(() => {});
conn.listen();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } }, workspaceFolders: null });
conn.sendNotification('initialized', {});
conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
let t = performance.now();
const first = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
console.log(`${KB} KB plan: didOpen → first diagnostics ${(performance.now() - t).toFixed(0)} ms (${first.items.length} diagnostics)`);
await delay(500);

// type at the end of a list item in the middle of the plan
const spot = editSpot(text);
const before = threadCpu(child.pid);
const latencies = [];
for (let i = 0; i < EDITS; i++) {
  const at = { line: spot.line, character: spot.character + i };
  t = performance.now();
  conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start: at, end: at }, text: 'abcdefghij'[i % 10] }] });
  await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  latencies.push(performance.now() - t);
  await delay(Math.max(0, GAP - (performance.now() - t)));
}
const after = threadCpu(child.pid);
latencies.sort((a, b) => a - b);
const pct = (q) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)].toFixed(1);
let total = 0;
const rows = [];
for (const [thread, ms] of after) {
  const perEdit = (ms - (before.get(thread) ?? 0)) / EDITS;
  total += perEdit;
  if (perEdit >= 0.05) rows.push(`  ${thread.padEnd(24)} ${perEdit.toFixed(2)} ms`);
}
console.log(`${EDITS} edits ${GAP} ms apart: edit → diagnostics p50 ${pct(0.5)} / p95 ${pct(0.95)} ms; server CPU per edit ${total.toFixed(1)} ms, by thread (the first is JavaScript's):`);
console.log(rows.join('\n'));
await conn.sendRequest('shutdown');
conn.sendNotification('exit');
await new Promise((resolve) => child.once('exit', resolve));
conn.dispose();
rmSync(dir, { recursive: true, force: true });
if (PROF) console.log(`profile written to ${PROF}`);
