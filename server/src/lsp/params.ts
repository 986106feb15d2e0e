// Checks the params of every message the server handles before any handler (ours or the library's)
// sees them. A request with malformed params gets `-32602 InvalidParams` and a sentence saying what
// is wrong, instead of a handler's TypeError as `-32603`; a malformed notification is dropped and
// logged once, so a document keeps its last good text rather than half an edit.
//
// It runs as the connection's message strategy (see node/main.ts), the one hook that sits in front
// of the library's own handlers too (TextDocuments' didChange, the workspace-folders feature).
import { ErrorCodes, Message, ResponseError, type Connection, type MessageStrategy } from 'vscode-languageserver';
import { CheckFilesRequest, PlanStatusRequest, SetTokensNotification, SetTrustedNotification } from '../protocol/index';

type NotificationResult = ReturnType<MessageStrategy['handleMessage']>;

/** A check returns what is wrong with a value, or undefined when it is fine. */
type Check = (value: unknown, path: string) => string | undefined;

const show = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const str: Check = (v, p) => (typeof v === 'string' ? undefined : `${p} must be a string, not ${show(v)}`);
const bool: Check = (v, p) => (typeof v === 'boolean' ? undefined : `${p} must be true or false, not ${show(v)}`);
const int: Check = (v, p) => (Number.isInteger(v) ? undefined : `${p} must be an integer, not ${show(v)}`);
const uint: Check = (v, p) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : `${p} must be a non-negative integer, not ${show(v)}`);
const anyObject: Check = (v, p) => (isObject(v) ? undefined : `${p} must be an object, not ${show(v)}`);
const oneOf =
  (...values: readonly (string | number)[]): Check =>
  (v, p) =>
    values.includes(v as string | number) ? undefined : `${p} must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}, not ${show(v)}`;
const optional =
  (check: Check): Check =>
  (v, p) =>
    v === undefined || v === null ? undefined : check(v, p);

function list(item: Check): Check {
  return (v, p) => {
    if (!Array.isArray(v)) return `${p} must be a list, not ${show(v)}`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${p}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

function record(item: Check): Check {
  return (v, p) => {
    if (!isObject(v)) return `${p} must be an object, not ${show(v)}`;
    for (const [k, x] of Object.entries(v)) {
      const problem = item(x, `${p}.${k}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

function shape(fields: Record<string, Check>, example: string): Check {
  return (v, p) => {
    if (!isObject(v)) return `${p} must be an object like ${example}, not ${show(v)}`;
    for (const [k, check] of Object.entries(fields)) {
      const problem = check(v[k], p ? `${p}.${k}` : k);
      if (problem) return problem;
    }
    return undefined;
  };
}

const position = shape({ line: uint, character: uint }, '{ "line": 0, "character": 0 }');
const range = shape({ start: position, end: position }, '{ "start": {…}, "end": {…} }');
const documentId = shape({ uri: str }, '{ "uri": "file:///…" }');
const versionedDocumentId = shape({ uri: str, version: int }, '{ "uri": "file:///…", "version": 1 }');
const documentPosition = { textDocument: documentId, position };
const folder = shape({ uri: str, name: str }, '{ "uri": "file:///…", "name": "…" }');
const change: Check = (v, p) => {
  if (!isObject(v)) return `${p} must be an object like { "text": "…" } or { "range": {…}, "text": "…" }, not ${show(v)}`;
  return str(v.text, `${p}.text`) ?? (v.range === undefined ? undefined : range(v.range, `${p}.range`)) ?? optional(uint)(v.rangeLength, `${p}.rangeLength`);
};
const params = (fields: Record<string, Check>) => shape(fields, `{ ${Object.keys(fields).map((k) => `"${k}": …`).join(', ')} }`);

/** Every method the server handles whose params a handler reads (lsp/*.ts, TextDocuments, workspace folders). */
export const REQUEST_PARAMS: Readonly<Record<string, Check>> = {
  initialize: params({ capabilities: anyObject, workspaceFolders: optional(list(folder)), rootUri: optional(str) }),
  'textDocument/hover': params(documentPosition),
  'textDocument/completion': params({ ...documentPosition, context: optional(anyObject) }),
  'textDocument/codeAction': params({
    textDocument: documentId,
    range,
    context: shape({ diagnostics: list(shape({ range, message: str }, '{ "range": {…}, "message": "…" }')), only: optional(list(str)) }, '{ "diagnostics": [] }'),
  }),
  'textDocument/inlayHint': params({ textDocument: documentId, range }),
  'textDocument/diagnostic': params({ textDocument: documentId }),
  'textDocument/willSaveWaitUntil': params({ textDocument: documentId, reason: int }),
  [PlanStatusRequest.method]: params({ uri: str }),
  [CheckFilesRequest.method]: params({ files: list(shape({ uri: str, text: str }, '{ "uri": "file:///…", "text": "…" }')) }),
};

export const NOTIFICATION_PARAMS: Readonly<Record<string, Check>> = {
  'textDocument/didOpen': params({ textDocument: shape({ uri: str, languageId: str, version: int, text: str }, '{ "uri", "languageId", "version", "text" }') }),
  'textDocument/didChange': params({ textDocument: versionedDocumentId, contentChanges: list(change) }),
  'textDocument/didClose': params({ textDocument: documentId }),
  'textDocument/didSave': params({ textDocument: documentId, text: optional(str) }),
  'textDocument/willSave': params({ textDocument: documentId, reason: int }),
  'workspace/didChangeConfiguration': anyObject,
  'workspace/didChangeWatchedFiles': params({ changes: list(shape({ uri: str, type: oneOf(1, 2, 3) }, '{ "uri": "file:///…", "type": 1 }')) }),
  'workspace/didChangeWorkspaceFolders': params({ event: shape({ added: list(folder), removed: list(folder) }, '{ "added": [], "removed": [] }') }),
  [SetTokensNotification.method]: params({ tokens: optional(record(str)), sealed: optional(str) }),
  [SetTrustedNotification.method]: params({ trusted: bool }),
  '$/setTrace': params({ value: oneOf('off', 'messages', 'verbose') }),
};

/** What is wrong with a message's params, or undefined when they are fine (or the method is not ours). */
export function paramsProblem(method: string, value: unknown, request: boolean): string | undefined {
  const check = (request ? REQUEST_PARAMS : NOTIFICATION_PARAMS)[method];
  return check?.(value, 'params');
}

// A malformed request is re-addressed to this method, whose handler answers InvalidParams: the
// strategy itself cannot write a response, and the request id must still get exactly one answer.
const INVALID_PARAMS_METHOD = 'releasePlan/internal/invalidParams';
const MAX_LOGGED = 50;

export interface ParamGuard extends MessageStrategy {
  /** Registers the InvalidParams answer and where dropped notifications are logged. */
  attach(connection: Connection): void;
}

export function createParamGuard(): ParamGuard {
  const logged = new Set<string>();
  let log: (message: string) => void = () => undefined;
  return {
    handleMessage(message: Message, next: (message: Message) => NotificationResult): NotificationResult {
      if (Message.isRequest(message)) {
        const problem = paramsProblem(message.method, message.params, true);
        if (problem) return next({ ...message, method: INVALID_PARAMS_METHOD, params: { method: message.method, problem } } as Message);
      } else if (Message.isNotification(message)) {
        const problem = paramsProblem(message.method, message.params, false);
        if (problem) {
          const text = `release-plan: ignored a ${message.method} notification with invalid params (${problem}); the client (editor) sent something the protocol does not allow. Documents keep their last good text; reopen a document if it looks out of date.`;
          // once per distinct problem, and a bounded number overall: a client that keeps sending the
          // same malformed message must not flood the log
          if (!logged.has(text) && logged.size < MAX_LOGGED) {
            logged.add(text);
            log(text);
          }
          return;
        }
      }
      return next(message);
    },
    attach(connection: Connection): void {
      log = (text) => connection.console.warn(text);
      connection.onRequest(INVALID_PARAMS_METHOD, (p: { method: string; problem: string }) => {
        return new ResponseError(ErrorCodes.InvalidParams, `Invalid params for ${p.method}: ${p.problem}.`);
      });
    },
  };
}
