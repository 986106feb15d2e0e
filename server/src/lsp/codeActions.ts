// Code actions: the service computes the edits (features/codeActions); this maps them to LSP shapes.
// Findings come from the same run as the diagnostics (settings, config file, registry, disable
// comments), so a check the user turned off offers no fix and Fix All never touches it. They become
// LSP diagnostics only here, at the edge, when an action names what it fixes.
import type { CodeAction, CodeActionParams, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import { findingsAt, PROVIDED_KINDS, provideCodeActions, sameRange, type Finding, type FindingWithSeverity, type PlanCodeAction } from '../service/index';
import { toDiagnostic } from './diagnostics';
import type { FeatureRegistration } from './planServer';
import { guarded } from './guard';

/** Whether a diagnostic the client sent back is this finding's. */
const isDiagnosticOf = (d: Diagnostic, f: Finding) => String(d.code) === f.checkId && sameRange(d.range, f.range);

export const registerCodeActions: FeatureRegistration = (connection, server) => {
  connection.onCodeAction(guarded(connection, 'code actions', [], async (params: CodeActionParams, token): Promise<CodeAction[]> => {
    const uri = params.textDocument.uri;
    const doc = server.documents.get(uri);
    const plan = await server.planFor(uri, token);
    if (!doc || !plan || token.isCancellationRequested) return [];
    const all = await server.findingsFor(uri);
    if (token.isCancellationRequested) return [];

    // the findings at the range, plus any the client names in its context (it may ask for a wider set)
    const at = new Set<Finding>(findingsAt(all, params.range));
    for (const cd of params.context.diagnostics) {
      const f = all.find((x) => isDiagnosticOf(cd, x));
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
    const reported = new Map<Finding, FindingWithSeverity>(all.map((f) => [f, f]));
    const out: CodeAction[] = [];
    for (const a of actions) {
      // clients that cannot grey an action out would offer one that does nothing
      if (a.disabledReason && !disabledSupport) continue;
      out.push(toCodeAction(a, uri, doc.version, versioned, reported, params.context.diagnostics));
    }
    return out;
  }));
  return { codeActionProvider: { codeActionKinds: [...PROVIDED_KINDS], resolveProvider: false } };
};

function toCodeAction(a: PlanCodeAction, uri: string, version: number, versioned: boolean, reported: Map<Finding, FindingWithSeverity>, sent: Diagnostic[]): CodeAction {
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
      .map((f) => reported.get(f))
      .filter((f): f is FindingWithSeverity => f !== undefined)
      .map((f) => sent.find((s) => isDiagnosticOf(s, f)) ?? toDiagnostic(f, uri));
  }
  if (a.isPreferred) action.isPreferred = true;
  return action;
}
