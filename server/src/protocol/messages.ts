// The custom messages between the VS Code client (client/src) and the language server (server/src/lsp),
// declared once with their params and results so `tsc` sees both ends. Each end wraps a descriptor in
// its own library's RequestType/NotificationType (client/src/messages.ts, lsp/messages.ts): the two
// libraries bundle separate copies of vscode-jsonrpc whose classes are not interchangeable.
// the LSP 3.17 Diagnostic both libraries speak (type only: nothing of the server library reaches the client bundle)
import type { Diagnostic } from 'vscode-languageserver';
import type { PlanReason } from '../service/detect';
import type { PlanSummaryRow } from '../service/features/planSummary';
import type { PlanState } from '../service/features/rollout';
import type { RolloutBrief } from '../service/features/rolloutBrief';
import type { GanttData } from '../service/features/timelineDiagram';

export type { GanttData, PlanReason, PlanState, PlanSummaryRow, RolloutBrief };

/** A custom request: its method name, with the params and result types carried for both ends. */
export interface RequestDescriptor<P, R> {
  readonly method: string;
  /** Type carrier only; never set. */
  readonly types?: { params: P; result: R };
}

/** A custom notification: its method name, with the params type carried for both ends. */
export interface NotificationDescriptor<P> {
  readonly method: string;
  /** Type carrier only; never set. */
  readonly types?: { params: P };
}

// ---- releasePlan/status: is this document a release plan, and why (the language status item)

export interface PlanStatusParams {
  uri: string;
}

export interface PlanStatus extends PlanStatusRollout {
  isPlan: boolean;
  reason?: PlanReason;
  stages: number;
  toggles: number;
}

export const PlanStatusRequest: RequestDescriptor<PlanStatusParams, PlanStatus> = { method: 'releasePlan/status' };

// ---- releasePlan/checkFiles: "Check All Plans in Workspace" sends file texts in batches; the server
// answers with the diagnostics an open editor would show.

export interface CheckFilesParams {
  files: { uri: string; text: string }[];
}

export interface CheckFilesResult {
  results: { uri: string; isPlan: boolean; diagnostics: Diagnostic[] }[];
}

export const CheckFilesRequest: RequestDescriptor<CheckFilesParams, CheckFilesResult> = { method: 'releasePlan/checkFiles' };

// ---- releasePlan/setTokens: tokens from SecretStorage, keyed by tokenKey(environment), held in the
// server's memory only. VS Code's client sends them `sealed` (tokens.ts) so a verbose LSP trace shows
// no token; other clients may send plain `tokens`.

export interface SetTokensParams {
  sealed?: string;
  tokens?: Record<string, string>;
}

export const SetTokensNotification: NotificationDescriptor<SetTokensParams> = { method: 'releasePlan/setTokens' };

// ---- releasePlan/setTrusted: the user trusted the workspace (network features may start).

export interface SetTrustedParams {
  trusted: boolean;
}

export const SetTrustedNotification: NotificationDescriptor<SetTrustedParams> = { method: 'releasePlan/setTrusted' };

// ---- releasePlan/timeline: the Gantt data of an open plan for today, what the timeline webview draws
// (null when the document is not a plan). The webview's own model (client/src/webview/ganttModel.ts)
// mirrors it; tsc checks the two agree where client/src/timeline.ts hands one to the other.

export interface TimelineParams {
  uri: string;
}

export const TimelineRequest: RequestDescriptor<TimelineParams, GanttData | null> = { method: 'releasePlan/timeline' };

// ---- releasePlan/planSummaries: the Release Plans view's rows. The client reads the workspace's markdown
// files and sends them in batches; the server answers with one row per plan (those that are plans).

export interface PlanSummariesParams {
  files: { uri: string; text: string }[];
}

export interface PlanSummariesResult {
  plans: Array<{ uri: string } & PlanSummaryRow>;
}

export const PlanSummariesRequest: RequestDescriptor<PlanSummariesParams, PlanSummariesResult> = { method: 'releasePlan/planSummaries' };

// ---- releasePlan/status, for plans: where the rollout stands today and how many findings the plan has
// (the rollout status bar entry), from the same clock and the same findings as the diagnostics.

export type FindingCounts = Record<'error' | 'warning' | 'information' | 'hint', number>;

export interface PlanStatusRollout {
  rollout?: RolloutBrief;
  findings?: FindingCounts;
}

// ---- releasePlan/toggleNames: toggle names to offer when starting a plan (New Release Plan): the
// registry's and the workspace plans'.

export interface ToggleNamesParams {
  /** The open document whose own toggles rank first, if any. */
  uri?: string;
}

export interface ToggleNameInfo {
  name: string;
  description?: string;
  inRegistry: boolean;
}

export interface ToggleNamesResult {
  names: ToggleNameInfo[];
  /** True while the registry or the workspace index is still loading (the list may grow). */
  loading: boolean;
}

export const ToggleNamesRequest: RequestDescriptor<ToggleNamesParams, ToggleNamesResult> = { method: 'releasePlan/toggleNames' };

// ---- releasePlan/probeToggle: one toggle of a plan fetched from one configured environment, to prove
// Set Up Live Toggle Status works.

export interface ProbeToggleParams {
  /** The plan whose first toggle to ask about (else `toggle`). */
  uri?: string;
  toggle?: string;
  /** Name of a configured `releasePlan.environments` entry. */
  environment: string;
}

export interface ProbeToggleResult {
  ok: boolean;
  toggle?: string;
  /** One plain-text line: the answer, or why there is none. */
  message: string;
}

export const ProbeToggleRequest: RequestDescriptor<ProbeToggleParams, ProbeToggleResult> = { method: 'releasePlan/probeToggle' };

// ---- releasePlan/fs/*: server → client. The web-worker server (server/src/browser) has no disk, so it
// reads through the client, which answers with vscode.workspace.fs / findFiles (client/src/browser/
// fileSystem.ts) — which also reach virtual file systems such as github.dev's. Paths are the server's
// file-URI paths (client/src/browser/uriMapping.ts maps other schemes onto them).

/** Same bound as the Node file system (node/nodeFileSystem.ts): larger files read as missing. */
export const MAX_READ_BYTES = 5_000_000;

export interface ReadFileParams {
  path: string;
}

/** The file's text, or `text` absent when it is missing, not a file, or larger than MAX_READ_BYTES. */
export interface ReadFileResult {
  text?: string;
}

export const ReadFileRequest: RequestDescriptor<ReadFileParams, ReadFileResult> = { method: 'releasePlan/fs/readFile' };

export interface ExistsParams {
  path: string;
}

export interface ExistsResult {
  exists: boolean;
}

export const ExistsRequest: RequestDescriptor<ExistsParams, ExistsResult> = { method: 'releasePlan/fs/exists' };

/** Markdown files under `root`, at most `limit`, tool folders (node_modules, .git, …) skipped. */
export interface ListMarkdownParams {
  root: string;
  limit: number;
}

export interface ListMarkdownResult {
  paths: string[];
}

export const ListMarkdownRequest: RequestDescriptor<ListMarkdownParams, ListMarkdownResult> = { method: 'releasePlan/fs/listMarkdown' };
