// How soon V8 optimises a function, tuned for this project's workloads (the language server, the CLI,
// the GitHub Action). Node-only: the browser build has no say over its engine's tiering.
//
// Both workloads run a few hundred small functions a modest number of times each: a keystroke runs the
// edited chunk's parse, the plan's model, the checks and the JSON answer once, then the process sits
// idle; the CLI runs the same path once per plan. With V8's default interrupt budget most of those
// functions cross the threshold early, and TurboFan compiles each of them on a worker thread, competing
// for the same cores. Measured (2 cores, Node 20): on a 30 KB plan over 50 keystrokes, V8's workers
// spent 11 ms of CPU per edit against 5.4 ms on the server's own thread; the first open took 235 ms.
// With eight times the budget: 2.2 ms against 6.8, and the open 202 ms. `release-plan check` over 200
// plans of 30 KB: 1.85 s wall and 3.0 s CPU, against 1.58 s and 2.1 s. Four and sixteen times were
// tried: eight was the best for both (the command lines are in the closing note of issue 17).
// What is really hot (the parser's inner loops, a 300 KB plan's walks) is still optimised.
import { setFlagsFromString } from 'node:v8';

/** V8's default (--interrupt-budget=66 KB in Node 20's V8 11.3), times eight. */
export const INTERRUPT_BUDGET = 8 * 66 * 1024;

/** The flag to set, unless the node command line already chose a budget (to compare, or to tune it). */
export function tieringFlag(execArgv: readonly string[]): string | undefined {
  if (execArgv.some((a) => /^--interrupt[-_]budget(?:=|$)/.test(a))) return undefined;
  return `--interrupt-budget=${INTERRUPT_BUDGET}`;
}

/**
 * Applies the budget to this process (V8's flags are process-wide, so worker threads started later
 * share it). V8 reads it each time it resets a function's budget, so it works at run time.
 */
export function tuneJitTiering(): void {
  const flag = tieringFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}
