// What one CLI run found, in the shape every output format starts from. `CliFinding` is also the
// public JSON format (an array of these, sorted), so its fields and their meaning never change:
// 1-based lines and columns, columns counted in UTF-16 code units like LSP and SARIF's default, and
// end positions exclusive (the column just after the last flagged character).
import { FILE_ERROR_CODE, type Range, type Severity } from '../service/index';

export { FILE_ERROR_CODE };

export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

/**
 * Why a file produced no findings without being checked: skipped (`not-a-plan`, `ignored`, `binary`)
 * or failed — it could not be read (`unreadable`) or the checks broke on it (`failed`, a bug).
 */
export type SkipReason = 'not-a-plan' | 'ignored' | 'binary' | 'unreadable' | 'failed';


export function isFailure(o: FileOutcome): boolean {
  return o.status === 'unreadable' || o.status === 'failed';
}

/** Why a failed file was not checked, as one sentence for every format. */
export function failureMessage(o: FileOutcome): string {
  return o.status === 'unreadable'
    ? `Could not read this file (${o.detail ?? 'unreadable'}); it was not checked.`
    : `Could not check this file (${o.detail ?? 'internal error'}); it was not checked. This is a bug in release-plan: please report it with the file.`;
}

/**
 * A file that could not be checked becomes one error-level row at its first line, so json and github
 * output (which have no other channel) carry it next to the findings, and a CI run shows which file.
 */
export function fileErrorFinding(o: FileOutcome): CliFinding {
  return { file: o.file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: FILE_ERROR_CODE, message: failureMessage(o) };
}

export interface FileOutcome {
  /** Display path: relative to the current directory, `/`-separated. */
  file: string;
  status: 'checked' | SkipReason;
  /** For `unreadable` and `failed`: what went wrong, e.g. "is a FIFO" or "internal error: …". */
  detail?: string;
  findings: CliFinding[];
  /** A check that threw on this file (a bug): its findings are missing, the others stand. */
  checkErrors?: string[];
}

export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

export function toCliFinding(file: string, f: { range: Range; severity: Severity; checkId: string; message: string }): CliFinding {
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.checkId,
    message: f.message,
  };
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** File, line, column — then the rest, so equal positions still come out in one order every run. */
export function compareFindings(a: CliFinding, b: CliFinding): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    cmp(a.code, b.code) ||
    cmp(a.message, b.message)
  );
}

export interface Counts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export function countBySeverity(findings: readonly CliFinding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export interface RunResult {
  /** Every finding at or above the minimum severity, sorted. */
  findings: CliFinding[];
  /** One per file looked at, sorted by file. */
  outcomes: FileOutcome[];
  /** Directory arguments under which no plan was found. */
  emptyDirectories: string[];
}
