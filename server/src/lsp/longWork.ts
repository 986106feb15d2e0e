// Long work on the server's one thread, in steps: between two steps the event loop gets a turn, so
// a `$/cancelRequest` (or the next keystroke) is read, and a superseded request stops at the next
// step instead of blocking the requests behind it for seconds.
import { DiagnosticSeverity, type CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { isOverSizeLimit, isTooDeeplyNested, nestingGuardMessage, sizeGuardMessage } from '../service/index';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Below this many characters a whole parse takes milliseconds: no need to step. */
export const STEPWISE_FROM = 50_000;

export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** How long the steps run before the event loop gets its turn. */
export const STEP_BUDGET_MS = 10;

/**
 * Runs `steps` to the end, giving the event loop a turn whenever STEP_BUDGET_MS have passed since the
 * last one; false when the token was cancelled on the way. Not a turn after every step: a keystroke in
 * a large plan re-parses one chunk and finds the other hundreds cached, and a turn per chunk cost more
 * than the parse.
 */
export async function runStepwise(steps: Iterator<void>, token?: CancellationToken): Promise<boolean> {
  let since = performance.now();
  while (!steps.next().done) {
    if (performance.now() - since < STEP_BUDGET_MS) continue;
    await nextTurn();
    if (token?.isCancellationRequested) return false;
    since = performance.now();
  }
  return true;
}

/**
 * The one diagnostic a plan over `releasePlan.maxFileSize` (or nested too deep to parse in time)
 * gets, at the top of the file; undefined when the plan is checked normally.
 */
export function sizeGuardDiagnostic(text: string, limit: number): Diagnostic | undefined {
  const message = isOverSizeLimit(text, limit) ? sizeGuardMessage(text.length, limit) : isTooDeeplyNested(text) ? nestingGuardMessage() : undefined;
  if (!message) return undefined;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: 'file-too-large',
    message,
  };
}
