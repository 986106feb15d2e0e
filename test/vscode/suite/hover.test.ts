// Hover on a feature toggle — on its name and on its Flipper link — shows the registry's description
// (from the workspace's config/features.yml) and a link to the toggle's Flipper page; hover on a
// stage's date range spells out the weekdays and the length.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, hoverText, openInEditor, positionOf, within, workspaceUri } from './helpers';

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await within(vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position), 10_000, 'hover');
  return hoverText(hovers ?? []);
}

describe('hover', () => {
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;
  before(async () => {
    await activateExtension();
    uri = workspaceUri('seeds', '003-avs-release-plan.md');
    doc = (await openInEditor(uri)).document;
  });
  after(closeAllEditors);

  it('on a toggle name: the registry description and the Flipper page', async () => {
    // text from outside the document is rendered untrusted: no command links, no HTML
    const hovers = await within(vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(doc, '[avs_enabled]', 3)), 10_000, 'hover');
    for (const part of (hovers ?? []).flatMap((h) => h.contents)) {
      if (part instanceof vscode.MarkdownString) assert.ok(!part.isTrusted && !part.supportHtml, 'a hover must never be trusted markdown');
    }
    const text = await hoverAt(uri, positionOf(doc, '[avs_enabled]', 3));
    assert.match(text, /avs_enabled/);
    assert.match(text, /Enables the After Visit Summary API\./);
    assert.match(text, /config\/features\.yml/);
    assert.match(text, /https:\/\/api\.va\.gov\/flipper\/features\/avs_enabled/);
  });

  it("on the toggle's Flipper link: the same toggle", async () => {
    const text = await hoverAt(uri, positionOf(doc, '(https://api.va.gov/flipper/features/avs_enabled)', 20));
    assert.match(text, /Enables the After Visit Summary API\./);
  });

  it("on a stage's date range: weekdays, the length, and whether the declared length agrees", async () => {
    const seed = workspaceUri('seeds', '000-dispute-debt-release-plan.md');
    const seedDoc = (await openInEditor(seed)).document;
    const text = await hoverAt(seed, positionOf(seedDoc, 'Six Days 7/16/25 - 7/21/25', 'Six Days '.length + 1));
    assert.match(text, /Wed, Jul 16, 2025/);
    assert.match(text, /Mon, Jul 21, 2025/);
    assert.match(text, /6 days/);
    assert.match(text, /'Six Days'.*agrees/);
  });

  it('on a toggle missing from the registry: says so rather than inventing a description', async () => {
    const text = await hoverAt(uri, positionOf(doc, '[va_online_scheduling_after_visit_summary]', 3));
    assert.match(text, /va_online_scheduling_after_visit_summary/);
    assert.doesNotMatch(text, /Enables the After Visit Summary API/);
  });
});
