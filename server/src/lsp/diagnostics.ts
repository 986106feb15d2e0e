// Findings → LSP diagnostics: severity, check id as `code`, `source`, a link to the check's docs, the
// related places in the same document, and the Unnecessary tag (faded text) for findings about text
// that no longer matters.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../service/checks/types';
import type { FindingWithSeverity } from '../service/index';

export const DIAGNOSTIC_SOURCE = 'release-plan';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `uri` is the document's: related locations are always in the same document. */
export function toDiagnostic(f: FindingWithSeverity, uri: string): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.checkId,
    codeDescription: { href: f.docsUrl },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
  };
  if (f.data !== undefined) d.data = f.data;
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  if (f.tags?.includes('unnecessary')) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}
