// What a feature module is handed: the server's state and its document pipeline. It lives apart from
// server.ts (which builds it) so that features depend on this contract, not on the implementation.
import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments, WorkspaceFolder } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReleasePlanService } from '../service/index';
import type { PlanDocuments } from './documents';
import type { SettingsCache } from './settings';
import type { ToggleState } from './toggleState';

export interface PlanServer {
  documents: TextDocuments<TextDocument>;
  service: ReleasePlanService;
  settings: SettingsCache;
  toggles: ToggleState;
  /** The plan model for an open document, or undefined when it is not a release plan. */
  planFor: PlanDocuments['planFor'];
  /** Why an open document is a release plan (its path or its content), or undefined when it is not one. */
  planReasonFor: PlanDocuments['planReasonFor'];
  /** An open plan's findings with their final severity: the same run the diagnostics come from. */
  findingsFor: PlanDocuments['findingsFor'];
  /** What the editor shows for an open document. */
  diagnosticsFor: PlanDocuments['diagnosticsFor'];
  /** Diagnostics for a file that is not open: undefined when it is not a release plan. */
  diagnoseClosed: PlanDocuments['diagnoseClosed'];
  /** A file that is not open, checked: its model, findings and diagnostics (undefined: not a plan). */
  checkClosed: PlanDocuments['checkClosed'];
  /** Asks the client to re-pull diagnostics (or re-pushes them for push-only clients). */
  refreshDiagnostics(): void;
  readonly trusted: boolean;
  readonly workspaceFolders: WorkspaceFolder[];
  /** What the client said it supports (disabled code actions, versioned edits…); empty before initialize. */
  readonly clientCapabilities: ClientCapabilities;
}

/** A feature module registers its handlers and returns the capabilities it adds. */
export type FeatureRegistration = (connection: Connection, server: PlanServer) => Partial<ServerCapabilities>;
