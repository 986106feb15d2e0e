// The client side of the web server's file access (server/src/browser/fileProtocol.ts): answers
// with vscode.workspace.fs and findFiles, which reach whatever file system the workspace is on.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  EXISTS_METHOD,
  LIST_MARKDOWN_METHOD,
  MAX_READ_BYTES,
  READ_FILE_METHOD,
  type ExistsParams,
  type ExistsResult,
  type ListMarkdownParams,
  type ListMarkdownResult,
  type ReadFileParams,
  type ReadFileResult,
} from '../../../server/src/browser/fileProtocol';
import { fromServerPath, toServerUri } from './uriMapping';

// the folders node/nodeFileSystem.ts skips, plus any dot-folder
const EXCLUDE = '{**/node_modules/**,**/.*/**,**/dist/**,**/out/**,**/build/**,**/vendor/**,**/tmp/**,**/coverage/**}';

function uriOf(path: unknown): vscode.Uri | undefined {
  // `~/` (home folder) settings have no meaning in a browser
  if (typeof path !== 'string' || path === '' || path.startsWith('~')) return undefined;
  try {
    return fromServerPath(path);
  } catch {
    return undefined;
  }
}

async function statFile(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return stat.type & vscode.FileType.File ? stat : undefined;
  } catch {
    return undefined;
  }
}

export function registerFileSystem(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(READ_FILE_METHOD, async (p: ReadFileParams): Promise<ReadFileResult> => {
      const uri = uriOf(p?.path);
      const stat = uri && (await statFile(uri));
      if (!uri || !stat || stat.size > MAX_READ_BYTES) return {};
      try {
        return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
      } catch {
        return {};
      }
    }),
    client.onRequest(EXISTS_METHOD, async (p: ExistsParams): Promise<ExistsResult> => {
      const uri = uriOf(p?.path);
      return { exists: !!uri && !!(await statFile(uri)) };
    }),
    client.onRequest(LIST_MARKDOWN_METHOD, async (p: ListMarkdownParams): Promise<ListMarkdownResult> => {
      const root = uriOf(p?.root);
      const limit = typeof p?.limit === 'number' && p.limit > 0 ? Math.min(p.limit, 20_000) : 0;
      if (!root || !limit) return { paths: [] };
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*.{md,markdown}'), EXCLUDE, limit);
      return { paths: found.map((u) => toServerUri(u).path) };
    }),
  ];
}
