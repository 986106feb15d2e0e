// What the editor shows for a plan the parser broke on (a bug the document triggers): one error at
// the top of the file saying so, instead of silence that reads as "no problems".
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { FILE_ERROR_CODE } from '../service/index';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export function parseFailureDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: FILE_ERROR_CODE,
    message: `Release Plan Tools could not check this file (internal error: ${message}). This is a bug: please report it with the file. Other files are not affected.`,
  };
}
