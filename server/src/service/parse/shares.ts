// Whether an `N%` in a stage is a share of the plan's users. Plans that roll out by place say
// `100% at a facility`, `100% of pilot sites`: a whole facility is not all users, so such a figure is not
// the stage's percentage and is never compared with another stage's share of users.

const PLACE = String.raw`(?:pilot\s+|participating\s+|selected\s+|test\s+|launch\s+)?(?:sites?|facilit(?:y|ies)|clinics?|stations?|locations?|vamcs?|medical\s+centers?|hospitals?|regions?|states?|offices?|markets?)\b`;
// PLACE once after either lead-in (the same strings as with PLACE in each alternative), and Unicode
// case folding (`u`): V8 compiles it in ~3 ms instead of ~9 on every start of the server and the CLI,
// where it was the costliest pattern to compile. The two differ only for `ſ` and the Kelvin sign.
const NOT_OF_USERS = new RegExp(String.raw`^\s*(?:of\s+(?:the\s+|all\s+|our\s+|\d+\s+)?|(?:at|in|across|for)\s+(?:a|an|one|each|every|the|all|\d+|two|three|four|five)?\s*)${PLACE}`, 'iu');

const PERCENT = /(\d{1,3}(?:\.\d+)?)\s*%/g;

/** The first `N%` in `text` that is a share of users (not of sites or facilities), if any. */
export function userPercentage(text: string): { value: number; index: number; text: string } | undefined {
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(text); m; m = PERCENT.exec(text)) {
    if (NOT_OF_USERS.test(text.slice(m.index + m[0].length))) continue;
    return { value: parseFloat(m[1]), index: m.index, text: m[0] };
  }
  return undefined;
}
