// The layer boundaries in eslint.config.mjs must actually bite: a file in each layer that breaks the
// rule is linted with the project's real config (as `npm run lint` would see it at that path) and
// must be reported; the same file keeping to its side must not.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..');

async function restrictedImports(relativePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, relativePath) });
  assert.equal(result.fatalErrorCount, 0, result.messages.map((m) => m.message).join('\n'));
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2).map((m) => m.message);
}

describe('layer boundaries (eslint no-restricted-imports)', function () {
  this.timeout(60_000);

  it('a service file may not import vscode-languageserver, vscode or a Node built-in (node:fs, bare fs)', async () => {
    const messages = await restrictedImports(
      'server/src/service/boundaryProbe.ts',
      [
        "import { createConnection } from 'vscode-languageserver/node';",
        "import { readFileSync } from 'node:fs';",
        "import { join } from 'path';",
        "import type * as vscode from 'vscode';",
        'export const probe = [createConnection, readFileSync, join] as const;',
        'export type Probe = vscode.Uri;',
        '',
      ].join('\n'),
    );
    assert.equal(messages.length, 4, messages.join('\n'));
    assert.ok(messages.some((m) => /'vscode-languageserver\/node'/.test(m)));
    assert.ok(messages.some((m) => /'node:fs'/.test(m)));
  });

  it('a service file importing only the service is clean', async () => {
    const messages = await restrictedImports('server/src/service/boundaryProbe.ts', "import { parsePlan } from './parse/index';\nexport const probe = parsePlan;\n");
    assert.deepEqual(messages, []);
  });

  it('the client imports from server/ only the protocol module', async () => {
    const deep = await restrictedImports('client/src/boundaryProbe.ts', "import { parsePlan } from '../../server/src/service/index';\nexport const probe = parsePlan;\n");
    assert.equal(deep.length, 1, deep.join('\n'));
    const protocol = await restrictedImports('client/src/boundaryProbe.ts', "import { tokenKey } from '../../server/src/protocol/index';\nexport const probe = tokenKey;\n");
    assert.deepEqual(protocol, []);
  });

  it('an adapter reaches the service only through service/index.ts', async () => {
    const deep = await restrictedImports('server/src/lsp/boundaryProbe.ts', "import { parsePlan } from '../service/parse/index';\nexport const probe = parsePlan;\n");
    assert.equal(deep.length, 1, deep.join('\n'));
    const surface = await restrictedImports('server/src/cli/boundaryProbe.ts', "import { parsePlan } from '../service/index';\nexport const probe = parsePlan;\n");
    assert.deepEqual(surface, []);
  });
});
