// Paths to the committed fixtures (tests never read ../shared).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export const SEEDS = join(FIXTURES, 'seeds');
export const CORPUS = join(FIXTURES, 'corpus', 'va-release-plans');

export const SEED_DISPUTE_DEBT = join(SEEDS, '000-dispute-debt-release-plan.md');
export const SEED_AVS = join(SEEDS, '003-avs-release-plan.md');
export const SEED_CST = join(SEEDS, '004-cst-document-status-release-plan.md');

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

export function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(CORPUS, f));
}
