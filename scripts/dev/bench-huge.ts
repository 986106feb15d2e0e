// npm run bench:huge — the diagnostics pull time for a plan with a 10,000-row toggle table (≈ 470 KB,
// LF and CRLF) through the real bundled server over stdio JSON-RPC: the first pull after opening, and
// the pull after a one-character edit inside the table. Give `--server <dist/server.js>` more than
// once to compare builds in the same run (e.g. a build of the previous commit): the servers take
// turns, so a busy machine slows them alike.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { hugeTablePlan } from './fuzz/hostile';

const ROOT = join(__dirname, '..', '..');
const args = process.argv.slice(2);
const servers = args.flatMap((a, i) => (a === '--server' ? [resolve(args[i + 1])] : []));
if (!servers.length) servers.push(join(ROOT, 'dist', 'server.js'));
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) || 2;
const seed = readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', '003-avs-release-plan.md'), 'utf8');

/** CPU seconds the server process has used (Linux): steadier than wall time on a shared machine. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

interface Pull {
  ms: number;
  cpu: number;
  items: number;
}

async function measure(server: string, eol: '\n' | '\r\n', cells: 'code' | 'link'): Promise<{ open: Pull; edit: Pull }> {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const c = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  c.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  c.listen();
  await c.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } } });
  await c.sendNotification('initialized', {});
  const text = hugeTablePlan(seed, 10_000, eol, cells);
  const uri = 'file:///tmp/huge-table-release-plan.md';
  const pull = async (): Promise<Pull> => {
    const t = performance.now();
    const cpu = cpuMs(child.pid);
    const r = (await c.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: unknown[] };
    return { ms: performance.now() - t, cpu: cpuMs(child.pid) - cpu, items: r.items.length };
  };
  await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const open = await pull();
  const line = text.split(/\r?\n/).findIndex((l) => l.includes('feature_toggle_05000'));
  await c.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line, character: 3 }, end: { line, character: 4 } }, text: 'F' }] });
  const edit = await pull();
  await c.sendRequest('shutdown');
  await c.sendNotification('exit');
  c.dispose();
  child.kill();
  return { open, edit };
}

async function main(): Promise<void> {
  console.log(`10,000-row toggle table: ${(hugeTablePlan(seed, 10_000).length / 1024).toFixed(0)} KB; ${ROUNDS} round(s), servers take turns; best of the rounds, wall time and the server's CPU time`);
  const results = new Map<string, { open: Pull[]; edit: Pull[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [eol, cells] of [['\n', 'code'], ['\r\n', 'code'], ['\n', 'link']] as const) {
      for (const server of servers) {
        const key = `${server.replace(ROOT + '/', '')} ${eol === '\n' ? 'LF  ' : 'CRLF'} ${cells}`;
        const r = await measure(server, eol, cells);
        const acc = results.get(key) ?? { open: [], edit: [] };
        acc.open.push(r.open);
        acc.edit.push(r.edit);
        results.set(key, acc);
      }
    }
  }
  const best = (xs: Pull[]) => `${Math.min(...xs.map((x) => x.ms)).toFixed(0).padStart(6)} ms (cpu ${Math.min(...xs.map((x) => x.cpu)).toFixed(0).padStart(5)} ms)`;
  for (const [key, r] of results) console.log(`${key}  first pull ${best(r.open)}  after an edit in the table ${best(r.edit)}  ${r.edit[0].items} diagnostics`);
}

void main();
