// Per-document configuration: `releasePlan.checks.*` settings plus the nearest `.releaseplanrc.json`
// (found by walking up from the document, cached per folder until a config file changes).
import { CONFIG_FILE_NAME, configFileCandidates, parseRcFile, resolveConfig, type ConfigProblem, type ResolvedConfig } from '../service/index';
import type { ServerFileSystem } from './fileSystem';
import { uriToPath } from './paths';
import type { SettingsCache } from './settings';

export function isConfigFileUri(uri: string): boolean {
  return uri.endsWith('/' + CONFIG_FILE_NAME);
}

export class PlanConfigResolver {
  private readonly files = new Map<string, Promise<{ path: string; text: string } | undefined>>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly fs: ServerFileSystem,
    private readonly settings: SettingsCache,
    private readonly log: (message: string) => void,
    private readonly workspaceRoot: (path: string) => string | undefined,
  ) {}

  /** The nearest config file for a document path: cached per folder. */
  private configFileFor(path: string): Promise<{ path: string; text: string } | undefined> {
    const dir = path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));
    let hit = this.files.get(dir);
    if (!hit) {
      hit = (async () => {
        const stop = this.workspaceRoot(path);
        for (const candidate of configFileCandidates(path, stop)) {
          const text = await this.fs.readFile(candidate);
          if (text !== undefined) return { path: candidate, text };
        }
        return undefined;
      })();
      this.files.set(dir, hit);
    }
    return hit;
  }

  async resolve(uri: string): Promise<ResolvedConfig> {
    const s = await this.settings.get(uri);
    const path = uriToPath(uri);
    const configFile = path ? await this.configFileFor(path) : undefined;
    const resolved = resolveConfig({ settings: s.checks, configFile, documentPath: path });
    for (const note of resolved.notes) this.once(note);
    if (configFile && resolved.problems.length) this.once(`${configFile.path}: ${resolved.problems[0].message} (built-in defaults apply where it is invalid)`);
    return resolved.config;
  }

  /** Problems to show on an open `.releaseplanrc.json` itself. */
  problemsIn(text: string): ConfigProblem[] {
    return parseRcFile(text).problems;
  }

  /** A config file was created, changed or deleted: forget every lookup. */
  invalidate(): void {
    this.files.clear();
    this.reported.clear();
  }

  private once(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.log(message);
  }
}
