// Writes a new plan from the official template (templates/release-plan-template.md) with the user's
// answers in place: feature name in the title, toggles in the toggle table, the desired date range,
// and one stage per percentage, each dated in business days across the range. Whatever the user
// skipped keeps the template's [FILL_IN], so the checks point at exactly what is left to fill.
//
// The template is edited, not regenerated, so its prose, links and sections stay as VA publishes
// them; the parts this relies on are located by their text and a missing one is an error that names
// it (a newer template that moves them fails the unit test, not a user's plan).
import type { LocalDate } from '../dates/calendar';
import { DEFAULT_PERCENTAGES, validatePercentages } from './answers';
import { scheduleStages, type StageDates } from './schedule';

export interface NewPlanAnswers {
  featureName?: string;
  toggles?: readonly string[];
  range?: { start: LocalDate; end: LocalDate };
  /** Stage percentages, increasing; default 1 → 25 → 50 → 100. */
  percentages?: readonly number[];
}

export class TemplateShapeError extends Error {}

const LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** `6/1/2026`: the month/day/year plans use, with a four-digit year so no check has to guess it. */
export function planDate(d: LocalDate): string {
  return `${d.month}/${d.day}/${d.year}`;
}

/** Keeps user text literal in markdown: no emphasis, links, HTML or table breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function findLine(lines: string[], re: RegExp, what: string, from = 0): number {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i])) return i;
  throw new TemplateShapeError(`The template has no ${what}.`);
}

const STAGE_HEADING_RE = /^###\s+Stage\s+[A-Z]\b/;
const LENGTH_RE = /^(\s*-\s*Length of time:\s*)\[FILL_IN\].*$/;
const PERCENT_RE = /^(\s*-\s*Percentage of Users[^:]*:\s*)(?:\[FILL_IN\]|\d+(?:\.\d+)?)%(.*)$/;

function stageBlock(pattern: string[], label: string, name: string, percent: number, dates: StageDates | undefined): string[] {
  const out = pattern.map((line, i) => {
    if (i === 0) return `### Stage ${label}: ${name}`;
    const length = LENGTH_RE.exec(line);
    if (length && dates) {
      const days = `${dates.businessDays} business day${dates.businessDays === 1 ? '' : 's'}`;
      return `${length[1]}${days}, ${planDate(dates.start)} - ${planDate(dates.end)}`;
    }
    const pct = PERCENT_RE.exec(line);
    if (pct) return `${pct[1]}${percent}%${pct[2]}`;
    return line;
  });
  if (!out.some((l) => PERCENT_RE.test(l))) throw new TemplateShapeError(`The template's Stage ${label} pattern has no "Percentage of Users" line.`);
  return out;
}

export function writeNewPlan(template: string, answers: NewPlanAnswers = {}): string {
  const eol = template.includes('\r\n') ? '\r\n' : '\n';
  const lines = template.split(/\r?\n/);
  const percentages = validatePercentages(answers.percentages ?? DEFAULT_PERCENTAGES);
  if ('error' in percentages) throw new RangeError(percentages.error);
  const stages = percentages.value;

  const name = answers.featureName?.trim();
  if (name) {
    const title = findLine(lines, /^#\s+Release Plan Template\s*$/, 'title "# Release Plan Template"');
    lines[title] = `# Release Plan: ${escapeMarkdown(name)}`;
  }

  const toggles = (answers.toggles ?? []).map((t) => t.trim()).filter((t) => t !== '');
  if (toggles.length) {
    const header = findLine(lines, /^\|\s*Toggle name\s*\|/i, 'toggle table');
    const row = findLine(lines, /^\|\s*\[FILL_IN\]\s*\|/, 'toggle table row', header + 1);
    lines.splice(row, 1, ...[...new Set(toggles)].map((t) => `| \`${t.replace(/`/g, '')}\` | [FILL_IN] |`));
  }

  const schedule = answers.range ? scheduleStages(answers.range.start, answers.range.end, stages.length) : undefined;
  if (answers.range && !schedule) throw new RangeError(`The range has fewer business days than the ${stages.length} stages.`);
  if (answers.range) {
    const rollout = findLine(lines, /^#+\s+Rollout Planning\b/i, '"Rollout Planning" section');
    const desired = findLine(lines, /^(\s*-\s*Desired date range:\s*)\[FILL_IN\]\s*$/, '"Desired date range" field', rollout);
    lines[desired] = lines[desired].replace(/\[FILL_IN\]\s*$/, `${planDate(answers.range.start)} - ${planDate(answers.range.end)}`);
  }

  // Stages: the template's first stage is the pattern for the canary, its second for every other.
  const first = findLine(lines, STAGE_HEADING_RE, 'stage heading');
  const end = findLine(lines, /^##\s/, 'section after the stages', first + 1);
  const starts: number[] = [];
  for (let i = first; i < end; i++) if (STAGE_HEADING_RE.test(lines[i])) starts.push(i);
  const blocks = starts.map((s, i) => lines.slice(s, starts[i + 1] ?? end));
  const canary = blocks[0];
  const regular = blocks[1] ?? blocks[0];
  const generated = stages.flatMap((percent, i) => {
    const label = LABELS[i];
    const isCanary = i === 0 && percent < 100 && stages.length > 1;
    return stageBlock(isCanary ? canary : regular, label, isCanary ? 'Canary' : `${percent}% of users`, percent, schedule?.[i]);
  });
  lines.splice(first, end - first, ...generated);
  return lines.join(eol);
}
