// The contract every check module implements. A check is a pure function of the parsed plan and a
// context (clock, registry, date analysis); the LSP adapter and the CLI turn findings into their own shapes.
import type { LocalDate } from '../dates/types';
import type { Range, ReleasePlan } from '../parse/model';
import type { EnvironmentStatus } from '../toggles/types';

export type { LocalDate };

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';


/** Data a quick fix needs, carried on the diagnostic (`Diagnostic.data`). */
export interface FindingData {
  [key: string]: string | number | boolean | null | undefined | FindingData | Array<string | number | FindingData>;
}

/** Another place in the same document a finding is about (LSP `relatedInformation`, SARIF `relatedLocations`). */
export interface RelatedLocation {
  range: Range;
  message: string;
}

/**
 * `unnecessary`: the finding is about text that no longer matters (a placeholder under a section marked
 * N/A); editors fade it (LSP `DiagnosticTag.Unnecessary`).
 */
export type FindingTag = 'unnecessary';

export interface Finding {
  checkId: string;
  range: Range;
  message: string;
  /** Overrides the check's default severity (e.g. timeline severity: a placeholder in a past stage). */
  severity?: Severity;
  data?: FindingData;
  related?: RelatedLocation[];
  tags?: FindingTag[];
}

export interface CheckContext {
  /** Today, from an injectable clock. */
  today: LocalDate;
  /**
   * The planned end of the stage or check-in that encloses `line`, when the plan's dates say so
   * (filled by the dates module; undefined when unknown). Timeline severity uses it. Shared between
   * the lines it covers: read it, do not change it.
   */
  plannedEndAt(line: number): Readonly<{ end: LocalDate; label: string; endText: string }> | undefined;
  /** Known toggle names (registry), when a registry is configured; undefined means "no registry". */
  registry?: { has(name: string): boolean; suggest?(name: string): string | undefined };
  /**
   * Live toggle state per configured environment, as already fetched (a check never waits for the
   * network); undefined when live status is off (no environment, untrusted workspace, the CLI).
   */
  live?: { statuses(toggleName: string): readonly EnvironmentStatus[] };
}

/**
 * A check: the one place its id, default severity, description and timeline behaviour are written.
 * The registry (catalogue.ts) derives the settings, the schema, the docs links and SARIF rules from it.
 */
export interface Check {
  /** Kebab-case, public and stable; also the anchor of its section in docs/checks.md. */
  id: string;
  /** One sentence users read in the settings UI, the config schema and SARIF. */
  description: string;
  defaultSeverity: Severity;
  /** At the default severity, findings in a stage or check-in whose planned dates are past are raised to warning. */
  timeline?: true;
  check(plan: ReleasePlan, context: CheckContext): Finding[];
}
