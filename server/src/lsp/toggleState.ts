// The server's long-lived toggle knowledge: registry files, the name mapping, every plan in the
// workspace (indexed in the background, one file per tick), live status from configured environments,
// and the tokens the client hands over from SecretStorage (memory only, never logged).
import { errorText } from './guard';
import { pathToFileURL } from 'node:url';
import { isReleasePlan, parsePlan, FLAG_NAMES_DEFAULT, LiveToggleStatus, REGISTRY_DEFAULT, nameMappingFromFiles, parseEnvironments, RegistryFileSource, ToggleCatalog, WorkspaceToggleIndex, type EnvironmentConfig, type HttpGet, type RegistryParser, type RegistryView } from '../service/index';
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

function unreadable(setting: string, path: string, consequence: string): string {
  return `releasePlan.toggles.${setting}: cannot read ${path} (it is missing, not a file, or larger than 5 MB); ${consequence}. Check the path: relative paths start at each workspace folder, ~/ is your home folder.`;
}

export class ToggleState {
  readonly catalog = new ToggleCatalog();
  readonly index: WorkspaceToggleIndex;
  readonly live: LiveToggleStatus;
  private registrySources: RegistryFileSource[] = [];
  private readonly registryCache = new Map<string, { text: string; source: RegistryFileSource }>();
  private environments: EnvironmentConfig[] = [];
  private readonly tokens = new Map<string, string>();
  private indexing: { cancelled: boolean; done: boolean } | undefined;
  // Start-up: the registry is read after `initialized` (it waits for settings); until the first
  // configure() finishes, completion and hover only know the open document.
  private configuring = 0;
  private configured = false;
  private markConfigured!: () => void;
  private readonly firstConfigure = new Promise<void>((resolve) => (this.markConfigured = resolve));
  private refreshSeconds = 60;
  /** Called after environments, trust or tokens change (live answers were forgotten; open plans re-fetch). */
  readonly onLiveReset = new Set<() => void>();

  constructor(
    private readonly fs: ServerFileSystem,
    get: HttpGet,
    private readonly log: (message: string) => void,
    private readonly isTrusted: () => boolean,
    private readonly planGlobs: () => string[],
    private readonly parseRegistry?: RegistryParser,
  ) {
    this.index = new WorkspaceToggleIndex({ parsePlan, maxFiles: MAX_INDEXED_FILES });
    this.live = new LiveToggleStatus({ get, trusted: isTrusted(), token: (env) => this.tokens.get(tokenKey(env)) });
    this.catalog.setSources([this.index]);
  }

  get configuredEnvironments(): readonly EnvironmentConfig[] {
    return this.environments;
  }

  /** `releasePlan.toggles.refreshIntervalSeconds`: how often an open plan's live states are re-read. */
  get refreshIntervalSeconds(): number {
    return this.refreshSeconds;
  }

  /**
   * What the checks see of live status (`rollout-drift`): the answers already fetched, never a fetch.
   * Undefined without a configured environment, so the check stays silent.
   */
  liveForChecks(): { statuses(toggleName: string): ReturnType<LiveToggleStatus['snapshot']> } | undefined {
    if (this.environments.length === 0) return undefined;
    return { statuses: (name) => this.live.snapshot(this.catalog.flipperName(name)) };
  }

  /** The registry view for `unknown-toggle`, when a registry file was found or configured. */
  registry(): RegistryView | undefined {
    return this.catalog.registry();
  }

  /**
   * True while a source may still grow: before the registry was first read, while it is re-read,
   * and while the workspace index fills. Completion lists are marked incomplete meanwhile.
   */
  get loading(): boolean {
    return !this.configured || this.configuring > 0 || (this.indexing !== undefined && !this.indexing.done);
  }

  /** Resolves true once the registry was read the first time, or false after `ms` (a bounded wait). */
  async whenConfigured(ms: number): Promise<boolean> {
    if (this.configured) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    try {
      return await Promise.race([this.firstConfigure.then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** (Re)reads registry and mapping files and the environments; cheap enough to run on any change. */
  async configure(settings: ToggleSettings, roots: string[]): Promise<void> {
    this.configuring++;
    try {
      await this.readSources(settings, roots);
    } finally {
      this.configuring--;
      this.configured = true;
      this.markConfigured();
    }
  }

  private async readSources(settings: ToggleSettings, roots: string[]): Promise<void> {
    const registryPaths = settings.registryFiles.length ? roots.flatMap((r) => settings.registryFiles.map((f) => joinPath(r, f))) : roots.map((r) => joinPath(r, REGISTRY_DEFAULT));
    const sources: RegistryFileSource[] = [];
    for (const path of [...new Set(registryPaths)]) {
      const text = await this.fs.readFile(path);
      if (text === undefined) {
        if (settings.registryFiles.length) this.logOnce(unreadable('registryFiles', path, 'unknown-toggle and registry completions stay off for it'));
        continue;
      }
      // the real registry is ~700 entries of YAML (~0.5 s to parse): only re-read it when it changed
      const known = this.registryCache.get(path);
      if (known && known.text === text) {
        sources.push(known.source);
        continue;
      }
      const source = new RegistryFileSource(path.slice(path.lastIndexOf('/', path.lastIndexOf('/') - 1) + 1), text, this.parseRegistry);
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
      else if (settings.flagNameFiles.length) this.logOnce(unreadable('flagNameFiles', path, 'names are matched without its camelCase mapping'));
    }
    const mapping = nameMappingFromFiles(texts);
    for (const p of mapping.problems.slice(0, 5)) this.log(p);
    this.catalog.setMapping(mapping.mapping);
    this.catalog.setSources([...this.registrySources, this.index]);

    const env = parseEnvironments(settings.environments);
    // configure runs on every settings or watched-file change: say each settings problem once
    for (const p of env.problems) this.logOnce(p);
    this.environments = env.environments;
    this.refreshSeconds = settings.refreshIntervalSeconds;
    this.live.configure({ environments: this.environments, trusted: this.isTrusted() });
    for (const listener of this.onLiveReset) listener();
  }

  private readonly logged = new Set<string>();

  private logOnce(message: string): void {
    if (this.logged.has(message)) return;
    this.logged.add(message);
    this.log(message);
  }

  setTrusted(trusted: boolean): void {
    this.live.configure({ trusted });
    for (const listener of this.onLiveReset) listener();
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
    const run = { cancelled: false, done: false };
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
    })()
      .catch((err: unknown) => this.log(`workspace indexing stopped: ${errorText(err)}`))
      .finally(() => (run.done = true));
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
