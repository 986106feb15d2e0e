// Which fields give the plan's release (go-live) date, and which its desired date range. The template's
// `Go Live!` section asks for a `Desired date:`: that is the day the product goes live, a release date
// to check against the rollout's desired date range, not a second window. `Desired date for initial
// launch:` anywhere says the same.
import type { Field, Section } from './model';

const DESIRED = /^desired date(?:s)?(?: range)?\b/i;
const LAUNCH_DESIRED = /^desired date for (?:the )?(?:initial |first |public )?(?:launch|go[- ]?live|release)\b/i;
// in a go-live section: `Desired date`, `Go live`, `Launch date`, `Target release date`; not `Actual date`
const GO_LIVE_DATE = /^(?:(?:desired|target|planned|expected)\s+)?(?:(?:go[- ]?live|launch|release)\s+)?date\b|^go[- ]?live\b|^(?:initial\s+)?launch\b/i;

export function releaseDateFields(fields: readonly Field[], sections: readonly Section[]): Field[] {
  // a document titled `Go-live plan for …` is not a go-live section
  const goLive = sections.filter((s) => s.kind === 'go-live' && s.heading.depth > 1);
  // asked of every field on every keystroke: a loop, not a closure made per field by some()
  const inGoLive = (f: Field) => {
    for (let i = 0; i < goLive.length; i++) if (goLive[i].range.start.line <= f.line && f.line <= goLive[i].range.end.line) return true;
    return false;
  };
  return fields.filter((f) => LAUNCH_DESIRED.test(f.label) || (inGoLive(f) && GO_LIVE_DATE.test(f.label.replace(/[*_]/g, '').trim())));
}

/** `Desired date range` fields (Phase I's "or test duration" variant included), release dates excluded. */
export function desiredRangeFields(fields: readonly Field[], releaseDates: readonly Field[]): Field[] {
  const release = new Set(releaseDates);
  return fields.filter((f) => DESIRED.test(f.label) && !release.has(f));
}
