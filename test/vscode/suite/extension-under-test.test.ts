// The extension the suite drives is the one the runner asked for: this checkout for test:vscode, the
// copy installed from the .vsix for test:package — so a passing package run proves the package.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers';

describe('the extension under test', () => {
  it('is loaded from the path the runner gave, and runs its bundled server from there', async () => {
    const api = await activateExtension();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const expected = process.env.RELEASE_PLAN_EXPECT_EXTENSION_PATH;
    assert.ok(expected, 'the runner says which extension it loaded');
    assert.equal(ext.extensionPath, expected);
    assert.ok(api.ready instanceof Promise);
    const main = (ext.packageJSON as { main: string }).main;
    assert.equal(main, './dist/client.js');
    // the bundled server answers: the client is running
    await api.ready;
  });
});
