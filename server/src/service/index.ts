// The release-plan language service: a facade over the parser, the checks and the features, with a
// per-document model cache. Pure: no LSP, no vscode, no file system or network — those arrive as
// arguments, which is what lets the server, the CLI and the tests share it.
import type { CheckContext, Finding, Severity } from './checks/types';
import { systemClock, type Clock } from './clock';
import { parsePlan, type ReleasePlan } from './parse/index';

export interface ServiceOptions {
  clock?: Clock;
}

export interface FindingWithSeverity extends Finding {
  severity: Severity;
}

export interface ReleasePlanService {
  /** The model for a document version; parsed once per version and shared by every feature. */
  getPlan(uri: string, version: number, text: string): ReleasePlan;
  forget(uri: string): void;
  findings(plan: ReleasePlan): FindingWithSeverity[];
  readonly clock: Clock;
}

export function checkContext(clock: Clock): CheckContext {
  return { today: clock(), plannedEndAt: () => undefined };
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
    findings(plan) {
      // Until the check registry lands, report the parser's placeholders so the wiring is exercised.
      return plan.placeholders.map((p) => ({
        checkId: p.kind,
        range: p.range,
        message: p.kind === 'pick-one' ? `Unanswered ${p.text}: choose one of the options.` : `Unfilled placeholder ${p.text}.`,
        severity: 'information' as const,
      }));
    },
  };
}

export { parsePlan };
export type { ReleasePlan };
