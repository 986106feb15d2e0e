// The server's long-lived toggle knowledge: registry files, the name mapping, every plan in the
// workspace (indexed in the background, one file per tick), live status from configured environments,
// and the tokens the client hands over from SecretStorage (memory only, never logged).
import { pathToFileURL } from 'node:url';
import { isReleasePlan, parsePlan, FLAG_NAMES_DEFAULT, LiveToggleStatus, REGISTRY_DEFAULT, nameMappingFromFiles, parseEnvironments, RegistryFileSource, ToggleCatalog, WorkspaceToggleIndex, type EnvironmentConfig, type HttpGet, type RegistryView } from '../service/index';
import { tokenKey } from '../protocol/index';
import type { ServerFileSystem } from './fileSystem';
import { joinPath, uriToPath } from './paths';

const MAX_INDEXED_FILES = 2000;

export interface ToggleSettings {
  registryFiles: string[];
  flagNameFiles: string[];
  environments: unknown;
  refreshIntervalSeconds: number;
}

export function readToggleSettings(s: Record<string, unknown>): ToggleSettings {
  const toggles = (s.toggles && typeof s.toggles === 'object' ? s.toggles : {}) as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const refresh = typeof toggles.refreshIntervalSeconds === 'number' && toggles.refreshIntervalSeconds >= 10 ? toggles.refreshIntervalSeconds : 60;
  return { registryFiles: strings(toggles.registryFiles), flagNameFiles: strings(toggles.flagNameFiles), environments: s.environments, refreshIntervalSeconds: refresh };
}

export class ToggleState {
  readonly catalog = new ToggleCatalog();
  readonly index: WorkspaceToggleIndex;
  readonly live: LiveToggleStatus;
  private registrySources: RegistryFileSource[] = [];
  private readonly registryCache = new Map<string, { text: string; source: RegistryFileSource }>();
  private environments: EnvironmentConfig[] = [];
  private readonly tokens = new Map<string, string>();
  private indexing: { cancelled: boolean } | undefined;

  constructor(
    private readonly fs: ServerFileSystem,
    get: HttpGet,
    private readonly log: (message: string) => void,
    private readonly isTrusted: () => boolean,
    private readonly planGlobs: () => string[],
  ) {
    this.index = new WorkspaceToggleIndex({ parsePlan, maxFiles: MAX_INDEXED_FILES });
    this.live = new LiveToggleStatus({ get, trusted: isTrusted(), token: (env) => this.tokens.get(tokenKey(env)) });
    this.catalog.setSources([this.index]);
  }

  get configuredEnvironments(): readonly EnvironmentConfig[] {
    return this.environments;
  }

  /** The registry view for `unknown-toggle`, when a registry file was found or configured. */
  registry(): RegistryView | undefined {
    return this.catalog.registry();
  }

  /** (Re)reads registry and mapping files and the environments; cheap enough to run on any change. */
  async configure(settings: ToggleSettings, roots: string[]): Promise<void> {
    const registryPaths = settings.registryFiles.length ? roots.flatMap((r) => settings.registryFiles.map((f) => joinPath(r, f))) : roots.map((r) => joinPath(r, REGISTRY_DEFAULT));
    const sources: RegistryFileSource[] = [];
    for (const path of [...new Set(registryPaths)]) {
      const text = await this.fs.readFile(path);
      if (text === undefined) {
        if (settings.registryFiles.length) this.log(`toggle registry ${path} could not be read; unknown-toggle stays off for it`);
        continue;
      }
      // the real registry is ~700 entries of YAML (~0.5 s to parse): only re-read it when it changed
      const known = this.registryCache.get(path);
      if (known && known.text === text) {
        sources.push(known.source);
        continue;
      }
      const source = new RegistryFileSource(path.slice(path.lastIndexOf('/', path.lastIndexOf('/') - 1) + 1), text);
      for (const p of source.problems.slice(0, 5)) this.log(`${path}: ${p}`);
      this.registryCache.set(path, { text, source });
      sources.push(source);
    }
    this.registrySources = sources;
    const mappingPaths = settings.flagNameFiles.length ? roots.flatMap((r) => settings.flagNameFiles.map((f) => joinPath(r, f))) : roots.map((r) => joinPath(r, FLAG_NAMES_DEFAULT));
    const texts: string[] = [];
    for (const path of [...new Set(mappingPaths)]) {
      const text = await this.fs.readFile(path);
      if (text !== undefined) texts.push(text);
    }
    const mapping = nameMappingFromFiles(texts);
    for (const p of mapping.problems.slice(0, 5)) this.log(p);
    this.catalog.setMapping(mapping.mapping);
    this.catalog.setSources([...this.registrySources, this.index]);

    const env = parseEnvironments(settings.environments);
    for (const p of env.problems) this.log(p);
    this.environments = env.environments;
    this.live.configure({ environments: this.environments, trusted: this.isTrusted() });
  }

  setTrusted(trusted: boolean): void {
    this.live.configure({ trusted });
  }

  /** Tokens from the client (SecretStorage), keyed by tokenKey(environment). Replaces all previous ones. */
  setTokens(tokens: Record<string, string>): void {
    this.tokens.clear();
    for (const [k, v] of Object.entries(tokens)) if (typeof v === 'string' && v) this.tokens.set(k, v);
    // cached answers were fetched with the old tokens
    this.live.forget();
  }

  /** Indexes every plan under the workspace roots in the background, one file per tick. */
  startIndexing(roots: string[]): void {
    if (this.indexing) this.indexing.cancelled = true;
    const run = { cancelled: false };
    this.indexing = run;
    void (async () => {
      for (const root of roots) {
        const files = await this.fs.listMarkdown(root, MAX_INDEXED_FILES);
        for (const file of files) {
          if (run.cancelled) return;
          await new Promise((resolve) => setImmediate(resolve));
          await this.indexFile(pathToFileURL(file).href, file, root);
        }
      }
      if (!run.cancelled) this.log(`indexed toggles of ${this.index.size} release plan(s)${this.index.skipped ? `, ${this.index.skipped} skipped (size/count bounds)` : ''}`);
    })().catch((err: unknown) => this.log(`workspace indexing stopped: ${err instanceof Error ? err.message : String(err)}`));
  }

  private async indexFile(uri: string, path: string, root: string): Promise<void> {
    const text = await this.fs.readFile(path);
    const relative = path.startsWith(root) ? path.slice(root.length).replace(/^[\\/]+/, '') : path;
    if (text === undefined || !isReleasePlan(relative, text, this.planGlobs())) {
      this.index.remove(uri);
      return;
    }
    this.index.update(uri, text);
  }

  /** A watched file changed: re-index one markdown file, or reload registries on a registry change. */
  async fileChanged(uri: string, deleted: boolean, roots: string[], reload: () => Promise<void>): Promise<void> {
    if (/\.(md|markdown)$/i.test(uri)) {
      const path = uriToPath(uri);
      if (deleted || !path) this.index.remove(uri);
      else await this.indexFile(uri, path, roots.find((r) => path.startsWith(r)) ?? '');
    } else if (/(features\.yml|featureFlagNames\.json)$/.test(uri)) {
      await reload();
    }
  }
}
