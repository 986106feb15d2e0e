// Dated bullet lists of ramp steps, a rollout written without stage labels:
//   - 3/2/2026: 10% of users
//   - 3/9/2026: 50% of users
// Each item that opens with a date (then `:` or a dash) and names a share of users is a step of the
// ramp. Steps are numbered 1, 2, 3… in their list, so the checks read them like `Stage 1`, `Stage 2`.
import { userPercentage } from './shares';
import type { StageCandidate } from './stages';

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const DATE = String.raw`(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)`;
const STEP = new RegExp(String.raw`^([\s*_]*)(${DATE})[\s*_]*(?:[:–—]|\s-)\s*`, 'i');

/** The ramp step an item's source text opens with, numbered `step` in its list; undefined when it is not one. */
export function rampStepAt(source: string, base: number, step: number): StageCandidate | undefined {
  const m = STEP.exec(source);
  if (!m) return undefined;
  const rest = source.slice(m[0].length);
  if (!userPercentage(rest)) return undefined;
  const label = String(step);
  const labelStart = base + m[1].length;
  // the label's range is the date, the step's name: `Stage 2` is `3/9/2026` in the text
  return { label, base: label, labelStart, labelLength: m[2].length, rest, restStart: base + m[0].length };
}
