// The first message a web client posts to the server worker, before any LSP message: the session
// key that seals Flipper tokens (tokenSealWeb.ts). A worker has no environment to inherit it from,
// and its URL is not its own (VS Code's web extension host starts nested workers from a blob), so
// the key travels as this one message, which no LSP trace shows.
export interface WorkerStartMessage {
  releasePlanWorkerStart: { tokenKey?: string };
}

export function isWorkerStartMessage(data: unknown): data is WorkerStartMessage {
  if (!data || typeof data !== 'object' || !('releasePlanWorkerStart' in data)) return false;
  const start = (data as WorkerStartMessage).releasePlanWorkerStart;
  return !!start && typeof start === 'object' && (start.tokenKey === undefined || typeof start.tokenKey === 'string');
}
