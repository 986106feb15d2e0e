// The release-plan language service: a facade over the parser, the checks and the features.
// Stateless: which model belongs to which document (and when to re-parse) is the caller's business —
// the LSP keeps one per open document (lsp/documents.ts), the CLI none. The parser's own text-keyed
// chunk cache makes re-parsing an edited document cheap either way. Pure: no LSP, no vscode, no file
// system or network — those arrive as arguments, which is what lets the server, the CLI and the tests
// share it.
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
  /** Live toggle state for `rollout-drift`; absent: that check stays silent. */
  live?: CheckContext['live'];
  /** A check that throws loses its own findings only; this hears about it (for the log). */
  onCheckError?: (checkId: string, error: unknown) => void;
}

export interface ReleasePlanService {
  /** The model of a plan's text; callers keep it as long as the text stays the same. */
  parsePlan(text: string): ReleasePlan;
  /** Every enabled check's findings, in document order, with their final severity. */
  findings(plan: ReleasePlan, options?: FindingOptions): FindingWithSeverity[];
  readonly clock: Clock;
}

export function checkContext(plan: ReleasePlan, clock: Clock, registry?: CheckContext['registry'], live?: CheckContext['live']): CheckContext {
  return { today: clock(), plannedEndAt: plannedEndAtFor(plan), registry, live };
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

export { parsePlan };
export type { ReleasePlan };
