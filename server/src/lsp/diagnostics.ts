// Findings → LSP diagnostics: severity, check id as `code`, `source`, a link to the check's docs, the
// related places in the same document, and the Unnecessary tag (faded text) for findings about text
// that no longer matters. No `data`: code actions answer from the server's own findings (codeActions.ts),
// so it would only make every pull bigger.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { ConfigProblem, FindingWithSeverity, Severity } from '../service/index';

export const DIAGNOSTIC_SOURCE = 'release-plan';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * `uri` is the document's: related locations are always in the same document. `docsLink` turns a
 * check's docs anchor into a link that opens where the server runs (docsLinks.ts); without one, or for
 * a check it does not know, the diagnostic has no link rather than a dead one.
 */
export function toDiagnostic(f: FindingWithSeverity, uri: string, docsLink?: (anchor: string) => string | undefined): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.checkId,
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
  };
  const href = docsLink?.(f.docsUrl.slice(f.docsUrl.indexOf('#') + 1));
  if (href) d.codeDescription = { href };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  if (f.tags?.includes('unnecessary')) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

export function configProblemDiagnostic(p: ConfigProblem): Diagnostic {
  return { range: p.range, message: p.message, severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, source: DIAGNOSTIC_SOURCE, code: 'config' };
}
