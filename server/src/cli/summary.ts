// `release-plan summary`: every plan at a glance — state today (late, rolling out, starting soon,
// not started, finished, no dates), current and next stage, late stages and finding counts — the
// same rows as the editor's Release Plans view. Stylish keeps the parsed-model line under each plan
// (what `summary` printed before, and what the corpus report and `npm start` users read).
import { readFileSync } from 'node:fs';
import { DEFAULT_PLAN_GLOBS, parseIsoDate, parsePlan, planSummaryRow, type PlanSummaryRow, STATE_ORDER, summarizePlan, systemClock } from '../service/index';
import type { SummaryOptions } from './args';
import { ConfigError, ConfigFiles } from './configFiles';
import { discover, DiscoveryError } from './discover';
import { createEngine } from './engine';
import { EXIT } from './exitCodes';
import type { CliIO } from './run';
import { loadToggleFiles, RegistryError } from './toggleFiles';

export interface SummaryEntry extends PlanSummaryRow {
  file: string;
  /** The parsed model in one line (summarizePlan). */
  model: string;
}

export function runSummary(options: SummaryOptions, io: CliIO): number {
  const todayDate = (options.today ? parseIsoDate(options.today) : undefined) ?? systemClock();
  let entries: SummaryEntry[] = [];
  let status: number = EXIT.ok;
  try {
    const toggles = loadToggleFiles(io.cwd, options.registry, (note) => io.err(`release-plan: note: ${note}\n`));
    const configs = new ConfigFiles(io.cwd, options.config);
    const discovery = discover(options.inputs, io.cwd);
    const engine = createEngine({ today: options.today, toggles, planGlobs: DEFAULT_PLAN_GLOBS, minSeverity: 'hint' });
    for (const c of discovery.candidates) {
      const outcome = engine({ abs: c.abs, display: c.display, config: configs.forFile(c.abs) });
      if (outcome.status === 'unreadable') {
        io.err(`release-plan: cannot read ${c.display}: ${outcome.detail ?? 'unreadable'}\n`);
        status = EXIT.usage;
      }
      if (outcome.status !== 'checked') {
        if (c.explicit && outcome.status === 'not-a-plan') io.err(`release-plan: ${c.display} is not a release plan; skipped\n`);
        continue;
      }
      let text = readFileSync(c.abs, 'utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const plan = parsePlan(text);
      entries.push({ file: c.display, ...planSummaryRow(plan, todayDate, outcome.findings), model: summarizePlan(plan) });
    }
  } catch (err) {
    if (err instanceof RegistryError || err instanceof ConfigError || err instanceof DiscoveryError) {
      io.err(`release-plan: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  entries = entries.sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  io.out(formatSummary(options.format, entries));
  return status;
}

export function formatSummary(format: SummaryOptions['format'], entries: SummaryEntry[]): string {
  if (format === 'json') return JSON.stringify(entries, null, 2) + '\n';
  if (format === 'markdown') return markdownTable(entries);
  return entries.map((e) => `${e.file}\n  ${e.stateLabel}: ${e.text}\n  ${e.model}\n`).join('');
}

/** A GitHub-flavoured table; cells are escaped so a plan's title cannot break the table or add markup. */
function markdownTable(entries: SummaryEntry[]): string {
  const cell = (t: string) => t.replace(/[\\|*_`[\]<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
  const stage = (s?: { label: string; percentage?: number }) => (s ? `${s.label}${s.percentage !== undefined ? ` (${s.percentage}%)` : ''}` : '—');
  const lines = ['| Plan | State | Current stage | Next | Late | Errors | Warnings |', '|---|---|---|---|---|---:|---:|'];
  for (const e of entries) {
    lines.push(`| ${cell(e.title)} (${cell(e.file)}) | ${e.stateLabel} | ${stage(e.current)} | ${e.next ? `${stage(e.next)} ${e.next.start}` : '—'} | ${e.late.join(', ') || '—'} | ${e.findings.error} | ${e.findings.warning} |`);
  }
  return lines.join('\n') + '\n';
}
