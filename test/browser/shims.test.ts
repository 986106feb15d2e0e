// The node:path / node:url shims of the web-worker bundle answer like Node's posix functions on the
// inputs the lsp layer gives them (absolute posix paths, file: URLs).
import { strict as assert } from 'node:assert';
import { posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from '../../server/src/browser/shims/path';
import * as url from '../../server/src/browser/shims/url';

describe('browser shims for node:path and node:url', () => {
  const pairs: [string, string][] = [
    ['/ws', '/ws/docs/plan.md'],
    ['/ws/', '/ws/docs/plan.md'],
    ['/ws', '/ws'],
    ['/ws/a', '/ws/b/c.md'],
    ['/ws', '/other/plan.md'],
    ['/ws', '/ws2/plan.md'],
    ['/.release-plan-vfs/vscode-vfs/github/o/r', '/.release-plan-vfs/vscode-vfs/github/o/r/config/features.yml'],
    ['/a/./b/../c', '/a/c/d'],
  ];
  it('relative and isAbsolute agree with node:path/posix', () => {
    for (const [from, to] of pairs) assert.equal(path.relative(from, to), posix.relative(from, to), `${from} → ${to}`);
    for (const p of ['/a', 'a', '../a', '', '.']) assert.equal(path.isAbsolute(p), posix.isAbsolute(p), p);
  });
  it('join agrees with node:path/posix', () => {
    for (const parts of [['/ws', 'config', 'features.yml'], ['/ws/', './x/../y.md'], ['a', 'b'], ['/'], ['', '']]) assert.equal(path.join(...parts), posix.join(...parts), parts.join(','));
  });
  it('fileURLToPath and pathToFileURL round-trip like node:url', () => {
    for (const p of ['/ws/plan.md', '/ws/with space/#1 plan?.md', '/ws/100%/ünïcode.md', '/ws/a\\b.md']) {
      assert.equal(url.pathToFileURL(p).href, pathToFileURL(p).href, p);
      assert.equal(url.fileURLToPath(url.pathToFileURL(p).href), p);
      assert.equal(url.fileURLToPath(pathToFileURL(p).href), fileURLToPath(pathToFileURL(p).href));
    }
    for (const bad of ['untitled:Untitled-1', 'file://host/x', 'file:///a%2Fb']) {
      assert.throws(() => url.fileURLToPath(bad), TypeError, bad);
      assert.throws(() => fileURLToPath(bad), TypeError, bad);
    }
  });
});
