// The fuzzer: seeded documents (mutated corpus plans and built-to-hurt shapes, see hostile.ts) sent
// through the real bundled server over stdio JSON-RPC and through the CLI as a child process.
// Per document: a diagnostics pull, hover / completion / code actions at random positions, inlay
// hints over the whole document and the status request. Asserted: no error response, every range
// inside the document, every code-action edit applies and the result re-parses, the CLI reports
// every file without an internal error, and the server still answers a fresh plan correctly.
// Requests over the time budget are counted and listed; they fail the run only with `strictTime`
// (a loaded CI machine is not a bug). Reproducible: case i of seed s is always the same document.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentDiagnosticReport, Hover, InlayHint, Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import { parsePlan } from '../../../server/src/service/parse/index';
import { startClient, type TestClient } from '../../../test/helpers/lspClient';
import { deepList, deepQuote, hugeLine, hugeTablePlan, NASTY } from './hostile';

const ROOT = join(__dirname, '..', '..', '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus', 'va-release-plans');
const SEED_AVS = join(ROOT, 'test', 'fixtures', 'seeds', '003-avs-release-plan.md');
const CLI_JS = join(ROOT, 'dist', 'cli.js');

export interface FuzzOptions {
  seed: number;
  /** Documents to try. */
  count: number;
  /** First case index (to replay one case: from = i, count = 1). */
  from?: number;
  /** Random positions per document for hover, completion and code actions. */
  positions?: number;
  /** Per-request time budget in ms. */
  budgetMs?: number;
  strictTime?: boolean;
  /** Allow the expensive shapes (10,000-row tables, 1 MB lines, 500-deep nesting); off for the quick npm-test set. */
  huge?: boolean;
  /** Run the CLI over the documents every this many cases (0: never). */
  cliEvery?: number;
  log?: (line: string) => void;
}

export interface FuzzReport {
  documents: number;
  requests: Record<string, number>;
  cliRuns: number;
  cliFiles: number;
  slow: string[];
  failures: string[];
  maxMs: number;
}

/** mulberry32: small, fast and reproducible; fast-check's shrinking buys little for whole documents. */
export function prng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (rand: () => number, n: number) => Math.floor(rand() * n);

function mutate(text: string, rand: () => number): string {
  let t = text;
  const ops = 1 + int(rand, 8);
  for (let i = 0; i < ops; i++) {
    const at = int(rand, t.length + 1);
    const op = rand();
    if (op < 0.25) t = t.slice(0, at) + t.slice(Math.min(t.length, at + int(rand, 500)));
    else if (op < 0.65) t = t.slice(0, at) + pick(rand, NASTY).repeat(1 + int(rand, 3)) + t.slice(at);
    else if (op < 0.72) t = t.slice(0, at);
    else if (op < 0.78) t = t.replace(/\r?\n/g, '\r\n');
    else if (op < 0.82) t = t.replace(/\r?\n/g, '\r');
    else if (op < 0.85) t = '\uFEFF' + t;
    else {
      const from = int(rand, t.length);
      t = t.slice(0, at) + t.slice(from, from + int(rand, 400)) + t.slice(at);
    }
  }
  return t;
}

/** Case `index` of `seed`: what it is (for the log) and its text. */
export function fuzzCase(seed: number, index: number, corpus: readonly string[], huge: boolean): { what: string; text: string } {
  const rand = prng(seed * 1_000_003 + index);
  const file = pick(rand, corpus);
  const base = readFileSync(join(CORPUS, file), 'utf8');
  const shape = rand();
  if (huge && shape < 0.02) return { what: `10,000-row table under ${file}`, text: hugeTablePlan(base, 10_000, rand() < 0.5 ? '\n' : '\r\n', rand() < 0.5 ? 'code' : 'link') };
  if (huge && shape < 0.03) return { what: '1 MB single line', text: hugeLine(1_048_576) };
  // remark needs seconds for 500-deep nesting: the editor guards it, the CLI takes its time
  if (huge && shape < 0.06) return { what: `500-deep list in ${file}`, text: mutate(base, rand) + '\n' + deepList(500) };
  if (huge && shape < 0.09) return { what: `500-deep blockquote in ${file}`, text: deepQuote(500) + '\n' + base };
  if (shape < 0.12) return { what: `unclosed fence/HTML in ${file}`, text: base.slice(0, int(rand, base.length)) + pick(rand, ['```\n', '<details>\n', '<!--\n', '<div>\n', '~~~\n']) + base };
  return { what: `mutated ${file}`, text: mutate(base, rand) };
}

/** LSP lines: \r\n, \r and \n all end a line. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function inside(lines: number[], p: Position): boolean {
  return Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line];
}

function rangeOk(lines: number[], r: Range): boolean {
  return inside(lines, r.start) && inside(lines, r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

function offsetAt(text: string, p: Position): number {
  const re = /\r\n|\r|\n/g;
  let line = 0;
  let start = 0;
  while (line < p.line) {
    const m = re.exec(text);
    if (!m) break;
    start = m.index + m[0].length;
    line++;
  }
  return start + p.character;
}

/** Applies non-overlapping edits; throws when they overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const spans = edits.map((e) => ({ s: offsetAt(text, e.range.start), e: offsetAt(text, e.range.end), t: e.newText })).sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  let limit = Infinity;
  for (const x of spans) {
    if (x.e > limit) throw new Error('overlapping edits');
    out = out.slice(0, x.s) + x.t + out.slice(x.e);
    limit = x.s;
  }
  return out;
}

function randomPosition(rand: () => number, lines: number[]): Position {
  const line = int(rand, lines.length);
  return { line, character: int(rand, lines[line] + 1) };
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { seed, count, from = 0, positions = 4, budgetMs = 2000, strictTime = false, huge = true, cliEvery = 50, log = () => undefined } = options;
  const corpus = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
  const report: FuzzReport = { documents: 0, requests: {}, cliRuns: 0, cliFiles: 0, slow: [], failures: [], maxMs: 0 };
  const fail = (index: number, what: string, message: string) => {
    report.failures.push(`seed ${seed} case ${index} (${what}): ${message}`);
    log(`FAIL seed ${seed} case ${index} (${what}): ${message}\n  replay: npm run fuzz -- --seed ${seed} --from ${index} --count 1`);
  };
  let client: TestClient = await startClient({ settings: { releasePlan: { inlayHints: { dateRangeLength: true } } } });
  const request = async <R>(index: number, what: string, method: string, params: unknown): Promise<R | undefined> => {
    report.requests[method] = (report.requests[method] ?? 0) + 1;
    const t = performance.now();
    try {
      return (await client.connection.sendRequest(method, params)) as R;
    } catch (err) {
      fail(index, what, `${method} answered an error: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    } finally {
      const ms = performance.now() - t;
      report.maxMs = Math.max(report.maxMs, ms);
      if (ms > budgetMs) {
        report.slow.push(`seed ${seed} case ${index} (${what}): ${method} took ${ms.toFixed(0)} ms`);
        if (strictTime) fail(index, what, `${method} took ${ms.toFixed(0)} ms (budget ${budgetMs} ms)`);
      }
    }
  };
  const cliDir = mkdtempSync(join(tmpdir(), 'release-plan-fuzz-'));
  const cliBatch: { index: number; what: string; name: string; text: string }[] = [];

  const freshPlanAnswers = async (index: number): Promise<void> => {
    const uri = 'file:///fuzz/fresh-release-plan.md';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(SEED_AVS, 'utf8') } });
    const r = await request<DocumentDiagnosticReport>(index, 'fresh plan', 'textDocument/diagnostic', { textDocument: { uri } });
    const placeholders = r && 'items' in r ? r.items.filter((d) => d.code === 'placeholder').length : -1;
    if (placeholders !== 12) fail(index, 'fresh plan', `the seed plan got ${placeholders} placeholder findings afterwards, expected 12`);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  };

  const runCli = (): void => {
    if (!cliBatch.length) return;
    rmSync(cliDir, { recursive: true, force: true });
    mkdirSync(cliDir, { recursive: true });
    for (const c of cliBatch) writeFileSync(join(cliDir, c.name), c.text);
    const r = spawnSync(process.execPath, [CLI_JS, 'check', '-f', 'json', '--today', '2026-01-15', '.'], { cwd: cliDir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    report.cliRuns++;
    report.cliFiles += cliBatch.length;
    const where = `CLI over cases ${cliBatch[0].index}-${cliBatch[cliBatch.length - 1].index}`;
    if (r.status !== 0 && r.status !== 1) fail(cliBatch[0].index, where, `exit ${r.status}: ${r.stderr.slice(0, 500)}`);
    if (/internal error/.test(r.stderr)) fail(cliBatch[0].index, where, r.stderr.slice(0, 500));
    let rows: { file: string; line: number; column: number; endLine: number; endColumn: number; code: string; message: string }[] = [];
    try {
      rows = JSON.parse(r.stdout) as typeof rows;
    } catch {
      fail(cliBatch[0].index, where, `stdout is not JSON: ${r.stdout.slice(0, 200)}`);
    }
    for (const f of rows) {
      const c = cliBatch.find((x) => x.name === f.file);
      if (!c) {
        fail(cliBatch[0].index, where, `a finding for an unknown file ${f.file}`);
        continue;
      }
      if (f.code === 'file-error') fail(c.index, c.what, `CLI: ${f.message}`);
      const lines = lineLengths(c.text.replace(/^\uFEFF/, ''));
      if (!rangeOk(lines, { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } })) fail(c.index, c.what, `CLI finding ${f.code} at ${f.line}:${f.column}-${f.endLine}:${f.endColumn} is outside the file`);
    }
    cliBatch.length = 0;
  };

  try {
    for (let index = from; index < from + count; index++) {
      const { what, text } = fuzzCase(seed, index, corpus, huge);
      const rand = prng(seed ^ (index * 7919));
      log(`case ${index}: ${what} (${text.length} chars)`);
      report.documents++;
      const uri = `file:///fuzz/case-${index}-release-plan.md`;
      const lines = lineLengths(text);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const pulled = await request<DocumentDiagnosticReport>(index, what, 'textDocument/diagnostic', { textDocument: { uri } });
      const diagnostics: Diagnostic[] = pulled && 'items' in pulled ? pulled.items : [];
      for (const d of diagnostics) {
        if (!rangeOk(lines, d.range)) fail(index, what, `diagnostic ${String(d.code)} has a range outside the document: ${JSON.stringify(d.range)}`);
        if (d.code === 'file-error') fail(index, what, `the server could not check the document: ${d.message}`);
      }
      const at = [...Array.from({ length: positions }, () => randomPosition(rand, lines)), ...diagnostics.slice(0, 2).map((d) => d.range.start)];
      for (const position of at) {
        const hover = await request<Hover | null>(index, what, 'textDocument/hover', { textDocument: { uri }, position });
        if (hover?.range && !rangeOk(lines, hover.range)) fail(index, what, `hover range outside the document`);
        const completion = await request<CompletionItem[] | CompletionList | null>(index, what, 'textDocument/completion', { textDocument: { uri }, position });
        const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
        for (const item of items) {
          const edit = item.textEdit;
          if (edit && 'range' in edit && !rangeOk(lines, edit.range)) fail(index, what, `completion ${item.label} edits outside the document`);
        }
        const context = { diagnostics: diagnostics.filter((d) => d.range.start.line === position.line) };
        const actions = await request<CodeAction[] | null>(index, what, 'textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context });
        for (const action of actions ?? []) {
          const edits = action.edit?.changes?.[uri] ?? action.edit?.documentChanges?.flatMap((c) => ('edits' in c ? c.edits.filter((e): e is TextEdit => 'range' in e) : [])) ?? [];
          if (edits.some((e) => !rangeOk(lines, e.range))) {
            fail(index, what, `code action "${action.title}" edits outside the document`);
            continue;
          }
          try {
            parsePlan(applyEdits(text, edits));
          } catch (err) {
            fail(index, what, `code action "${action.title}": ${err instanceof Error ? err.message : String(err)}`);
          }
        }
      }
      const hints = await request<InlayHint[] | null>(index, what, 'textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1] } } });
      for (const h of hints ?? []) if (!inside(lines, h.position)) fail(index, what, `inlay hint outside the document`);
      await request(index, what, 'releasePlan/status', { uri });
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      if (client.process.exitCode !== null) {
        fail(index, what, `the server exited (${client.process.exitCode}): ${client.stderr().slice(-500)}`);
        client = await startClient({ settings: { releasePlan: { inlayHints: { dateRangeLength: true } } } });
      }
      if (cliEvery > 0) {
        cliBatch.push({ index, what, name: `case-${index}-release-plan.md`, text });
        if (cliBatch.length >= cliEvery) runCli();
      }
      if ((index - from + 1) % 100 === 0) await freshPlanAnswers(index);
    }
    runCli();
    await freshPlanAnswers(from + count);
    if (client.stderr().trim()) fail(from + count, 'server stderr', client.stderr().slice(0, 500));
  } finally {
    if (client.process.exitCode === null) await client.close().catch(() => undefined);
    rmSync(cliDir, { recursive: true, force: true });
  }
  return report;
}
