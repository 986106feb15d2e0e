// The plans the dev benchmarks type into: the Dispute Debt seed with its Stage B section repeated as
// further stages up to a size, and where in such a plan the edits go. One definition, so
// bench:side and profile:edits measure the same documents.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seed = readFileSync(join(ROOT, 'test/fixtures/seeds/000-dispute-debt-release-plan.md'), 'utf8');

/** A plan of about `bytes` characters; `variant` starts the stage letters elsewhere (distinct files). */
export function samplePlan(bytes, variant = 0) {
  const start = seed.indexOf('### Stage B');
  const end = seed.indexOf('## Post Launch metrics');
  const stage = seed.slice(start, end);
  let text = seed.slice(0, end);
  for (let i = 0; text.length < bytes - (seed.length - end); i++) text += stage.replace('### Stage B: 5% of users', `### Stage ${String.fromCharCode(67 + ((i + variant) % 23))}: ${Math.min(100, 10 + i)}% of users`);
  return text + seed.slice(end);
}

/** The end of a list item near the middle of the plan, where the typed edits go. */
export function editSpot(text) {
  const lines = text.split('\n');
  let l = Math.floor(lines.length / 2);
  while (l < lines.length - 1 && !/^\s*- [^|[]{10,}/.test(lines[l])) l++;
  return { line: l, character: lines[l].length };
}
