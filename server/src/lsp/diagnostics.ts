// Findings → LSP diagnostics: severity, check id as `code`, `source`, and a link to the check's docs.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Severity, FindingWithSeverity } from '../service/index';

export const DIAGNOSTIC_SOURCE = 'release-plan';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: FindingWithSeverity): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.checkId,
    codeDescription: { href: f.docsUrl },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
  };
  if (f.data !== undefined) d.data = f.data;
  return d;
}
