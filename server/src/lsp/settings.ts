// `releasePlan.*` settings per resource, pulled from the client (workspace/configuration) and cached
// until the client says they changed.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_PLAN_GLOBS } from '../service/index';

export interface PlanSettings {
  files: string[];
  checks: Record<string, string>;
  [key: string]: unknown;
}

export const DEFAULT_SETTINGS: PlanSettings = { files: DEFAULT_PLAN_GLOBS, checks: {} };

function normalize(raw: unknown): PlanSettings {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const files = Array.isArray(obj.files) && obj.files.every((f) => typeof f === 'string') ? (obj.files as string[]) : DEFAULT_SETTINGS.files;
  const checks: Record<string, string> = {};
  if (obj.checks && typeof obj.checks === 'object') {
    for (const [k, v] of Object.entries(obj.checks as Record<string, unknown>)) if (typeof v === 'string') checks[k] = v;
  }
  return { ...obj, files, checks };
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<PlanSettings>>();
  supported = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<PlanSettings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let hit = this.cache.get(uri);
    if (!hit) {
      hit = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'releasePlan' })
        .then(normalize, () => DEFAULT_SETTINGS);
      this.cache.set(uri, hit);
    }
    return hit;
  }

  clear(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
