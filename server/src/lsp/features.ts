// Registers the LSP feature handlers (hover, completion, code actions, inlay hints…). Each feature
// lives in its own module exporting `register(connection, server)` and returns the capabilities it
// adds; this list is the one place that knows them all.
import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import { registerCheckWorkspace } from './checkWorkspace';
import { registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { registerCompletion } from './completion';
import { registerHover } from './hover';
import { registerInlayHints } from './inlayHints';
import { registerOutline } from './outline';
import { registerPlanCommands } from './planCommands';
import { registerPlanStatus } from './planStatus';
import { registerPlanSummaries } from './planSummaries';
import { registerTimelineData } from './timelineData';
import type { PlanServer } from './server';

export type FeatureRegistration = (connection: Connection, server: PlanServer) => Partial<ServerCapabilities>;

export const FEATURES: FeatureRegistration[] = [
  // add feature registrations here, one line each
  registerCheckWorkspace,
  registerCodeActions,
  registerHover,
  registerCompletion,
  registerInlayHints,
  registerPlanStatus,
  registerOutline,
  registerCodeLens,
  registerPlanCommands,
  registerTimelineData,
  registerPlanSummaries,
];
