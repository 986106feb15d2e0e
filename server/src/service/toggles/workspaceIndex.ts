// Toggles named by every release plan in the workspace. The server feeds it file texts on startup and
// on file events; it keeps only each file's toggles (not its text or model), and its work is bounded:
// files past `maxFiles` or larger than `maxFileChars` are skipped and counted, never parsed.
import type { ReleasePlan } from '../parse/model';
import { planToggleInfos } from './documentSource';
import type { ToggleInfo, ToggleSource } from './types';

export interface WorkspaceIndexOptions {
  parsePlan: (text: string) => ReleasePlan;
  /** Turns a file URI into the label shown in completions (`docs/foo-release-plan.md`). */
  label?: (uri: string) => string;
  maxFiles?: number;
  maxFileChars?: number;
}

export class WorkspaceToggleIndex implements ToggleSource {
  readonly origin = 'workspace' as const;
  readonly label = 'workspace plans';
  private readonly files = new Map<string, ToggleInfo[]>();
  private readonly skippedFiles = new Set<string>();
  private cache: ToggleInfo[] | undefined;
  private versionNumber = 0;
  private readonly parse: (text: string) => ReleasePlan;
  private readonly labelOf: (uri: string) => string;
  private readonly maxFiles: number;
  private readonly maxFileChars: number;

  constructor(options: WorkspaceIndexOptions) {
    this.parse = options.parsePlan;
    this.labelOf = options.label ?? ((uri) => uri.slice(uri.lastIndexOf('/') + 1));
    this.maxFiles = options.maxFiles ?? 2000;
    this.maxFileChars = options.maxFileChars ?? 500_000;
  }

  get version(): number {
    return this.versionNumber;
  }

  /** Number of files whose toggles are indexed. */
  get size(): number {
    return this.files.size;
  }

  /** Files left out: past the bounds (too many files, or too large), or the parser broke on them. */
  get skipped(): number {
    return this.skippedFiles.size;
  }

  /** Indexes (or re-indexes) one file. Returns false when the file was skipped by the bounds. */
  update(uri: string, text: string): boolean {
    const known = this.files.has(uri);
    if (text.length > this.maxFileChars || (!known && this.files.size >= this.maxFiles)) {
      if (known) this.remove(uri);
      this.skippedFiles.add(uri);
      return false;
    }
    this.skippedFiles.delete(uri);
    // Cheap pre-filter: a file that never says toggle/flag/flipper names no toggles the parser would
    // find, so most markdown in a repository costs a regex test, not a parse.
    let infos: ToggleInfo[];
    try {
      infos = /toggle|flag|flipper/i.test(text) ? planToggleInfos(this.parse(text), 'workspace', this.labelOf(uri), uri) : [];
    } catch {
      // A file the parser breaks on contributes no toggles; indexing goes on with the next file.
      if (known) this.remove(uri);
      this.skippedFiles.add(uri);
      return false;
    }
    const before = this.files.get(uri);
    this.files.set(uri, infos);
    if (!before || !sameInfos(before, infos)) this.changed();
    return true;
  }

  remove(uri: string): void {
    this.skippedFiles.delete(uri);
    if (this.files.delete(uri)) this.changed();
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  entries(): readonly ToggleInfo[] {
    this.cache ??= [...this.files.values()].flat();
    return this.cache;
  }

  private changed(): void {
    this.cache = undefined;
    this.versionNumber++;
  }
}

// Typing in a plan re-indexes it on every keystroke; when its toggles did not change, the catalog
// should not re-merge, so compare what the catalog uses.
function sameInfos(a: ToggleInfo[], b: ToggleInfo[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => x.name === b[i].name && x.description === b[i].description && x.range?.start.line === b[i].range?.start.line);
}
