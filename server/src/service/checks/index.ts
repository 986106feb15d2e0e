// The one entry point that runs the registered checks (catalogue.ts): effective severity per check (off skips
// it), disable comments, then findings in document order with their final severity.
import { DisableMap, parseDirectives } from '../disable';
import type { ResolvedConfig } from '../config';
import type { ReleasePlan } from '../parse/model';
import { CHECK_IDS, allChecks, docsUrl } from './catalogue';
import type { Check, CheckContext, Finding, Severity, SeveritySetting } from './types';

export { CATALOGUE, CHECK_IDS, allChecks, docsUrl } from './catalogue';
export type { Check, CheckContext, Finding, Severity } from './types';

export interface ReportedFinding extends Finding {
  severity: Severity;
  /** The check's documentation, package-relative (`docs/checks.md#placeholder`); adapters turn it into a link (docsLinks.ts). */
  docsUrl: string;
}

export interface RunOptions {
  /** Defaults to allChecks; tests and the CLI's --check narrow it. */
  checks?: readonly Check[];
  /** A check that throws loses its findings, not everyone's; the caller logs it. */
  onCheckError?: (checkId: string, error: unknown) => void;
}

/**
 * Runs every enabled check on the plan. `config` comes from resolveConfig (settings + config file);
 * without one, every check runs at its default severity. A configured severity other than the check's
 * default replaces the check's own choice for every finding (including the timeline raise to warning);
 * left at the default, the check's per-finding severity stands.
 */
export function runChecks(plan: ReleasePlan, context: CheckContext, config?: ResolvedConfig, options: RunOptions = {}): ReportedFinding[] {
  if (config?.ignored) return [];
  const checks = options.checks ?? allChecks;
  const disabled = new DisableMap(parseDirectives(plan, CHECK_IDS).directives);
  const out: ReportedFinding[] = [];
  for (const check of checks) {
    const setting = settingFor(config, check.id, check.defaultSeverity);
    if (setting === 'off') continue;
    let findings: Finding[];
    try {
      findings = check.check(plan, context);
    } catch (error) {
      options.onCheckError?.(check.id, error);
      continue;
    }
    const url = docsUrl(check.id);
    for (const f of findings) {
      if (!disabled.isEmpty && disabled.isDisabled(f.checkId, f.range.start.line)) continue;
      const severity = setting !== check.defaultSeverity ? setting : (f.severity ?? check.defaultSeverity);
      out.push(reported(f, severity, url));
    }
  }
  return out.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.range.end.line - b.range.end.line ||
      a.range.end.character - b.range.end.character ||
      (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0),
  );
}

/** The setting that decides a check: the resolved value, or the check's default for an id the config does not know. */
export function settingFor(config: ResolvedConfig | undefined, id: string, defaultSeverity: Severity): SeveritySetting {
  return config?.checks[id] ?? defaultSeverity;
}

/**
 * A finding as reported: built field by field (a spread over the checks' differently shaped findings
 * was a generic copy per finding, thousands per keystroke on a large plan); optional fields only when set.
 */
function reported(f: Finding, severity: Severity, docsUrl: string): ReportedFinding {
  const r: ReportedFinding = { checkId: f.checkId, range: f.range, message: f.message, severity, docsUrl };
  if (f.data !== undefined) r.data = f.data;
  if (f.related !== undefined) r.related = f.related;
  if (f.tags !== undefined) r.tags = f.tags;
  return r;
}
