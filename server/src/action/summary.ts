// The job summary ($GITHUB_STEP_SUMMARY): one table row per checked plan — where its rollout should
// be today, its finding counts and its most severe findings — then each plan's timeline when one can
// be drawn. Everything taken from a plan (paths, stage labels, messages) is escaped: the summary is
// rendered as GitHub markdown and a plan must not be able to inject links, HTML or table cells.
import { countBySeverity, SEVERITY_RANK, type CliFinding, type RunResult } from '../cli/report';
import { escapeMarkdown } from '../service/index';

export interface PlanFacts {
  /** "Stage B, 25%, 2/18–3/4/2026" (already markdown-escaped); undefined: no dated stages. */
  stageToday?: string;
  /** Mermaid source for the plan's timeline, when there is one. */
  timeline?: string;
}

export interface SummaryContext {
  /** `YYYY-MM-DD` the stages were compared against. */
  today: string;
  /** Facts per display path (only checked plans have them). */
  facts: ReadonlyMap<string, PlanFacts>;
  /** How many findings of each plan to list. */
  topFindings?: number;
}

const ICON: Record<CliFinding['severity'], string> = { error: '🛑', warning: '⚠️', information: 'ℹ️', hint: '💡' };

function topFindings(findings: readonly CliFinding[], n: number): CliFinding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.line - b.line || a.column - b.column).slice(0, n);
}

function findingCell(all: readonly CliFinding[], n: number): string {
  // hints are "not yet" notes (results before a stage ends, N/A sections): like the Problems panel, the
  // summary leaves them out of the top findings; the counts line still says how many there are
  const findings = all.filter((f) => f.severity !== 'hint');
  if (findings.length === 0) return all.length === 0 ? '✅ none' : '✅ nothing to do yet';
  const shown = topFindings(findings, n).map((f) => `${ICON[f.severity]} line ${f.line} \`${f.code}\`: ${escapeMarkdown(f.message)}`);
  if (findings.length > n) shown.push(`… and ${findings.length - n} more`);
  return shown.join('<br>');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function jobSummary(result: RunResult, context: SummaryContext): string {
  const n = context.topFindings ?? 3;
  const checked = result.outcomes.filter((o) => o.status === 'checked');
  const total = countBySeverity(result.findings);
  const lines = [
    '## Release plans',
    '',
    `${plural(checked.length, 'plan')} checked on ${context.today}: ${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${total.information} information, ${plural(total.hint, 'hint')}.`,
    '',
  ];
  if (checked.length === 0) {
    lines.push('No release plans found.', '');
    return lines.join('\n');
  }
  lines.push('| Plan | Stage today | Errors | Warnings | Information | Top findings |', '| --- | --- | ---: | ---: | ---: | --- |');
  for (const o of checked) {
    const c = countBySeverity(o.findings);
    const stage = context.facts.get(o.file)?.stageToday ?? '—';
    lines.push(`| ${escapeMarkdown(o.file)} | ${stage} | ${c.error} | ${c.warning} | ${c.information} | ${findingCell(o.findings, n)} |`);
  }
  const unreadable = result.outcomes.filter((o) => o.status === 'unreadable');
  if (unreadable.length) lines.push('', `Could not be read: ${unreadable.map((o) => escapeMarkdown(o.file)).join(', ')}.`);
  for (const o of checked) {
    const timeline = context.facts.get(o.file)?.timeline;
    if (!timeline) continue;
    // a fence longer than any backtick run in the source, so the source cannot close it
    const fence = '`'.repeat(Math.max(3, ...(timeline.match(/`+/g) ?? []).map((m) => m.length + 1)));
    lines.push('', `### ${escapeMarkdown(o.file)}`, '', `${fence}mermaid`, timeline, fence);
  }
  lines.push('');
  return lines.join('\n');
}
