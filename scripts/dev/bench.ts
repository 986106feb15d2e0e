// npm run bench: speed and memory where users feel them, printed as figures and as ratios against a
// baseline measured in the same process (so the numbers survive a slower or busier machine).
//   baseline  = parsing the whole 30 KB plan with remark in one go (what a naive server does per keystroke)
//   edit      = one keystroke in one stage, then the model and every finding (what we do)
// Targets: edit → diagnostics p95 < 10 ms on a 30 KB plan; the edit path ≥ 5× faster than the baseline.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { createReleasePlanService } from '../../server/src/service/index';
import { clearParseCaches, parsePlan } from '../../server/src/service/parse/index';

const root = join(__dirname, '..', '..', 'test', 'fixtures');
const seed = readFileSync(join(root, 'seeds', '000-dispute-debt-release-plan.md'), 'utf8');

// A 30 KB plan: the Dispute Debt seed with its stage sections repeated as further stages.
function bigPlan(): string {
  const start = seed.indexOf('### Stage B');
  const end = seed.indexOf('## Post Launch metrics');
  const stage = seed.slice(start, end);
  let text = seed.slice(0, end);
  for (let i = 0; text.length < 30_000; i++) text += stage.replace('### Stage B: 5% of users', `### Stage ${String.fromCharCode(70 + (i % 20))}: ${Math.min(100, 10 + i)}% of users`);
  return text + seed.slice(end);
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

function time(fn: () => void, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const text = bigPlan();
const N = 60;

// warm up the JIT on both paths
for (let i = 0; i < 5; i++) {
  fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  parsePlan(text + i);
}

const baseline = stats(time(() => fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), N));
const cold = stats(
  time(() => {
    clearParseCaches();
    parsePlan(text);
  }, N),
);

const service = createReleasePlanService();
const anchor = text.indexOf('Number of unique users: 71');
let version = 1;
service.findings(service.parsePlan(text));
const edit = stats(
  time(() => {
    version++;
    // one keystroke: the unique-user count of one stage changes
    const edited = text.slice(0, anchor) + `Number of unique users: ${version}` + text.slice(anchor + 'Number of unique users: 71'.length);
    service.findings(service.parsePlan(edited));
  }, N * 3),
);

// memory: the model and caches for the whole corpus
const corpusDir = join(root, 'corpus', 'va-release-plans');
const files = readdirSync(corpusDir).filter((f) => f.endsWith('.md'));
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
const plans = files.map((f) => parsePlan(readFileSync(join(corpusDir, f), 'utf8')));
const corpusMs = performance.now() - t0;
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;

console.log(`plan size: ${(text.length / 1024).toFixed(1)} KB, ${text.split('\n').length} lines`);
console.log(`baseline  remark whole document   p50 ${fmt(baseline.p50)}  p95 ${fmt(baseline.p95)}`);
console.log(`cold      parsePlan, empty cache  p50 ${fmt(cold.p50)}  p95 ${fmt(cold.p95)}  (${(cold.p50 / baseline.p50).toFixed(2)}× baseline)`);
console.log(`edit      keystroke → findings    p50 ${fmt(edit.p50)}  p95 ${fmt(edit.p95)}  max ${fmt(edit.max)}  (${(baseline.p50 / edit.p50).toFixed(1)}× faster than baseline)`);
console.log(`target    edit p95 < 10 ms: ${edit.p95 < 10 ? 'met' : 'NOT met'}`);
console.log(`corpus    ${plans.length} plans parsed in ${fmt(corpusMs)}; heap +${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB with models and parse cache held${global.gc ? '' : ' (run with --expose-gc for a steadier figure)'}`);
