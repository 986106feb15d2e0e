// Which fields give the plan's release (go-live) date, and which its desired date range. The template's
// `Go Live!` section asks for a `Desired date:`: that is the day the product goes live, a release date
// to check against the rollout's desired date range, not a second window. `Desired date for initial
// launch:` anywhere says the same.
import type { Field, Section } from './model';
import { coversLine } from './text';

const DESIRED = /^desired date(?:s)?(?: range)?\b/i;
const LAUNCH_DESIRED = /^desired date for (?:the )?(?:initial |first |public )?(?:launch|go[- ]?live|release)\b/i;
// in a go-live section: `Desired date`, `Go live`, `Launch date`, `Target release date`; not `Actual date`
const GO_LIVE_DATE = /^(?:(?:desired|target|planned|expected)\s+)?(?:(?:go[- ]?live|launch|release)\s+)?date\b|^go[- ]?live\b|^(?:initial\s+)?launch\b/i;

// Both run over every field on every keystroke: loops, not filter() with a closure made per call
// (README, Developing: no closures on the keystroke path).
export function releaseDateFields(fields: readonly Field[], sections: readonly Section[]): Field[] {
  // a document titled `Go-live plan for …` is not a go-live section
  const goLive: Section[] = [];
  for (let i = 0; i < sections.length; i++) if (sections[i].kind === 'go-live' && sections[i].heading.depth > 1) goLive.push(sections[i]);
  const out: Field[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (LAUNCH_DESIRED.test(f.label) || (anyCovers(goLive, f.line) && GO_LIVE_DATE.test(f.label.replace(/[*_]/g, '').trim()))) out.push(f);
  }
  return out;
}

function anyCovers(sections: readonly Section[], line: number): boolean {
  for (let i = 0; i < sections.length; i++) if (coversLine(sections[i].range, line)) return true;
  return false;
}

/** `Desired date range` fields (Phase I's "or test duration" variant included), release dates excluded. */
export function desiredRangeFields(fields: readonly Field[], releaseDates: readonly Field[]): Field[] {
  const out: Field[] = [];
  for (let i = 0; i < fields.length; i++) if (DESIRED.test(fields[i].label) && !releaseDates.includes(fields[i])) out.push(fields[i]);
  return out;
}
