import { strict as assert } from 'node:assert';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceFolders } from '../../server/src/lsp/workspaceFolders';

describe('WorkspaceFolders', () => {
  // a folder that need not exist: only paths are compared
  const root = join(tmpdir(), 'release-plan-folders', 'plans-repo');
  const folder = { uri: pathToFileURL(root).href, name: 'plans' };
  const doc = pathToFileURL(join(root, 'docs', 'stage-a-release-plan.md')).href;

  it('gives a document its workspace-relative path, and the whole path outside every folder', () => {
    const folders = new WorkspaceFolders();
    folders.set([folder]);
    assert.equal(folders.relativePath(doc), join('docs', 'stage-a-release-plan.md'));
    assert.equal(folders.relativePath(doc), join('docs', 'stage-a-release-plan.md'), 'asked again');
    const elsewhere = join(tmpdir(), 'release-plan-elsewhere', 'x.md');
    assert.equal(folders.relativePath(pathToFileURL(elsewhere).href), elsewhere);
    assert.equal(folders.relativePath('untitled:Untitled-1'), undefined);
  });

  it('answers from the folders as they are now, after they change', () => {
    const folders = new WorkspaceFolders();
    folders.set([folder]);
    assert.equal(folders.relativePath(doc), join('docs', 'stage-a-release-plan.md'));
    folders.update({ added: [], removed: [folder] });
    assert.equal(folders.relativePath(doc), join(root, 'docs', 'stage-a-release-plan.md'), 'the folder was closed');
    folders.update({ added: [{ uri: pathToFileURL(join(root, 'docs')).href, name: 'docs' }], removed: [] });
    assert.equal(folders.relativePath(doc), 'stage-a-release-plan.md', 'a folder was opened');
    folders.set([folder]);
    assert.equal(folders.relativePath(doc), join('docs', 'stage-a-release-plan.md'), 'all folders replaced');
  });
});
