// Code actions: the service computes the edits (features/codeActions); this maps them to LSP shapes.
// Findings come from the same path as the diagnostics (settings, config file, registry, disable
// comments), so a check the user turned off offers no fix and Fix All never touches it.
import type { CodeAction, CodeActionParams, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import type { Finding } from '../service/checks/types';
import { findingsAt, PROVIDED_KINDS, provideCodeActions, type PlanCodeAction } from '../service/features/codeActions/index';
import type { FeatureRegistration } from './features';
import { guarded } from './guard';

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function toFinding(d: Diagnostic): Finding {
  const f: Finding = { checkId: String(d.code ?? ''), range: d.range, message: d.message };
  if (d.data && typeof d.data === 'object') f.data = d.data as Finding['data'];
  return f;
}

export const registerCodeActions: FeatureRegistration = (connection, server) => {
  connection.onCodeAction(guarded(connection, 'code actions', [], async (params: CodeActionParams, token): Promise<CodeAction[]> => {
    const uri = params.textDocument.uri;
    const doc = server.documents.get(uri);
    const plan = await server.planFor(uri, token);
    if (!doc || !plan || token.isCancellationRequested) return [];
    const diagnostics = (await server.diagnoseText(uri, doc.getText(), doc.version)) ?? [];
    if (token.isCancellationRequested) return [];

    const byFinding = new Map<Finding, Diagnostic>();
    const all = diagnostics.map((d) => {
      const f = toFinding(d);
      byFinding.set(f, d);
      return f;
    });
    // the findings at the range, plus any the client names in its context (it may ask for a wider set)
    const at = new Set(findingsAt(all, params.range));
    for (const cd of params.context.diagnostics) {
      const f = all.find((x) => x.checkId === String(cd.code) && sameRange(x.range, cd.range));
      if (f) at.add(f);
    }
    const actions = provideCodeActions(plan, {
      range: params.range,
      only: params.context.only,
      findings: all.filter((f) => at.has(f)),
      allFindings: all,
    });

    const caps = server.clientCapabilities;
    const disabledSupport = caps?.textDocument?.codeAction?.disabledSupport === true;
    const versioned = caps?.workspace?.workspaceEdit?.documentChanges === true;
    const out: CodeAction[] = [];
    for (const a of actions) {
      // clients that cannot grey an action out would offer one that does nothing
      if (a.disabledReason && !disabledSupport) continue;
      out.push(toCodeAction(a, uri, doc.version, versioned, byFinding, params.context.diagnostics));
    }
    return out;
  }));
  return { codeActionProvider: { codeActionKinds: [...PROVIDED_KINDS], resolveProvider: false } };
};

function toCodeAction(a: PlanCodeAction, uri: string, version: number, versioned: boolean, byFinding: Map<Finding, Diagnostic>, sent: Diagnostic[]): CodeAction {
  const action: CodeAction = { title: a.title, kind: a.kind };
  if (a.disabledReason) {
    action.disabled = { reason: a.disabledReason };
    return action;
  }
  const edit: WorkspaceEdit = versioned
    ? { documentChanges: [{ textDocument: { uri, version }, edits: a.edits.map((e) => ({ range: e.range, newText: e.newText })) }] }
    : { changes: { [uri]: a.edits.map((e) => ({ range: e.range, newText: e.newText })) } };
  action.edit = edit;
  if (a.diagnostics?.length) {
    // link the client's own diagnostic objects when it sent them (editors match by identity of content)
    action.diagnostics = a.diagnostics
      .map((f) => byFinding.get(f))
      .filter((d): d is Diagnostic => d !== undefined)
      .map((d) => sent.find((s) => s.code === d.code && sameRange(s.range, d.range)) ?? d);
  }
  if (a.isPreferred) action.isPreferred = true;
  return action;
}
