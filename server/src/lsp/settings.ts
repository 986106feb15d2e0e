// `releasePlan.*` settings per resource, pulled from the client (workspace/configuration) and cached
// until the client says they changed.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_PLAN_GLOBS, usableGlobs } from '../service/index';

export interface PlanSettings {
  files: string[];
  checks: Record<string, string>;
  [key: string]: unknown;
}

export const DEFAULT_SETTINGS: PlanSettings = { files: DEFAULT_PLAN_GLOBS, checks: {} };

function normalize(raw: unknown, report: (problem: string) => void): PlanSettings {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  let files = Array.isArray(obj.files) && obj.files.every((f) => typeof f === 'string') ? (obj.files as string[]) : DEFAULT_SETTINGS.files;
  if (files !== DEFAULT_SETTINGS.files) {
    // one unusable pattern must not take the others (or every request that matches paths) down
    const usable = usableGlobs(files);
    for (const p of usable.problems) report(`releasePlan.files: ${p}. Fix it in your settings.`);
    if (usable.problems.length) files = usable.globs;
  }
  const checks: Record<string, string> = {};
  if (obj.checks && typeof obj.checks === 'object') {
    for (const [k, v] of Object.entries(obj.checks as Record<string, unknown>)) if (typeof v === 'string') checks[k] = v;
  }
  return { ...obj, files, checks };
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<PlanSettings>>();
  private readonly reported = new Set<string>();
  supported = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<PlanSettings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let hit = this.cache.get(uri);
    if (!hit) {
      hit = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'releasePlan' })
        .then((raw) => normalize(raw, (problem) => this.report(problem)), () => DEFAULT_SETTINGS);
      this.cache.set(uri, hit);
    }
    return hit;
  }

  clear(): void {
    this.cache.clear();
    this.reported.clear();
  }

  /** Settings are read per document: say what is wrong with them once, not once per document. */
  private report(problem: string): void {
    if (this.reported.has(problem)) return;
    this.reported.add(problem);
    this.connection.console.warn(`release-plan: ${problem}`);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
