// The toggle catalog: every source merged by name. Two spellings of one toggle (`avsEnabled`,
// `avs_enabled`) are one entry; the registry's spelling is the name Flipper knows.
import { DocumentToggleSource } from './documentSource';
import { boundedLevenshtein } from '../editDistance';
import { NameMapping } from './names';
import type { ReleasePlan } from '../parse/model';
import { perPlan } from '../memo';
import type { ToggleInfo, ToggleOrigin, ToggleSource } from './types';

export interface CatalogEntry {
  key: string;
  /** Display name: the registry's spelling, else the best-ranked source's. */
  name: string;
  /** The name to ask Flipper about (registry spelling, else the mapped or derived snake_case). */
  flipperName: string;
  inRegistry: boolean;
  /** Best-ranked description: the registry's, else this plan's, else another plan's. */
  description?: string;
  actorType?: string;
  enableInDevelopment?: boolean;
  /** Best origin among the infos; completions rank by it. */
  origin: ToggleOrigin;
  /** Every source's info, best first (document, registry, workspace). */
  infos: ToggleInfo[];
}

/** What the `unknown-toggle` check needs (matches `CheckContext.registry`). */
export interface RegistryView {
  has(name: string): boolean;
  suggest(name: string): string | undefined;
}

const ORIGIN_RANK: Record<ToggleOrigin, number> = { document: 0, registry: 1, workspace: 2 };

export function mergeToggleInfos(infos: Iterable<ToggleInfo>, mapping: NameMapping): Map<string, CatalogEntry> {
  const byKey = new Map<string, ToggleInfo[]>();
  for (const info of infos) {
    const key = mapping.key(info.name);
    const list = byKey.get(key);
    if (list) list.push(info);
    else byKey.set(key, [info]);
  }
  const out = new Map<string, CatalogEntry>();
  for (const [key, list] of byKey) {
    list.sort((a, b) => ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin]);
    const registry = list.find((i) => i.origin === 'registry');
    const described = registry?.description ? registry : list.find((i) => i.description);
    out.set(key, {
      key,
      name: registry?.name ?? list[0].name,
      flipperName: registry?.name ?? mapping.toSnake(list[0].name),
      inRegistry: registry !== undefined,
      description: described?.description,
      actorType: registry?.actorType,
      enableInDevelopment: registry?.enableInDevelopment,
      origin: list[0].origin,
      infos: list,
    });
  }
  return out;
}

/** A merged, read-only view of some sources. */
export class CatalogView {
  constructor(
    protected readonly entriesByKey: Map<string, CatalogEntry>,
    readonly mapping: NameMapping,
    private readonly registryConfigured = false,
  ) {}

  /** True when a registry is configured, so "not in the registry" means something. */
  hasRegistry(): boolean {
    return this.registryConfigured;
  }

  lookup(name: string): CatalogEntry | undefined {
    return this.entriesByKey.get(this.mapping.key(name));
  }

  entries(): CatalogEntry[] {
    return [...this.entriesByKey.values()];
  }

  /** The name Flipper knows a toggle by, even when no source knows the toggle. */
  flipperName(name: string): string {
    return this.lookup(name)?.flipperName ?? this.mapping.toSnake(name);
  }
}

export interface ToggleCatalogOptions {
  sources?: ToggleSource[];
  mapping?: NameMapping;
}

/**
 * The long-lived catalog the server keeps: registry files, the workspace index, a name mapping. The
 * open document is merged per request (`withDocument`), because it changes with every keystroke.
 */
export class ToggleCatalog {
  private sourceList: ToggleSource[];
  private nameMapping: NameMapping;
  private merged: Map<string, CatalogEntry> | undefined;
  private mergedVersions = '';
  private registryCache: { versions: string; view: RegistryView } | undefined;
  // Completion and hover ask for the same plan's view on every request between two keystrokes; the
  // merge walks every registry entry, so it is done once per model (and sources' versions).
  // (kept on the plan, see perPlan: a WeakMap keyed by plans would keep every keystroke's view to a full GC)
  private generation = 0;
  private readonly documentViews = perPlan((_plan: ReleasePlan): { key?: string; view?: CatalogView } => ({}));

  constructor(options: ToggleCatalogOptions = {}) {
    this.sourceList = options.sources ?? [];
    this.nameMapping = options.mapping ?? new NameMapping();
  }

  get mapping(): NameMapping {
    return this.nameMapping;
  }

  setSources(sources: ToggleSource[]): void {
    this.sourceList = sources;
    this.invalidate();
  }

  setMapping(mapping: NameMapping): void {
    this.nameMapping = mapping;
    this.invalidate();
  }

  /** True when at least one registry source is configured (the `unknown-toggle` check needs one). */
  hasRegistry(): boolean {
    return this.sourceList.some((s) => s.origin === 'registry');
  }

  lookup(name: string): CatalogEntry | undefined {
    return this.entriesByKey().get(this.nameMapping.key(name));
  }

  entries(): CatalogEntry[] {
    return [...this.entriesByKey().values()];
  }

  flipperName(name: string): string {
    return this.lookup(name)?.flipperName ?? this.nameMapping.toSnake(name);
  }

  /**
   * The catalog as seen from one open plan: its own toggles rank first, and the workspace index's
   * copy of this same file (`uri`), possibly a version behind, is left out.
   */
  withDocument(plan: ReleasePlan | undefined, uri?: string): CatalogView {
    const key = `${this.generation} ${this.versions()} ${uri ?? ''}`;
    const hit = plan && this.documentViews(plan);
    if (hit?.view && hit.key === key) return hit.view;
    const infos: ToggleInfo[] = [];
    if (plan) infos.push(...new DocumentToggleSource(plan, 'this plan', uri).entries());
    for (const source of this.sourceList) {
      for (const info of source.entries()) if (!(uri !== undefined && info.origin === 'workspace' && info.uri === uri)) infos.push(info);
    }
    const view = new CatalogView(mergeToggleInfos(infos, this.nameMapping), this.nameMapping, this.hasRegistry());
    if (hit) {
      hit.key = key;
      hit.view = view;
    }
    return view;
  }

  /** The registry as the `unknown-toggle` check sees it; undefined when no registry is configured. */
  registry(): RegistryView | undefined {
    if (!this.hasRegistry()) return undefined;
    const versions = this.versions();
    if (this.registryCache?.versions !== versions) {
      const names = this.sourceList.filter((s) => s.origin === 'registry').flatMap((s) => s.entries().map((i) => i.name));
      this.registryCache = { versions, view: createRegistryView(names, this.nameMapping) };
    }
    return this.registryCache.view;
  }

  private entriesByKey(): Map<string, CatalogEntry> {
    const versions = this.versions();
    if (!this.merged || versions !== this.mergedVersions) {
      this.merged = mergeToggleInfos(
        this.sourceList.flatMap((s) => s.entries()),
        this.nameMapping,
      );
      this.mergedVersions = versions;
    }
    return this.merged;
  }

  private versions(): string {
    return this.sourceList.map((s) => s.version).join(',');
  }

  private invalidate(): void {
    this.generation++; // every plan's kept view is stale
    this.merged = undefined;
    this.registryCache = undefined;
  }
}

/** Registry membership through the name mapping, with a nearest-name suggestion for typos. */
export function createRegistryView(names: readonly string[], mapping: NameMapping): RegistryView {
  const byKey = new Map<string, string>();
  for (const n of names) if (!byKey.has(mapping.key(n))) byKey.set(mapping.key(n), n);
  // The same unknown names are asked about on every keystroke, and each answer is a scan of the
  // whole registry (thousands of names): remember them for the life of this view.
  const suggestions = new Map<string, string | undefined>();
  return {
    has: (name) => byKey.has(mapping.key(name)),
    suggest(name) {
      const key = mapping.key(name);
      if (suggestions.has(key)) return suggestions.get(key);
      const best = nearest(key);
      if (suggestions.size >= 1000) suggestions.clear(); // names typed one letter at a time
      suggestions.set(key, best);
      return best;
    },
  };

  function nearest(key: string): string | undefined {
    // A typo is a few edits; beyond ~a quarter of the name it is a different toggle.
    const limit = Math.min(3, Math.max(1, Math.floor(key.length / 4)));
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const [k, n] of byKey) {
      if (Math.abs(k.length - key.length) >= bestDistance) continue;
      const d = boundedLevenshtein(key, k, bestDistance - 1);
      if (d < bestDistance) {
        bestDistance = d;
        best = n;
      }
    }
    return best;
  }
}
