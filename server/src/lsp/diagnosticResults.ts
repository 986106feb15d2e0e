// Pull diagnostics with result ids: when a document's diagnostics are what the client already holds
// (a keystroke in a line with nothing to report, a re-pull after a refresh that changed nothing), the
// answer is `unchanged` instead of the whole list again, which the client would re-read and diff.
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';

export class DiagnosticResults {
  private readonly last = new Map<string, { id: string; items: Diagnostic[] }>();
  private counter = 0;

  /** The report for `items`, given the result id the client says it holds (if any). */
  report(uri: string, items: Diagnostic[], previousResultId: string | undefined): DocumentDiagnosticReport {
    const last = this.last.get(uri);
    if (last && (last.items === items || sameDiagnostics(last.items, items))) {
      return previousResultId === last.id ? { kind: 'unchanged', resultId: last.id } : { kind: 'full', resultId: last.id, items };
    }
    const id = `${++this.counter}`;
    this.last.set(uri, { id, items });
    return { kind: 'full', resultId: id, items };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

/** Field by field, every field toDiagnostic and configProblemDiagnostic set (no serialising). */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameDiagnostic(a[i], b[i])) return false;
  return true;
}

function sameDiagnostic(x: Diagnostic, y: Diagnostic): boolean {
  return (
    sameRange(x.range, y.range) &&
    x.message === y.message &&
    x.severity === y.severity &&
    x.code === y.code &&
    x.source === y.source &&
    x.codeDescription?.href === y.codeDescription?.href &&
    sameList(x.tags, y.tags, (s, t) => s === t) &&
    sameList(x.relatedInformation, y.relatedInformation, (s, t) => s.message === t.message && s.location.uri === t.location.uri && sameRange(s.location.range, t.location.range)) &&
    x.data === y.data
  );
}

function sameRange(r: Diagnostic['range'], s: Diagnostic['range']): boolean {
  return r.start.line === s.start.line && r.start.character === s.start.character && r.end.line === s.end.line && r.end.character === s.end.character;
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (s: T, t: T) => boolean): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((s, i) => same(s, b[i]));
}
