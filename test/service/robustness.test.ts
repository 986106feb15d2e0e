// "The server never crashes on any document": real plans cut, spliced, half-typed, CRLF'd and
// salted with binary, then run through everything a keystroke or a hover reaches — the parser, every
// check, the date and toggle hovers, completions and every code action. Deterministic (seeded), so a
// failure names the document that broke it.
import { strict as assert } from 'node:assert';
import { basename } from 'node:path';
import { runChecks } from '../../server/src/service/checks/index';
import { checkContext, fixedClock } from '../../server/src/service/index';
import { provideDateHover } from '../../server/src/service/features/dateHover';
import { provideDateInlayHints } from '../../server/src/service/features/dateInlayHints';
import { provideCodeActions } from '../../server/src/service/features/codeActions/index';
import { provideCompletions } from '../../server/src/service/features/completions';
import { toggleHover } from '../../server/src/service/features/toggleHover';
import { parsePlan } from '../../server/src/service/parse/index';
import { ToggleCatalog } from '../../server/src/service/toggles/index';
import { corpusFiles, read } from '../helpers/fixtures';

function prng(seed: number): () => number {
  // mulberry32: small, fast, reproducible
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ['\u0000', '\uFFFD', '\uD800', '|', '[', ']', '`', '**', '~~~', '```', '<!--', '-->', '\t', '\r', '\r\n', '#', '- ', '1. ', '[ ] ', '%', '/', '->', '–', ':', '?', '[FILL_IN]', '[PICK_ONE]', 'Stage ', 'Stage A.', 'Phase I', '12/31/', '2/30/2026', '99%', 'x', 'TBD', '\uFEFF', '😀'];

function mutate(text: string, rand: () => number): string {
  let t = text;
  const ops = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < ops; i++) {
    const at = Math.floor(rand() * (t.length + 1));
    const op = rand();
    if (op < 0.3) t = t.slice(0, at) + t.slice(Math.min(t.length, at + Math.floor(rand() * 400)));
    else if (op < 0.7) t = t.slice(0, at) + NOISE[Math.floor(rand() * NOISE.length)].repeat(1 + Math.floor(rand() * 3)) + t.slice(at);
    else if (op < 0.8) t = t.slice(0, at);
    else if (op < 0.9) t = t.replace(/\n/g, '\r\n');
    else {
      const from = Math.floor(rand() * t.length);
      t = t.slice(0, at) + t.slice(from, from + Math.floor(rand() * 300)) + t.slice(at);
    }
  }
  return t;
}

function exercise(text: string, rand: () => number): void {
  const plan = parsePlan(text);
  const today = { year: 2026, month: 3, day: 1 };
  const findings = runChecks(plan, checkContext(plan, fixedClock(today), { has: (n) => n.length % 2 === 0 }), undefined, {
    onCheckError: (id, err) => {
      throw new Error(`check ${id} threw: ${err instanceof Error ? err.stack : String(err)}`);
    },
  });
  const catalog = new ToggleCatalog();
  const lines = text.split(/\r\n|\r|\n/);
  provideDateInlayHints(plan, { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } });
  const positions = Array.from({ length: 6 }, () => {
    const line = Math.floor(rand() * lines.length);
    return { line, character: Math.floor(rand() * ((lines[line]?.length ?? 0) + 2)) };
  });
  for (const f of findings.slice(0, 4)) positions.push(f.range.start);
  for (const position of positions) {
    provideDateHover(plan, position, today);
    toggleHover(plan, position, catalog.withDocument(plan), [], today);
    provideCompletions(plan, position, catalog.withDocument(plan));
    const range = { start: position, end: position };
    const at = findings.filter((f) => f.range.start.line === position.line);
    for (const action of provideCodeActions(plan, { range, findings: at, allFindings: findings, only: undefined })) assert.ok(Array.isArray(action.edits));
    provideCodeActions(plan, { range, findings: at, allFindings: findings, only: ['source'] });
  }
}

describe('no document breaks the service', function () {
  this.timeout(120000);
  const files = corpusFiles();

  it('mutated real plans: parser, checks, hovers, completions, code actions', () => {
    const rand = prng(20261122);
    for (let i = 0; i < 300; i++) {
      const file = files[Math.floor(rand() * files.length)];
      const text = mutate(read(file), rand);
      try {
        exercise(text, rand);
      } catch (err) {
        throw new Error(`document #${i} (from ${basename(file)}) broke the service: ${err instanceof Error ? err.stack : String(err)}`);
      }
    }
  });

  it('degenerate documents: empty, whitespace, one huge line, deep nesting, binary', () => {
    const rand = prng(7);
    const docs = [
      '',
      '\n\n\n',
      '\uFEFF',
      '#',
      '### Stage',
      '| Toggle name |\n|',
      'x'.repeat(200_000),
      '[' .repeat(5000) + ']'.repeat(5000),
      Array.from({ length: 300 }, (_, i) => ' '.repeat(i * 2) + '- Stage A: 5%').join('\n'),
      '> '.repeat(500) + 'Stage A: 5%',
      Array.from({ length: 3000 }, () => String.fromCharCode(Math.floor(rand() * 65536))).join(''),
      '### Stage A: 1%\n' + '- Length of time: 1/1/25 - '.repeat(2000),
    ];
    for (const text of docs) exercise(text, rand);
  });
});
