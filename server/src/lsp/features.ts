// Registers the LSP feature handlers (hover, completion, code actions, inlay hints…). Each feature
// lives in its own module exporting `register(connection, server)` and returns the capabilities it
// adds; this list is the one place that knows them all.
import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import { registerCheckWorkspace } from './checkWorkspace';
import { registerCodeActions } from './codeActions';
import { registerCompletion } from './completion';
import { registerFirstHour } from './firstHour';
import { registerHover } from './hover';
import { registerInlayHints } from './inlayHints';
import { registerPlanStatus } from './planStatus';
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
  registerFirstHour,
];
