// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` line per
// finding, which the runner turns into annotations on the pull request's changed lines.
// Escaping follows @actions/core's command.ts: data escapes % CR LF; property values also : and ,.
import type { Severity } from '../../service/index';
import type { CliFinding, RunResult } from '../report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubLine(f: CliFinding): string {
  const props = [
    `file=${escapeProperty(f.file)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    `endColumn=${f.endColumn}`,
    `title=${escapeProperty(`release-plan ${f.code}`)}`,
  ];
  return `::${LEVEL[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
}

export function formatGithub(result: RunResult): string {
  return result.findings.map((f) => githubLine(f) + '\n').join('');
}
