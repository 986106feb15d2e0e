// Long work on the server's one thread, in steps: between two steps the event loop gets a turn, so
// a `$/cancelRequest` (or the next keystroke) is read, and a superseded request stops at the next
// step instead of blocking the requests behind it for seconds.
import { DiagnosticSeverity, type CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { isOverSizeLimit, isTooDeeplyNested, nestingGuardMessage, sizeGuardMessage } from '../service/index';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Below this many characters a whole parse takes milliseconds: no need to step. */
export const STEPWISE_FROM = 50_000;

export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `steps` to the end, yielding after each; false when the token was cancelled on the way. */
export async function runStepwise(steps: Iterator<void>, token?: CancellationToken): Promise<boolean> {
  while (!steps.next().done) {
    await nextTurn();
    if (token?.isCancellationRequested) return false;
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
