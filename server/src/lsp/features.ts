// Registers the LSP feature handlers (hover, completion, code actions, inlay hints…). Each feature
// lives in its own module exporting `register(connection, server)` and returns the capabilities it
// adds; this list is the one place that knows them all.
import { registerCheckWorkspace } from './checkWorkspace';
import { registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { registerCompletion } from './completion';
import { registerFirstHour } from './firstHour';
import { registerHover } from './hover';
import { registerInlayHints } from './inlayHints';
import { registerOutline } from './outline';
import { registerPlanCommands } from './planCommands';
import { registerPlanStatus } from './planStatus';
import type { FeatureRegistration } from './planServer';
import { registerRolloutDrift } from './rolloutDrift';
import { registerSemanticTokens } from './semanticTokens';
import { registerPlanSummaries } from './planSummaries';
import { registerTimelineData } from './timelineData';

export const FEATURES: FeatureRegistration[] = [
  // add feature registrations here, one line each
  registerCheckWorkspace,
  registerCodeActions,
  registerHover,
  registerCompletion,
  registerInlayHints,
  registerPlanStatus,
  registerRolloutDrift,
  registerSemanticTokens,
  registerOutline,
  registerCodeLens,
  registerPlanCommands,
  registerTimelineData,
  registerPlanSummaries,
  registerFirstHour,
];
