// Completion of toggle names in the toggle table: the plan's own toggles and the workspace registry's
// (config/features.yml), each with its description; accepting one replaces what was typed.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, openInEditor, positionOf, revertAndCloseAll, within, workspaceUri } from './helpers';

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function replaceRange(item: vscode.CompletionItem): vscode.Range | undefined {
  const r = item.range;
  return r === undefined || r instanceof vscode.Range ? r : r.replacing;
}

describe('completion', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(revertAndCloseAll);

  it('offers toggle names in a new toggle-table row, and accepting one completes the typed prefix', async () => {
    const uri = workspaceUri('seeds', '003-avs-release-plan.md');
    const editor = await openInEditor(uri);
    const doc = editor.document;
    const lastRow = doc.lineAt(positionOf(doc, '| [va_online_scheduling').line);
    await editor.edit((b) => b.insert(lastRow.range.end, '\n| avs'));
    const at = new vscode.Position(lastRow.lineNumber + 1, '| avs'.length);

    const list = await within(
      vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at),
      10_000,
      'completion',
    );
    const items = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Constant);
    const byLabel = new Map(items.map((i) => [label(i), i]));

    const avs = byLabel.get('avs_enabled');
    assert.ok(avs, `avs_enabled offered; got ${items.slice(0, 5).map(label).join(', ')}…`);
    assert.match(String(avs.detail), /After Visit Summary/, 'the registry description');
    assert.ok(byLabel.has('va_online_scheduling_after_visit_summary'), "the plan's other toggle (not in the registry)");
    const registryOnly = byLabel.get('ask_va_canary_release');
    assert.ok(registryOnly, 'a toggle known only from config/features.yml');
    assert.match(String(registryOnly.detail), /config\/features\.yml/);
    // this plan's toggles rank before the registry's
    assert.ok(String(avs.sortText ?? label(avs)) < String(registryOnly.sortText ?? label(registryOnly)));

    const range = replaceRange(avs);
    assert.ok(range, 'the item says what it replaces');
    assert.equal(doc.getText(range), 'avs');
    const insert = typeof avs.insertText === 'string' ? avs.insertText : (avs.insertText?.value ?? label(avs));
    await editor.edit((b) => b.replace(range, insert));
    assert.match(doc.lineAt(at.line).text, /^\| avs_enabled\b/);
  });
});
