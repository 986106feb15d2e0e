// Human output: findings grouped by file, one `file:line:col  severity  message  id` line each (the
// location first so terminals and editors can open it), coloured when writing to a terminal.
import type { Severity } from '../../service/index';
import { countBySeverity, type RunResult } from '../report';

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', underline: '\x1b[4m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', gray: '\x1b[90m', green: '\x1b[32m' };
type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'gray' };

function plural(n: number, word: string): string {
  // "information" is a mass noun: "3 information", not "3 informations"
  return `${n} ${word}${n === 1 || word === 'information' ? '' : 's'}`;
}

export function formatStylish(result: RunResult, color: boolean): string {
  const paint = (style: Style, text: string) => (color ? ANSI[style] + text + ANSI.reset : text);
  const out: string[] = [];
  const byFile = new Map<string, RunResult['findings']>();
  for (const f of result.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  for (const [file, findings] of byFile) {
    out.push(paint('underline', file));
    const locations = findings.map((f) => `${f.file}:${f.line}:${f.column}`);
    const locWidth = Math.max(...locations.map((l) => l.length));
    const sevWidth = Math.max(...findings.map((f) => f.severity.length));
    findings.forEach((f, i) => {
      const message = f.message.replace(/\s*\n\s*/g, ' ');
      out.push(`  ${paint('dim', locations[i].padEnd(locWidth))}  ${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(sevWidth))}  ${message}  ${paint('gray', f.code)}`);
    });
    out.push('');
  }
  const checked = result.outcomes.filter((o) => o.status === 'checked').length;
  const c = countBySeverity(result.findings);
  const total = result.findings.length;
  const files = `${plural(checked, 'plan')} checked`;
  if (total === 0) {
    out.push(paint('green', `✔ ${files}, no problems`));
  } else {
    const parts = (['error', 'warning', 'information', 'hint'] as const).filter((s) => c[s] > 0).map((s) => plural(c[s], s));
    const style: Style = c.error ? 'red' : c.warning ? 'yellow' : 'blue';
    out.push(paint(style, paint('bold', `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${files}`)));
  }
  return out.join('\n') + '\n';
}
