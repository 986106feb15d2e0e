// The LSP adapter: document store, capabilities, and the mapping of service results to protocol
// shapes. Feature logic lives in the service; this file only decides when to call it.
import { isAbsolute, relative } from 'node:path';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  FileChangeType,
  NotificationType,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LocalDate } from '../service/checks/types';
import { parseIsoDate, systemClock } from '../service/clock';
import { DEFAULT_PLAN_GLOBS, isReleasePlan, planReason, type PlanReason } from '../service/detect';
import { createReleasePlanService, type ReleasePlanService } from '../service/index';
import type { ReleasePlan } from '../service/parse/index';
import type { HttpGet } from '../service/toggles/index';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import { FEATURES } from './features';
import { NO_FILE_SYSTEM, type ServerFileSystem } from './fileSystem';
import { isConfigFileUri, PlanConfigResolver, uriToPath } from './planConfig';
import { SettingsCache } from './settings';
import { readToggleSettings, ToggleState } from './toggleState';

/**
 * Client → server: tokens from SecretStorage, keyed by tokenKey(environment), held in memory only.
 * VS Code's client sends them `sealed` (see node/tokenSeal.ts) so a verbose LSP trace shows no token;
 * other clients may send plain `tokens`.
 */
export const SetTokensNotification = new NotificationType<{ tokens?: Record<string, string>; sealed?: string }>('releasePlan/setTokens');
/** Client → server: the user trusted the workspace. */
export const SetTrustedNotification = new NotificationType<{ trusted: boolean }>('releasePlan/setTrusted');

export interface ServerOptions {
  service?: ReleasePlanService;
  /** File access for config files, registries and the workspace index (none: those features stay off). */
  fs?: ServerFileSystem;
  /** Network access for live toggle status; it enforces trust, HTTPS and the configured origins itself. */
  httpGet?: HttpGet;
  /** Opens sealed tokens from the client; undefined when this process has no session key. */
  unsealTokens?: (sealed: string) => Record<string, string> | undefined;
}

export interface InitializationOptions {
  /** VS Code's workspace trust; anything but `true` means untrusted for network features. */
  trusted?: boolean;
}

export interface PlanServer {
  documents: TextDocuments<TextDocument>;
  service: ReleasePlanService;
  settings: SettingsCache;
  toggles: ToggleState;
  /** The plan model for an open document, or undefined when it is not a release plan. */
  planFor(uri: string): Promise<ReleasePlan | undefined>;
  /** Why an open document is a release plan (its path or its content), or undefined when it is not one. */
  planReasonFor(uri: string): Promise<PlanReason | undefined>;
  /** Diagnostics for any text under a URI (open or not): undefined when it is not a release plan. */
  diagnoseText(uri: string, text: string, version?: number): Promise<Diagnostic[] | undefined>;
  /** Asks the client to re-pull diagnostics (or re-pushes them for push-only clients). */
  refreshDiagnostics(): void;
  readonly trusted: boolean;
  readonly workspaceFolders: WorkspaceFolder[];
  /** What the client said it supports (disabled code actions, versioned edits…); empty before initialize. */
  readonly clientCapabilities: ClientCapabilities;
}

export function startServer(connection: Connection, options: ServerOptions = {}): PlanServer {
  const documents = new TextDocuments(TextDocument);
  // `releasePlan.today` (YYYY-MM-DD) pins the day every date-aware feature uses, for demos and tests;
  // a service passed in keeps its own clock.
  let pinnedToday: LocalDate | undefined;
  const service = options.service ?? createReleasePlanService({ clock: () => pinnedToday ?? systemClock() });
  const settings = new SettingsCache(connection);
  const fs = options.fs ?? NO_FILE_SYSTEM;
  const log = (message: string) => connection.console.log(`release-plan: ${message}`);
  const refusedGet: HttpGet = async () => {
    throw new Error('no network access in this server');
  };
  let pullDiagnostics = false;
  let refreshSupport = false;
  let dynamicConfig = false;
  let inlayHintRefresh = false;
  let trusted = false;
  let folders: WorkspaceFolder[] = [];
  let clientCapabilities: ClientCapabilities = {};
  const pushTimers = new Map<string, NodeJS.Timeout>();
  let planGlobs: string[] | undefined;
  const rootPaths = () => folders.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  // separator-agnostic (Windows paths too): the folder that contains `path`, if any
  const isInside = (root: string, path: string) => {
    const rel = relative(root, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  const workspaceRoot = (path: string) => rootPaths().find((r) => isInside(r, path));
  const config = new PlanConfigResolver(fs, settings, log, workspaceRoot);
  const toggles = new ToggleState(fs, options.httpGet ?? refusedGet, log, () => trusted, () => planGlobs ?? DEFAULT_PLAN_GLOBS);

  /** The path `releasePlan.files` globs are matched against: workspace-relative when inside a folder. */
  const relativePath = (uri: string): string | undefined => {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const root = workspaceRoot(path);
    return root ? relative(root, path) : path;
  };

  // Whether an open document is a plan, decided once per version and settings (every request asks).
  const detections = new Map<string, { version: number; files: string[]; reason: PlanReason | undefined }>();

  async function planReasonFor(uri: string): Promise<PlanReason | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const { files } = await settings.get(uri);
    const hit = detections.get(uri);
    if (hit && hit.version === doc.version && hit.files === files) return hit.reason;
    const reason = planReason(relativePath(uri), doc.getText(), files);
    detections.set(uri, { version: doc.version, files, reason });
    return reason;
  }

  async function planFor(uri: string): Promise<ReleasePlan | undefined> {
    if (!(await planReasonFor(uri))) return undefined;
    const doc = documents.get(uri);
    return doc && service.getPlan(uri, doc.version, doc.getText());
  }

  // Diagnostics per model: pulls, code-action requests and "check all" share one run of the checks.
  // Anything that can change a finding without changing the text bumps the generation.
  const findingsCache = new WeakMap<ReleasePlan, { key: string; diagnostics: Diagnostic[] }>();
  let generation = 0;
  const invalidateFindings = () => generation++;

  async function findingsFor(uri: string, plan: ReleasePlan): Promise<Diagnostic[]> {
    const today = service.clock();
    const key = `${generation}:${today.year}-${today.month}-${today.day}:${uri}`;
    const hit = findingsCache.get(plan);
    if (hit && hit.key === key) return hit.diagnostics;
    const diagnostics = await computeFindings(uri, plan);
    findingsCache.set(plan, { key, diagnostics });
    return diagnostics;
  }

  async function computeFindings(uri: string, plan: ReleasePlan): Promise<Diagnostic[]> {
    try {
      const resolved = await config.resolve(uri);
      const onCheckError = (id: string, err: unknown) => connection.console.error(`release-plan: check ${id} failed on ${uri}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return service.findings(plan, { config: resolved, registry: toggles.registry(), onCheckError }).map(toDiagnostic);
    } catch (err) {
      // A bug in one check must not take the document's other diagnostics (or the server) down.
      connection.console.error(`release-plan: checks failed for ${uri}: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  }

  async function diagnosticsFor(uri: string, token?: CancellationToken): Promise<Diagnostic[]> {
    if (isConfigFileUri(uri)) {
      const doc = documents.get(uri);
      return doc ? config.problemsIn(doc.getText()).map((p) => ({ range: p.range, message: p.message, severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, source: DIAGNOSTIC_SOURCE, code: 'config' })) : [];
    }
    const plan = await planFor(uri);
    if (!plan || token?.isCancellationRequested) return [];
    return findingsFor(uri, plan);
  }

  async function diagnoseText(uri: string, text: string, version = 0): Promise<Diagnostic[] | undefined> {
    const open = documents.get(uri);
    if (open) return diagnosticsFor(uri);
    const s = await settings.get(uri);
    if (!isReleasePlan(relativePath(uri), text, s.files)) return undefined;
    // closed files are parsed without polluting the open-document cache
    const key = `closed:${uri}`;
    try {
      return await findingsFor(uri, service.getPlan(key, version, text));
    } finally {
      service.forget(key);
    }
  }

  function schedulePush(uri: string): void {
    if (pullDiagnostics) return;
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(
      uri,
      setTimeout(() => {
        pushTimers.delete(uri);
        const doc = documents.get(uri);
        if (!doc) return;
        void diagnosticsFor(uri).then((diagnostics) => connection.sendDiagnostics({ uri, version: doc.version, diagnostics }));
      }, 150),
    );
  }

  function refreshDiagnostics(): void {
    invalidateFindings();
    if (pullDiagnostics) {
      if (refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      for (const doc of documents.all()) schedulePush(doc.uri);
    }
  }

  // Feature modules register their handlers up front and tell us which capabilities they add.
  const planServer: PlanServer = {
    documents,
    service,
    settings,
    toggles,
    planFor,
    planReasonFor,
    diagnoseText,
    refreshDiagnostics,
    get trusted() {
      return trusted;
    },
    get workspaceFolders() {
      return folders;
    },
    get clientCapabilities() {
      return clientCapabilities;
    },
  };
  const featureCapabilities = FEATURES.map((register) => register(connection, planServer));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    clientCapabilities = caps;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    inlayHintRefresh = !!caps.workspace?.inlayHint?.refreshSupport;
    settings.supported = !!caps.workspace?.configuration;
    dynamicConfig = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = init.trusted === true;
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false, identifier: 'release-plan' },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...Object.assign({}, ...featureCapabilities),
      },
      serverInfo: { name: 'release-plan-tools', version: '0.1.0' },
    };
  });

  async function configureToggles(): Promise<void> {
    const scope = folders[0]?.uri ?? '';
    const s = await settings.get(scope);
    planGlobs = s.files;
    pinnedToday = typeof s.today === 'string' && s.today.trim() !== '' ? parseIsoDate(s.today) : undefined;
    await toggles.configure(readToggleSettings(s), rootPaths());
  }

  connection.onInitialized(() => {
    void configureToggles()
      .then(() => toggles.startIndexing(rootPaths()))
      .then(() => refreshDiagnostics())
      .catch((err: unknown) => log(`toggle setup failed: ${err instanceof Error ? err.message : String(err)}`));
    if (dynamicConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'releasePlan' });
    if (folders.length) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
        // new folders bring their own registry, config files and plans
        config.invalidate();
        void configureToggles()
          .then(() => toggles.startIndexing(rootPaths()))
          .finally(refreshDiagnostics);
      });
    }
  });

  connection.onDidChangeConfiguration(() => {
    invalidateFindings();
    settings.clear();
    void configureToggles().finally(() => {
      refreshDiagnostics();
      if (inlayHintRefresh) void connection.languages.inlayHint.refresh();
    });
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    let refresh = false;
    for (const change of params.changes) {
      if (isConfigFileUri(change.uri)) {
        invalidateFindings();
        config.invalidate();
        refresh = true;
      } else {
        const registry = /(features\.yml|featureFlagNames\.json)$/.test(change.uri);
        await toggles.fileChanged(change.uri, change.type === FileChangeType.Deleted, rootPaths(), configureToggles);
        refresh ||= registry;
      }
    }
    if (refresh) refreshDiagnostics();
  });

  connection.onNotification(SetTokensNotification, (p) => {
    if (typeof p.sealed === 'string') {
      const tokens = options.unsealTokens?.(p.sealed);
      if (tokens) toggles.setTokens(tokens);
      else log('could not open the tokens sent by the client (session key mismatch); live status runs without tokens');
    } else {
      toggles.setTokens(p.tokens ?? {});
    }
  });
  connection.onNotification(SetTrustedNotification, (p) => {
    trusted = p.trusted === true;
    toggles.setTrusted(trusted);
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    return { kind: 'full', items: await diagnosticsFor(params.textDocument.uri, token) };
  });

  documents.onDidOpen((e) => schedulePush(e.document.uri));
  documents.onDidChangeContent((e) => schedulePush(e.document.uri));
  documents.onDidClose((e) => {
    service.forget(e.document.uri);
    detections.delete(e.document.uri);
    settings.forget(e.document.uri);
    clearTimeout(pushTimers.get(e.document.uri));
    if (!pullDiagnostics) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();

  return planServer;
}
