// The toggle registry: vets-api's `config/features.yml` shape (`features:` → name → `actor_type`,
// `description`, `enable_in_development`). The real file is hand-edited, so parsing tolerates what it
// contains: a misspelled `actore_type`, an `actor:` key, empty `actor_type:`, missing descriptions,
// names that are not snake_case. A broken file yields the entries that could be read plus problems,
// never an exception: the catalog must keep working while someone is mid-edit.
import { isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import type { ToggleInfo, ToggleSource } from './types';

export interface RegistryEntry {
  name: string;
  actorType?: string;
  description?: string;
  enableInDevelopment?: boolean;
}

export interface RegistryParseResult {
  entries: RegistryEntry[];
  /** Human-readable notes about what could not be read (YAML errors, odd entries). */
  problems: string[];
}

/** parseRegistryFile, or something that answers as it would (node/registryCache.ts keeps its answers). */
export type RegistryParser = (text: string) => RegistryParseResult;

// Keys seen in the wild for the actor type; the first is the right one.
const ACTOR_TYPE_KEYS = ['actor_type', 'actore_type', 'actor'];

function scalarString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function parseRegistryFile(text: string): RegistryParseResult {
  const problems: string[] = [];
  // uniqueKeys off: a duplicated toggle name must not make the whole file unreadable.
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  for (const e of doc.errors) problems.push(`YAML: ${e.message.split('\n')[0]}`);
  const root = doc.contents;
  if (!isMap(root)) return { entries: [], problems: problems.length ? problems : ['no `features:` map'] };
  // vets-api nests under `features:`; accept a bare map of names too (a trimmed copy of the file).
  const featuresNode = root.get('features', true) as YamlNode | undefined;
  const features = isMap(featuresNode) ? featuresNode : featuresNode === undefined ? root : undefined;
  if (!features) return { entries: [], problems: [...problems, '`features:` is not a map'] };

  const entries: RegistryEntry[] = [];
  const seen = new Set<string>();
  for (const pair of features.items) {
    const name = isScalar(pair.key) ? scalarString(pair.key.value) : undefined;
    if (!name) continue;
    if (seen.has(name)) problems.push(`duplicate toggle ${name}`);
    seen.add(name);
    const entry: RegistryEntry = { name };
    const value = isMap(pair.value) ? (pair.value.toJSON() as Record<string, unknown>) : undefined;
    if (value) {
      for (const key of ACTOR_TYPE_KEYS) {
        const actor = scalarString(value[key]);
        if (actor) {
          entry.actorType = actor;
          break;
        }
      }
      const description = scalarString(value.description);
      if (description) entry.description = description.replace(/\s+/g, ' ');
      if (typeof value.enable_in_development === 'boolean') entry.enableInDevelopment = value.enable_in_development;
    }
    entries.push(entry);
  }
  return { entries, problems };
}

/** A registry file as a toggle source; `update` replaces its text (file change events). */
export class RegistryFileSource implements ToggleSource {
  readonly origin = 'registry' as const;
  private infos: ToggleInfo[] = [];
  private problemList: string[] = [];
  private versionNumber = 0;

  constructor(
    readonly label: string,
    text?: string,
    private readonly parse: RegistryParser = parseRegistryFile,
  ) {
    if (text !== undefined) this.update(text);
  }

  get version(): number {
    return this.versionNumber;
  }

  get problems(): readonly string[] {
    return this.problemList;
  }

  update(text: string): void {
    const { entries, problems } = this.parse(text);
    this.problemList = problems;
    this.infos = entries.map((e) => ({
      name: e.name,
      origin: 'registry',
      sourceLabel: this.label,
      description: e.description,
      actorType: e.actorType,
      enableInDevelopment: e.enableInDevelopment,
    }));
    this.versionNumber++;
  }

  entries(): readonly ToggleInfo[] {
    return this.infos;
  }
}
