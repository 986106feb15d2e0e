// One document must never take a request down: a handler that throws (a parser or feature bug the
// document triggers) answers its neutral result — null, [] — and leaves one line in the log, instead
// of a JSON-RPC internal error whose message carries a stack into the editor.
import type { CancellationToken, Connection } from 'vscode-languageserver';

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Wraps a request handler: any exception becomes `neutral` plus one log line naming the request and document. */
export function guarded<P, R>(connection: Connection, what: string, neutral: R, handler: (params: P, token: CancellationToken) => Promise<R>): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (err) {
      const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
      connection.console.error(`release-plan: ${what} failed${typeof uri === 'string' ? ` on ${uri}` : ''}: ${errorText(err)}`);
      return neutral;
    }
  };
}
