// Helpers for the extension-host tests: activating the extension under test, finding the sample
// workspace's files, and waiting — on events, never on fixed sleeps — for diagnostics to arrive.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'release-plan-tools.release-plan-tools';
export const SOURCE = 'release-plan';

/** What the client's activate() returns (client/src/extension.ts). */
export interface ReleasePlanApi {
  /** Resolves once the language client is running. */
  readonly ready: Promise<void>;
}

function isApi(value: unknown): value is ReleasePlanApi {
  return typeof value === 'object' && value !== null && 'ready' in value && value.ready instanceof Promise;
}

/** Activates the extension (as opening a markdown file would) and waits until its client is ready. */
export async function activateExtension(): Promise<ReleasePlanApi> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this extension host`);
  const api: unknown = await ext.activate();
  if (!isApi(api)) throw new Error(`activate() of ${EXTENSION_ID} did not return { ready: Promise<void> }`);
  await api.ready;
  return api;
}

/** A file of the sample workspace the runner opened (scripts/editors/lib/editor-env.mjs makeWorkspace). */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the extension-host tests need the sample workspace open as a folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function seedPlans(): Promise<vscode.Uri[]> {
  const dir = workspaceUri('seeds');
  const entries = await vscode.workspace.fs.readDirectory(dir);
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md') && name !== 'README.md')
    .map(([name]) => vscode.Uri.joinPath(dir, name))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export function releasePlanDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** The check id of a diagnostic, whether `code` is a plain value or `{ value, target }` (a docs link). */
export function checkId(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function listDiagnostics(uri: vscode.Uri): string {
  const diags = vscode.languages.getDiagnostics(uri);
  if (diags.length === 0) return 'no diagnostics';
  return diags
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.source}/${checkId(d)} ${d.message}`)
    .join('\n    ');
}

/**
 * Resolves with the diagnostics of `uri` as soon as `done(diagnostics)` holds — checked now and on
 * every `onDidChangeDiagnostics` that names `uri`. `trigger` runs after the listener is in place, so
 * an event it causes cannot be missed. Rejects after `timeoutMs`, listing what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  done: (diagnostics: vscode.Diagnostic[], changed: boolean) => boolean,
  { trigger, timeoutMs = 20_000, what = 'diagnostics' }: { trigger?: () => Thenable<unknown>; timeoutMs?: number; what?: string } = {},
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      listener.dispose();
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(vscode.languages.getDiagnostics(uri));
    };
    const check = (changed: boolean) => {
      try {
        if (done(vscode.languages.getDiagnostics(uri), changed)) finish();
      } catch (err) {
        finish(err instanceof Error ? err : new Error(String(err)));
      }
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check(true);
    });
    const timer = setTimeout(
      () => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; it has:\n    ${listDiagnostics(uri)}`)),
      timeoutMs,
    );
    Promise.resolve(trigger?.())
      .then(() => check(false))
      .catch((err: unknown) => finish(err instanceof Error ? err : new Error(String(err))));
  });
}

export interface Marker {
  readonly text: string;
  readonly range: vscode.Range;
}

/** Every occurrence of the literal `needle` in the document, with its range. */
export function findAll(doc: vscode.TextDocument, needle: string): Marker[] {
  const text = doc.getText();
  const found: Marker[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) {
    found.push({ text: needle, range: new vscode.Range(doc.positionAt(i), doc.positionAt(i + needle.length)) });
  }
  return found;
}

/** Opens `uri` in an editor (a user opening the file), so the client syncs it and asks for diagnostics. */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Rejects with a clear message after `ms` when `promise` has not settled (a request that hangs). */
export async function within<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve(promise), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The code actions at `position`, once one satisfies `wanted`. Right after a document opens, the first
 * vscode.executeCodeActionProvider call sometimes returns [] or rejects with "Canceled", although the
 * server answers at once when asked directly over stdio (seen on a fresh untitled document in
 * code-server 4.100.3, about one run in five); no event says when the editor side has settled, so
 * this asks again, a bounded number of times, until the wanted action is there.
 */
export async function codeActionsAt(
  uri: vscode.Uri,
  position: vscode.Position,
  wanted: (a: vscode.CodeAction) => boolean,
  timeoutMs = 10_000,
): Promise<vscode.CodeAction[]> {
  const range = new vscode.Range(position, position);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let actions: vscode.CodeAction[] = [];
    try {
      actions = (await within(vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range), timeoutMs, 'code actions')) ?? [];
    } catch (err) {
      if (!(err instanceof Error && err.message === 'Canceled') || Date.now() > deadline) throw err;
    }
    if (actions.some(wanted) || Date.now() > deadline) return actions;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The text of a hover's contents, whatever form each part takes. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Position `offset` characters into the first occurrence of `needle` (which must exist). */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 1): vscode.Position {
  const at = doc.getText().indexOf(needle);
  if (at === -1) throw new Error(`"${needle}" is not in ${doc.uri.path}`);
  return doc.positionAt(at + offset);
}

/**
 * A new untitled markdown document holding `content`, shown in an editor, as a user gets it from
 * `openTextDocument({ content })`. VS Code names it after the lowest free `Untitled-N`, and when the
 * hot-exit backup of an untitled document just reverted under that name is not deleted yet, it
 * restores the backup's text instead of `content` (seen in CI: the walkthrough's sample plan came
 * back in place of the next test's plan). Such a document is reverted and the open tried again.
 */
export async function openUntitled(content: string): Promise<vscode.TextDocument> {
  const seen: number[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc);
    if (doc.getText() === content) return doc;
    seen.push(doc.getText().length);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`openTextDocument({ content }) kept returning another text (lengths ${seen.join(', ')}, asked ${content.length})`);
}

/** Throws away unsaved changes (untitled documents included) and closes every editor, without a save prompt. */
export async function revertAndCloseAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await closeAllEditors();
}
