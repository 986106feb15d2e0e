// Prints, for every real plan in the corpus, what the model found: toggles, stages, fields,
// placeholders. The output is stable (sorted, no timings) so a diff of it reviews a parser change.
// Usage: npm run corpus-report [-- <dir>]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../server/src/service/parse/index';
import { summarizePlan } from '../../server/src/service/summary';

const dir = process.argv[2] ?? join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', 'va-release-plans');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
for (const file of files) {
  const plan = parsePlan(readFileSync(join(dir, file), 'utf8'));
  process.stdout.write(`${file}\n  ${summarizePlan(plan)}\n`);
}
process.stdout.write(`${files.length} plans\n`);
