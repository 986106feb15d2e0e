// Server commands (workspace/executeCommand), so every LSP client gets them, not just VS Code:
//   releasePlan.reveal [uri, position]   — move the editor there (CodeLens clicks), via window/showDocument;
//   releasePlan.insertTimeline [uri]     — write or refresh the plan's mermaid timeline block, via workspace/applyEdit.
import type { Position } from 'vscode-languageserver';
import { timelineEdit } from '../service/index';
import type { FeatureRegistration } from './planServer';

export const REVEAL_COMMAND = 'releasePlan.reveal';
export const INSERT_TIMELINE_COMMAND = 'releasePlan.insertTimeline';

function isPosition(p: unknown): p is Position {
  return !!p && typeof p === 'object' && Number.isInteger((p as Position).line) && Number.isInteger((p as Position).character);
}

export const registerPlanCommands: FeatureRegistration = (connection, server) => {
  connection.onExecuteCommand(async (params) => {
    const [uri, arg] = params.arguments ?? [];
    if (typeof uri !== 'string') return { ok: false, reason: 'expected a document URI' };
    if (params.command === REVEAL_COMMAND) {
      if (!isPosition(arg)) return { ok: false, reason: 'expected a position' };
      const result = await connection.window.showDocument({ uri, selection: { start: arg, end: arg }, takeFocus: true });
      return { ok: result.success };
    }
    if (params.command === INSERT_TIMELINE_COMMAND) {
      const doc = server.documents.get(uri);
      const plan = await server.planFor(uri);
      if (!doc || !plan) return { ok: false, reason: 'not an open release plan' };
      const edit = timelineEdit(plan);
      if (!edit) return { ok: true, changed: false, reason: plan.stages.length === 0 ? 'the plan has no stages' : 'the diagram is up to date, or no stage has dates' };
      const result = await connection.workspace.applyEdit({
        label: edit.mode === 'insert' ? 'Insert timeline diagram' : 'Refresh timeline diagram',
        edit: { documentChanges: [{ textDocument: { uri, version: doc.version }, edits: [{ range: edit.range, newText: edit.newText }] }] },
      });
      return { ok: result.applied, changed: result.applied, mode: edit.mode };
    }
    return { ok: false, reason: `unknown command ${params.command}` };
  });
  return { executeCommandProvider: { commands: [REVEAL_COMMAND, INSERT_TIMELINE_COMMAND] } };
};
