// Shared test data for the toggle tests: the real registry and mapping files, seeds and corpus plans.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '../../server/src/service/parse/index';
import type { ReleasePlan } from '../../server/src/service/parse/model';

export const FIXTURES = path.resolve(__dirname, '../fixtures');
export const REGISTRY_PATH = path.join(FIXTURES, 'corpus/vets-api-features.yml');
export const CORPUS_DIR = path.join(FIXTURES, 'corpus/va-release-plans');
export const SEEDS_DIR = path.join(FIXTURES, 'seeds');

export const registryText = (): string => readFileSync(REGISTRY_PATH, 'utf8');
export const flagNamesText = (): string => readFileSync(path.join(FIXTURES, 'toggles/featureFlagNames.json'), 'utf8');

export function seedText(name: 'dispute-debt' | 'avs' | 'cst'): string {
  const file = { 'dispute-debt': '000-dispute-debt-release-plan.md', avs: '003-avs-release-plan.md', cst: '004-cst-document-status-release-plan.md' }[name];
  return readFileSync(path.join(SEEDS_DIR, file), 'utf8');
}

export function seedPlan(name: 'dispute-debt' | 'avs' | 'cst'): ReleasePlan {
  return parsePlan(seedText(name));
}

export function corpusFiles(): Array<{ uri: string; text: string }> {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ uri: `file:///ws/plans/${f}`, text: readFileSync(path.join(CORPUS_DIR, f), 'utf8') }));
}

/** Position of the n-th (0-based) occurrence of `needle` in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not found: ${needle}`);
  }
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

// Real-shaped Flipper API bodies: string numbers, "true" strings, null for unset, arrays for sets.
export function flipperBody(name: string, state: string, gates: Partial<Record<'boolean' | 'expression' | 'actors' | 'groups' | 'percentage_of_actors' | 'percentage_of_time', unknown>>): string {
  const gate = (key: string, gateName: string, empty: unknown) => ({ key, name: gateName, value: key in gates ? gates[key as keyof typeof gates] : empty });
  return JSON.stringify({
    key: name,
    state,
    gates: [
      gate('boolean', 'boolean', null),
      gate('expression', 'expression', null),
      gate('actors', 'actor', []),
      gate('percentage_of_actors', 'percentage_of_actors', null),
      gate('percentage_of_time', 'percentage_of_time', null),
      gate('groups', 'group', []),
    ],
  });
}
