// The release-plan language service and its public surface: the one module the adapters (lsp/, cli/,
// node/, protocol/) import from the service — eslint.config.mjs enforces it. It holds the facade over
// the parser and the checks (with a per-document model cache), and re-exports the feature entry points,
// plan detection, configuration and the types those speak. Pure: no LSP, no vscode, no file system or
// network — those arrive as arguments, which is what lets the server, the CLI and the tests share it.
import { runChecks, type ReportedFinding } from './checks/index';
import type { CheckContext } from './checks/types';
import { systemClock, type Clock } from './clock';
import type { ResolvedConfig } from './config';
import { plannedEndAtFor } from './dates/timeline';
import { parsePlan, type ReleasePlan } from './parse/index';

export interface ServiceOptions {
  clock?: Clock;
}

export type FindingWithSeverity = ReportedFinding;

export interface FindingOptions {
  /** Settings + config file, resolved for this document (resolveConfig); defaults when absent. */
  config?: ResolvedConfig;
  /** The toggle registry, when one is configured or found; `unknown-toggle` only runs with one. */
  registry?: CheckContext['registry'];
  /** A check that throws loses its own findings only; this hears about it (for the log). */
  onCheckError?: (checkId: string, error: unknown) => void;
}

export interface ReleasePlanService {
  /** The model for a document version; parsed once per version and shared by every feature. */
  getPlan(uri: string, version: number, text: string): ReleasePlan;
  forget(uri: string): void;
  /** Every enabled check's findings, in document order, with their final severity. */
  findings(plan: ReleasePlan, options?: FindingOptions): FindingWithSeverity[];
  readonly clock: Clock;
}

export function checkContext(plan: ReleasePlan, clock: Clock, registry?: CheckContext['registry']): CheckContext {
  return { today: clock(), plannedEndAt: plannedEndAtFor(plan), registry };
}

export function createReleasePlanService(options: ServiceOptions = {}): ReleasePlanService {
  const clock = options.clock ?? systemClock;
  const cache = new Map<string, { version: number; text: string; plan: ReleasePlan }>();
  return {
    clock,
    getPlan(uri, version, text) {
      const hit = cache.get(uri);
      if (hit && hit.version === version && hit.text === text) return hit.plan;
      const plan = parsePlan(text);
      cache.set(uri, { version, text, plan });
      return plan;
    },
    forget(uri) {
      cache.delete(uri);
    },
    findings(plan, opts = {}) {
      return runChecks(plan, checkContext(plan, clock, opts.registry), opts.config, { onCheckError: opts.onCheckError });
    },
  };
}

// ---- the public surface beyond the facade

// the model
export { parsePlan };
export type { ReleasePlan };
export type { Position, Range } from './parse/model';
export { sameRange } from './parse/text';
export { summarizePlan } from './summary';
// checks and their catalogue
export { CATALOGUE, docsUrl } from './checks/catalogue';
export type { Finding, Severity, SeveritySetting } from './checks/types';
// is this document a plan
export { DEFAULT_PLAN_GLOBS, isReleasePlan, planReason, type PlanReason } from './detect';
// configuration: settings, .releaseplanrc.json, the clock
export { CONFIG_FILE_NAME, configFileCandidates, findConfigFile, parseRcFile, resolveConfig, type ConfigProblem, type ResolvedConfig } from './config';
export { fixedClock, parseIsoDate, systemClock, type Clock } from './clock';
export { plannedStages } from './dates/timeline';
// features
export { findingsAt, PROVIDED_KINDS, provideCodeActions, type PlanCodeAction } from './features/codeActions/index';
export { provideDateHover } from './features/dateHover';
export { provideDateInlayHints } from './features/dateInlayHints';
export { provideToggleHover } from './features/toggleHover';
export { provideCompletions, type CompletionSuggestionKind } from './features/completions';
// toggles: registries, name mapping, the workspace index, live status and its HTTP seam
export * from './toggles/index';
