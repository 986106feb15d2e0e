// vets-website's `featureFlagNames.json` (`{"camelName": "snake_name"}`): the authoritative pairing of
// the two spellings. Some pairs cannot be derived (`manageDependents` → `dependents_management`,
// `cstUseLighthouse#5103` → `cst_use_lighthouse_5103`), which is why pairs beat derivation.
import { NameMapping } from './names';

export interface FlagNamesParseResult {
  pairs: Array<[camel: string, snake: string]>;
  problems: string[];
}

export function parseFlagNamesFile(text: string): FlagNamesParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { pairs: [], problems: [`JSON: ${(e as Error).message}`] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { pairs: [], problems: ['expected an object of "camelName": "snake_name" pairs'] };
  }
  const pairs: Array<[string, string]> = [];
  const problems: string[] = [];
  for (const [camel, snake] of Object.entries(data as Record<string, unknown>)) {
    if (typeof snake === 'string' && snake.trim() !== '') pairs.push([camel, snake.trim()]);
    else problems.push(`${camel}: value is not a name`);
  }
  return { pairs, problems };
}

/** Merges every mapping file's pairs into one mapping; earlier files win on conflicts. */
export function nameMappingFromFiles(texts: readonly string[]): { mapping: NameMapping; problems: string[] } {
  const pairs: Array<[string, string]> = [];
  const problems: string[] = [];
  for (const text of texts) {
    const r = parseFlagNamesFile(text);
    pairs.push(...r.pairs);
    problems.push(...r.problems);
  }
  return { mapping: new NameMapping(pairs), problems };
}
