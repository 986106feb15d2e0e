// The release-plan language service and its public surface: the one module the adapters (lsp/, cli/,
// node/, action/, protocol/) import from the service — eslint.config.mjs enforces it. It holds the facade
// over the parser, the checks and the features, and re-exports the feature entry points, plan detection,
// configuration and the types those speak. Stateless: which model belongs to which document (and when to
// re-parse) is the caller's business — the LSP keeps one per open document (lsp/documents.ts), the CLI
// none; the LSP hands each parse the model of the version before (its untouched chunks are taken over),
// and the parser's text-keyed chunk cache makes any re-parse cheap.
// Pure: no LSP, no vscode, no file system or network — those arrive as arguments, which is what lets the
// server, the CLI and the tests share it.
import { runChecks, type ReportedFinding } from './checks/index';
import type { CheckContext, LocalDate } from './checks/types';
import { systemClock, type Clock } from './clock';
import type { ResolvedConfig } from './config';
import { planTimeline } from './dates/timeline';
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
  /** Live toggle state for `rollout-drift`; absent: that check stays silent. */
  live?: CheckContext['live'];
  /** A check that throws loses its own findings only; this hears about it (for the log). */
  onCheckError?: (checkId: string, error: unknown) => void;
}

export interface ReleasePlanService {
  /**
   * The model of a plan's text; callers keep it as long as the text stays the same. Given the model of
   * the document's previous version, the parse takes over what the edit did not touch (same result).
   */
  parsePlan(text: string, previous?: ReleasePlan): ReleasePlan;
  /** Every enabled check's findings, in document order, with their final severity. */
  findings(plan: ReleasePlan, options?: FindingOptions): FindingWithSeverity[];
  readonly clock: Clock;
}

export function checkContext(plan: ReleasePlan, clock: Clock, registry?: CheckContext['registry'], live?: CheckContext['live']): CheckContext {
  return new PlanCheckContext(plan, clock(), registry, live);
}

/** A CheckContext whose plannedEndAt is a method, not a closure made per keystroke (see PlanTimeline). */
class PlanCheckContext implements CheckContext {
  constructor(
    private readonly plan: ReleasePlan,
    readonly today: LocalDate,
    readonly registry: CheckContext['registry'],
    readonly live: CheckContext['live'],
  ) {}

  plannedEndAt(line: number): ReturnType<CheckContext['plannedEndAt']> {
    return planTimeline(this.plan).plannedEndAt(line);
  }
}

export function createReleasePlanService(options: ServiceOptions = {}): ReleasePlanService {
  const clock = options.clock ?? systemClock;
  return {
    clock,
    parsePlan,
    findings(plan, opts = {}) {
      return runChecks(plan, checkContext(plan, clock, opts.registry, opts.live), opts.config, { onCheckError: opts.onCheckError });
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
export type { CheckContext, Finding, Severity, SeveritySetting } from './checks/types';
// is this document a plan
export { DEFAULT_PLAN_GLOBS, isReleasePlan, planReason, type PlanReason } from './detect';
// configuration: settings, .releaseplanrc.json, the clock
export { CONFIG_FILE_NAME, configFileCandidates, findConfigFile, parseRcFile, resolveConfig, type ConfigProblem, type ResolvedConfig } from './config';
export { fixedClock, parseIsoDate, systemClock, type Clock } from './clock';
export { compileGlob, usableGlobs } from './globs';
export { plannedStages } from './dates/timeline';
export type { LocalDate } from './dates/types';
// where a finding's documentation is (docs/checks.md, shipped with the package)
export { DOCS_FILE, docsLineLinks } from './docsLinks';
// what the adapters say when a file cannot be read or checked, and the guards against huge documents
export { FILE_ERROR_CODE } from './fileError';
export { isOverSizeLimit, isTooDeeplyNested, maxFileSize, nestingGuardMessage, sizeGuardMessage } from './sizeGuard';
export { analyzeChunksStepwise } from './parse/stepwise';
// features
export { findingsAt, PROVIDED_KINDS, provideCodeActions, type PlanCodeAction } from './features/codeActions/index';
export { provideDateHover } from './features/dateHover';
export { provideDateInlayHints } from './features/dateInlayHints';
export { describeStatus, escapeMarkdown, planExpectation, provideToggleHover, toggleAtPosition } from './features/toggleHover';
export { provideCompletions, type CompletionSuggestionKind } from './features/completions';
export { msUntilMidnight, provideCodeLenses } from './features/codeLens';
export { provideDriftLenses } from './features/driftLens';
export { driftRamps } from './toggles/driftRamps';
export { provideDocumentSymbols, provideFoldingRanges, provideWorkspaceToggleSymbols, type PlanSymbol, type PlanSymbolKind } from './features/outline';
export { provideSemanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES, type PlanToken } from './features/semanticTokens';
export { findTimelineBlock, planTimelinePicture, timelineEdit, type GanttData } from './features/timelineDiagram';
export { planSummaryRow, STATE_ORDER, type PlanSummaryRow } from './features/planSummary';
export { rolloutBrief, type RolloutBrief } from './features/rolloutBrief';
// toggles: registries, name mapping, the workspace index, live status and its HTTP seam
export * from './toggles/index';
