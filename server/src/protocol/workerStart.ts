// The first message a web client posts to the server worker, before any LSP message: the session
// key that seals Flipper tokens (tokenSealWeb.ts). A worker has no environment to inherit it from,
// and its URL is not its own (VS Code's web extension host starts nested workers from a blob), so
// the key travels as this one message, which no LSP trace shows.
// It also carries the shipped docs/checks.md (a worker cannot read the extension's folder), so check
// ids on problems link into it as on the desktop.
export interface WorkerStartMessage {
  releasePlanWorkerStart: { tokenKey?: string; docs?: { href: string; text: string } };
}

export function isWorkerStartMessage(data: unknown): data is WorkerStartMessage {
  if (!data || typeof data !== 'object' || !('releasePlanWorkerStart' in data)) return false;
  const start = (data as WorkerStartMessage).releasePlanWorkerStart;
  if (!start || typeof start !== 'object') return false;
  const docsOk = start.docs === undefined || (typeof start.docs === 'object' && !!start.docs && typeof start.docs.href === 'string' && typeof start.docs.text === 'string');
  return docsOk && (start.tokenKey === undefined || typeof start.tokenKey === 'string');
}
