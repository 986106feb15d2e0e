// How soon V8 optimises a function, tuned for a language server's workload.
//
// A keystroke runs a few hundred small functions once each (the edited chunk's parse, the plan's
// model, the checks, the JSON answer) and then the process sits idle until the next one. With V8's
// default interrupt budget most of those functions cross the threshold within the first few dozen
// keystrokes, and TurboFan compiles each of them on a worker thread: measured with
// `npm run profile:edits`, that compiling cost more CPU than the keystrokes themselves (30 KB plan, 50
// edits: 11 ms per edit on V8's workers against 5.4 ms on the server's thread). Waiting for eight
// times as much bytecode before optimising leaves the rarely-run functions in the baseline tiers and
// still optimises what is really hot (the parser's inner loops, a 300 KB plan's walks). In the same
// runs the first open also got faster (fewer optimise-then-deoptimise cycles during the cold parse).
import { setFlagsFromString } from 'node:v8';

/** V8's default (--interrupt-budget=66 KB in Node 20's V8 11.3), times eight. */
export const KEYSTROKE_INTERRUPT_BUDGET = 8 * 66 * 1024;

/** Applies the budget to this process; V8 reads it each time it resets a function's budget. */
export function tuneTieringForKeystrokes(): void {
  setFlagsFromString(`--interrupt-budget=${KEYSTROKE_INTERRUPT_BUDGET}`);
}
