// The contract every check module implements. A check is a pure function of the parsed plan and a
// context (clock, registry, date analysis); the LSP adapter and the CLI turn findings into their own shapes.
import type { Range, ReleasePlan } from '../parse/model';
import type { EnvironmentStatus } from '../toggles/types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A calendar day with no time zone: plans talk in days. month is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

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
   * (filled by the dates module; undefined when unknown). Timeline severity uses it.
   */
  plannedEndAt(line: number): { end: LocalDate; label: string; endText: string } | undefined;
  /** Known toggle names (registry), when a registry is configured; undefined means "no registry". */
  registry?: { has(name: string): boolean; suggest?(name: string): string | undefined };
  /**
   * Live toggle state per configured environment, as already fetched (a check never waits for the
   * network); undefined when live status is off (no environment, untrusted workspace, the CLI).
   */
  live?: { statuses(toggleName: string): readonly EnvironmentStatus[] };
}

export interface Check {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Anchor in docs/checks.md, e.g. `placeholder`. */
  docsAnchor: string;
  check(plan: ReleasePlan, context: CheckContext): Finding[];
}
