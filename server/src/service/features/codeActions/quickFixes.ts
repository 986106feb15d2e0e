// Quick fixes for findings, each edit as narrow as the evidence: answer a [PICK_ONE], make a stage's
// heading and its 'Percentage of Users' agree (either way), rewrite a length to its range's day count,
// point a Flipper link at the toggle its text names, correct a misspelt check id in a disable comment.
// Fixes work from the finding's id and range and re-read the plan, so they do not depend on `data`
// surviving a trip through the editor. `isPreferred` marks the fixes that are safe to apply unseen
// (one obvious outcome); Fix All applies exactly those.
import type { Finding } from '../../checks/types';
import { readLength } from '../../dates/length';
import { NUMBER_WORDS } from '../../dates/lexicon';
import { lengthPairs } from '../../dates/pairs';
import { planDates } from '../../dates/planDates';
import type { Range, ReleasePlan } from '../../parse/model';
import { fieldPercentage, percentageField, pickOneAnswers } from '../../parse/queries';
import { containsPosition, sameRange } from '../../parse/text';
import { camelToSnake } from '../../toggles/names';
import { extendDesiredRangeFixes } from './extendDesiredRange';
import { markNotApplicableFixes } from './markNotApplicable';
import { lineText } from './text';
import { timelineFixes } from './timeline';
import { KIND_QUICKFIX, type PlanCodeAction } from './types';

function textAt(plan: ReleasePlan, r: Range): string {
  if (r.start.line !== r.end.line) return '';
  return lineText(plan, r.start.line).slice(r.start.character, r.end.character);
}

function fix(finding: Finding, title: string, range: Range, newText: string, isPreferred = false): PlanCodeAction {
  const action: PlanCodeAction = { title, kind: KIND_QUICKFIX, edits: [{ range, newText }], diagnostics: [finding] };
  if (isPreferred) action.isPreferred = true;
  return action;
}

function pickOneFixes(plan: ReleasePlan, finding: Finding): PlanCodeAction[] {
  const p = plan.placeholders.find((x) => x.kind === 'pick-one' && sameRange(x.range, finding.range));
  if (!p) return [];
  // marker through option list: `[PICK_ONE]: yes | no |  N/A` becomes just the answer
  const range = p.options ? { start: p.range.start, end: p.options.range.end } : p.range;
  const answers = pickOneAnswers(p);
  return answers.map((a) => fix(finding, `Answer '${a}'`, range, a));
}

function percentageMismatchFixes(plan: ReleasePlan, finding: Finding): PlanCodeAction[] {
  for (const stage of plan.stages) {
    const field = percentageField(stage);
    const value = field && fieldPercentage(field);
    if (!stage.percentage || !field || !value || !sameRange(value.range, finding.range)) continue;
    // replace only the number, so `25 %` keeps its space and `25%` its sign
    const number = (text: string, v: number) => text.replace(/^\d{1,3}(?:\.\d+)?/, String(v));
    const where = stage.source === 'heading' ? 'heading' : stage.source === 'table' ? 'row' : 'item';
    return [
      fix(finding, `Change '${field.label}' to ${stage.percentage.value}% (as the ${where} says)`, value.range, number(value.text, stage.percentage.value)),
      fix(finding, `Change the Stage ${stage.label} ${where} to ${value.value}% (as '${field.label}' says)`, stage.percentage.range, number(stage.percentage.text, value.value)),
    ];
  }
  return [];
}

const WORDS = Object.entries(NUMBER_WORDS)
  .filter(([w]) => w !== 'a' && w !== 'an')
  .reduce<Record<number, string>>((acc, [w, n]) => ((acc[n] ??= w), acc), {});

/** `n` written the way `like` writes its number and unit: `Six Days` → `Nine Days`, `1 week` → `9 days`. */
export function rewriteLength(like: string, n: number, business: boolean): string {
  const numberWord = /^[\s~≈]*(?:about\s+|approx\.?\s+)?([A-Za-z]+)\s/i.exec(like)?.[1];
  const wordsStyle = numberWord !== undefined && NUMBER_WORDS[numberWord.toLowerCase()] !== undefined && WORDS[n] !== undefined;
  const capital = /^[\s~]*[A-Z]/.test(like);
  const unitCapital = /\b(?:Days?|Weeks?|Business)\b/.test(like);
  let amount = wordsStyle ? WORDS[n] : String(n);
  if (wordsStyle && capital) amount = amount[0].toUpperCase() + amount.slice(1);
  let unit = `${business ? 'business ' : ''}day${n === 1 ? '' : 's'}`;
  if (unitCapital) unit = unit.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return `${amount} ${unit}`;
}

function durationFixes(plan: ReleasePlan, finding: Finding): PlanCodeAction[] {
  const pair = lengthPairs(planDates(plan)).find((p) => sameRange(p.duration.range, finding.range));
  if (!pair) return [];
  const days = pair.range.start && pair.range.end ? { start: pair.range.start, end: pair.range.end } : pair.range.relative;
  if (!days) return [];
  const reading = readLength(pair.duration.expr, days.start, days.end);
  const business = pair.duration.expr.business;
  const n = business ? reading.businessDays : reading.inclusiveDays;
  if (n <= 0) return [];
  const text = rewriteLength(pair.duration.expr.text, n, business);
  return [fix(finding, `Change the length to '${text}' (${pair.range.expr.text})`, finding.range, text, true)];
}

function toggleLinkFixes(plan: ReleasePlan, finding: Finding): PlanCodeAction[] {
  const toggle = plan.toggles.find((t) => t.link && containsPosition(t.link.range, finding.range.start));
  const link = toggle?.link;
  if (!toggle || !link?.featureName) return [];
  const wanted = camelToSnake(toggle.name);
  const out: PlanCodeAction[] = [];
  if (textAt(plan, finding.range) === link.featureName) {
    out.push(fix(finding, `Point the link at Flipper feature '${wanted}'`, finding.range, wanted, true));
  } else {
    const target = link.target.replace(/(\/flipper\/features\/)[^/?#\s)]+/, (_m, prefix: string) => prefix + encodeURIComponent(wanted));
    out.push(fix(finding, `Point the link at Flipper feature '${wanted}'`, link.range, target, true));
  }
  out.push(fix(finding, `Change the link text to '${link.featureName}'`, toggle.range, link.featureName));
  return out;
}

function disableCommentFixes(plan: ReleasePlan, finding: Finding): PlanCodeAction[] {
  const suggestion = finding.data?.suggestion;
  if (typeof suggestion !== 'string' || !textAt(plan, finding.range)) return [];
  return [fix(finding, `Change to '${suggestion}'`, finding.range, suggestion, true)];
}

/** Every fix for one finding (the disable-comment actions come from disableComments.ts). */
export function quickFixesFor(plan: ReleasePlan, finding: Finding): PlanCodeAction[] {
  switch (finding.checkId) {
    case 'pick-one':
      return pickOneFixes(plan, finding);
    case 'percentage-mismatch':
      return percentageMismatchFixes(plan, finding);
    case 'duration-mismatch':
      return durationFixes(plan, finding);
    case 'toggle-link-mismatch':
      return toggleLinkFixes(plan, finding);
    case 'disable-comment':
      return disableCommentFixes(plan, finding);
    case 'date-outside-range':
      return extendDesiredRangeFixes(plan, finding);
    case 'placeholder':
      return markNotApplicableFixes(plan, finding);
    case 'timeline-out-of-date':
      return timelineFixes(plan, finding);
    default:
      return [];
  }
}
