// Pull diagnostics with result ids: when a document's diagnostics are what the client already holds
// (a keystroke in a line with nothing to report, a re-pull after a refresh that changed nothing), the
// answer is `unchanged` instead of the whole list again, which the client would re-read and diff.
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import { sameRange } from '../service/index';

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
    sameTags(x.tags, y.tags) &&
    sameRelated(x.relatedInformation, y.relatedInformation) &&
    x.data === y.data
  );
}

// loops, not every() with a callback: this runs for every diagnostic on every keystroke
function sameTags(a: Diagnostic['tags'], b: Diagnostic['tags']): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameRelated(a: Diagnostic['relatedInformation'], b: Diagnostic['relatedInformation']): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const s = a[i];
    const t = b[i];
    if (s.message !== t.message || s.location.uri !== t.location.uri || !sameRange(s.location.range, t.location.range)) return false;
  }
  return true;
}
