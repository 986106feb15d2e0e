// The stable machine format: a JSON array of CliFinding (see report.ts and the README), already
// sorted by file, line and column. Nothing else goes to stdout, so `| jq` always works.
import type { RunResult } from '../report';

export function formatJson(result: RunResult): string {
  // Key order is part of the interface: build each object explicitly rather than trusting the
  // producer's property order.
  const rows = result.findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    severity: f.severity,
    code: f.code,
    message: f.message,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}
