// The run is only worth something if the extension under test really is the web build in a worker:
// no Node in this host, and the manifest it was loaded from has a `browser` entry and no `main`.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from '../suite/helpers';

describe('web extension host', () => {
  it('runs the browser build in a worker without Node', async () => {
    const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
    assert.equal(node, undefined, 'this extension host has Node: not the web worker host');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const manifest = ext.packageJSON as { main?: string; browser?: string };
    assert.equal(manifest.main, undefined);
    assert.equal(manifest.browser, './dist/browser/client.js');
    await activateExtension();
    assert.equal(ext.isActive, true);
  });
});
