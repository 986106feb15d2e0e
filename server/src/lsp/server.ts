// The LSP server's lifecycle: it builds the parts (settings, config files, toggles, the document
// pipeline in documents.ts), hands them to the feature modules, and wires the client's notifications
// to them. Feature logic lives in the service; what happens to a document lives in documents.ts.
import {
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
// read at build time (esbuild inlines the one field), as cli/version.ts does
import { version as SERVER_VERSION } from '../../../package.json';
import { SetTokensNotification, SetTrustedNotification } from '../protocol/index';
import { createReleasePlanService, DEFAULT_PLAN_GLOBS, parseIsoDate, systemClock, type HttpGet, type LocalDate, type RegistryParser, type ReleasePlanService } from '../service/index';
import { DiagnosticResults } from './diagnosticResults';
import { DiagnosticsPush } from './diagnosticsPush';
import { PlanDocuments } from './documents';
import { FEATURES } from './features';
import { errorText, guarded } from './guard';
import { notificationType } from './messages';
import { NO_FILE_SYSTEM, type ServerFileSystem } from './fileSystem';
import { isConfigFileUri, PlanConfigResolver } from './planConfig';
import type { PlanServer } from './planServer';
import { SettingsCache } from './settings';
import { readToggleSettings, ToggleState } from './toggleState';
import { WorkspaceFolders } from './workspaceFolders';

export interface ServerOptions {
  service?: ReleasePlanService;
  /** File access for config files, registries and the workspace index (none: those features stay off). */
  fs?: ServerFileSystem;
  /** Network access for live toggle status; it enforces trust, HTTPS and the configured origins itself. */
  httpGet?: HttpGet;
  /** A check's docs anchor → a link that opens here (node/main.ts: the docs/checks.md next to the bundle). */
  docsLink?: (anchor: string) => string | undefined;
  /** Parses a toggle registry's text (default: parseRegistryFile; node/main.ts: the same, kept between runs). */
  parseRegistry?: RegistryParser;
  /** Opens sealed tokens from the client; undefined when this process has no session key (async in a browser: WebCrypto). */
  unsealTokens?: (sealed: string) => Record<string, string> | undefined | Promise<Record<string, string> | undefined>;
}

export interface InitializationOptions {
  /** VS Code's workspace trust; anything but `true` means untrusted for network features. */
  trusted?: boolean;
}

/** What the client said it can do, read once at initialize. */
interface ClientSupport {
  capabilities: ClientCapabilities;
  pullDiagnostics: boolean;
  refreshSupport: boolean;
  dynamicConfig: boolean;
  inlayHintRefresh: boolean;
}

/** The server's parts, built once by startServer and shared by the wiring below. */
interface Parts {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsCache;
  config: PlanConfigResolver;
  toggles: ToggleState;
  folders: WorkspaceFolders;
  plans: PlanDocuments;
  push: DiagnosticsPush;
  client: ClientSupport;
  state: { trusted: boolean; planGlobs?: string[]; pinnedToday?: LocalDate };
  log(message: string): void;
  refreshDiagnostics(): void;
}

export function startServer(connection: Connection, options: ServerOptions = {}): PlanServer {
  const documents = new TextDocuments(TextDocument);
  const state: Parts['state'] = { trusted: false };
  // `releasePlan.today` (tests, demos) pins the day every check and view compares against
  const service = options.service ?? createReleasePlanService({ clock: () => state.pinnedToday ?? systemClock() });
  const settings = new SettingsCache(connection);
  const fs = options.fs ?? NO_FILE_SYSTEM;
  const log = (message: string) => connection.console.log(`release-plan: ${message}`);
  const refusedGet: HttpGet = async () => {
    throw new Error('no network access in this server');
  };
  const client: ClientSupport = { capabilities: {}, pullDiagnostics: false, refreshSupport: false, dynamicConfig: false, inlayHintRefresh: false };
  const folders = new WorkspaceFolders();
  const config = new PlanConfigResolver(fs, settings, log, (path) => folders.rootOf(path));
  const toggles = new ToggleState(fs, options.httpGet ?? refusedGet, log, () => state.trusted, () => state.planGlobs ?? DEFAULT_PLAN_GLOBS, options.parseRegistry);
  const plans = new PlanDocuments({
    documents,
    service,
    settings,
    config,
    registry: () => toggles.registry(),
    live: () => toggles.liveForChecks(),
    docsLink: options.docsLink,
    relativePath: (uri) => folders.relativePath(uri),
    logError: (message) => connection.console.error(message),
  });
  const push = new DiagnosticsPush(connection, documents, (uri) => plans.diagnosticsFor(uri), () => client.pullDiagnostics);

  function refreshDiagnostics(): void {
    plans.invalidate();
    if (!client.pullDiagnostics) push.all();
    else if (client.refreshSupport) void connection.languages.diagnostics.refresh();
  }

  // Feature modules register their handlers up front and tell us which capabilities they add.
  const planServer: PlanServer = {
    documents,
    service,
    settings,
    toggles,
    planFor: (uri) => plans.planFor(uri),
    planReasonFor: (uri) => plans.planReasonFor(uri),
    findingsFor: (uri) => plans.findingsFor(uri),
    diagnosticsFor: (uri, token) => plans.diagnosticsFor(uri, token),
    diagnoseClosed: (uri, text) => plans.diagnoseClosed(uri, text),
    checkClosed: (uri, text) => plans.checkClosed(uri, text),
    refreshDiagnostics,
    get trusted() {
      return state.trusted;
    },
    get workspaceFolders() {
      return folders.list;
    },
    get clientCapabilities() {
      return client.capabilities;
    },
  };
  const featureCapabilities = FEATURES.map((register) => register(connection, planServer));

  const parts: Parts = { connection, documents, settings, config, toggles, folders, plans, push, client, state, log, refreshDiagnostics };
  wireInitialize(parts, featureCapabilities);
  wireWorkspace(parts);
  wireClientNotifications(parts, options.unsealTokens);
  wireDocuments(parts);
  documents.listen(connection);
  connection.listen();

  return planServer;
}

function wireInitialize({ connection, client, settings, state, folders }: Parts, featureCapabilities: Partial<ServerCapabilities>[]): void {
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    client.capabilities = caps;
    client.pullDiagnostics = !!caps.textDocument?.diagnostic;
    client.refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    client.inlayHintRefresh = !!caps.workspace?.inlayHint?.refreshSupport;
    client.dynamicConfig = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    settings.supported = !!caps.workspace?.configuration;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    state.trusted = init.trusted === true;
    folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false, identifier: 'release-plan' },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...Object.assign({}, ...featureCapabilities),
      },
      serverInfo: { name: 'release-plan-tools', version: SERVER_VERSION },
    };
  });
}

/** Settings, workspace folders and watched files: each can change what the checks find. */
function wireWorkspace({ connection, client, settings, config, toggles, folders, plans, state, log, refreshDiagnostics }: Parts): void {
  async function configureToggles(): Promise<void> {
    const s = await settings.get(folders.list[0]?.uri ?? '');
    state.planGlobs = s.files;
    state.pinnedToday = typeof s.today === 'string' ? parseIsoDate(s.today) : undefined;
    await toggles.configure(readToggleSettings(s), folders.rootPaths());
  }

  connection.onInitialized(() => {
    void configureToggles()
      .then(() => toggles.startIndexing(folders.rootPaths()))
      .then(() => refreshDiagnostics())
      .catch((err: unknown) => log(`toggle setup failed: ${errorText(err)}`));
    if (client.dynamicConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'releasePlan' });
    if (folders.list.length) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders.update(e);
        // new folders bring their own registry, config files and plans
        config.invalidate();
        void configureToggles()
          .then(() => toggles.startIndexing(folders.rootPaths()))
          .finally(refreshDiagnostics);
      });
    }
  });

  connection.onDidChangeConfiguration(() => {
    plans.invalidate();
    settings.clear();
    void configureToggles().finally(() => {
      refreshDiagnostics();
      if (client.inlayHintRefresh) void connection.languages.inlayHint.refresh();
      // `releasePlan.today` and `releasePlan.codeLens.enabled` change what the lenses say
      if (client.capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    });
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    let refresh = false;
    for (const change of params.changes) {
      if (isConfigFileUri(change.uri)) {
        plans.invalidate();
        config.invalidate();
        refresh = true;
      } else {
        const registry = /(features\.yml|featureFlagNames\.json)$/.test(change.uri);
        await toggles.fileChanged(change.uri, change.type === FileChangeType.Deleted, folders.rootPaths(), configureToggles);
        refresh ||= registry;
      }
    }
    if (refresh) refreshDiagnostics();
  });
}

function wireClientNotifications({ connection, toggles, state, log }: Parts, unsealTokens: ServerOptions['unsealTokens']): void {
  // one after another, so an older set opened late never replaces a newer one
  let opening: Promise<void> = Promise.resolve();
  connection.onNotification(notificationType(SetTokensNotification), (p) => {
    opening = opening.then(async () => {
      if (typeof p.sealed === 'string') {
        const tokens = await unsealTokens?.(p.sealed);
        if (tokens) toggles.setTokens(tokens);
        else log('could not open the tokens sent by the client (session key mismatch); live status runs without tokens');
      } else {
        toggles.setTokens(p.tokens ?? {});
      }
    });
  });
  connection.onNotification(notificationType(SetTrustedNotification), (p) => {
    state.trusted = p.trusted === true;
    toggles.setTrusted(state.trusted);
  });
}

/** Open documents: diagnostics pulled by the client or pushed to it, and what is dropped on close. */
function wireDocuments({ connection, documents, plans, push, settings }: Parts): void {
  const results = new DiagnosticResults();
  connection.languages.diagnostics.on(
    guarded(connection, 'diagnostics', { kind: 'full', items: [] }, async (params, token): Promise<DocumentDiagnosticReport> => {
      const uri = params.textDocument.uri;
      const items = await plans.diagnosticsFor(uri, token);
      // a cancelled pull answers nothing the client keeps: do not take it for what the client holds
      if (token.isCancellationRequested) return { kind: 'full', items };
      return results.report(uri, items, params.previousResultId);
    }),
  );
  documents.onDidOpen((e) => push.schedule(e.document.uri));
  documents.onDidChangeContent((e) => push.schedule(e.document.uri));
  documents.onDidClose((e) => {
    results.forget(e.document.uri);
    plans.forget(e.document.uri);
    settings.forget(e.document.uri);
    push.closed(e.document.uri);
  });
}
