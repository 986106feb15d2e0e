// The client side of the web server's file access (releasePlan/fs/* in server/src/protocol/messages.ts): answers
// with vscode.workspace.fs and findFiles, which reach whatever file system the workspace is on.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  ExistsRequest,
  ListMarkdownRequest,
  MAX_READ_BYTES,
  ReadFileRequest,
  type ExistsResult,
  type ListMarkdownResult,
  type ReadFileResult,
} from '../../../server/src/protocol/index';
import { requestType } from '../messages';
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
    client.onRequest(requestType(ReadFileRequest), async (p): Promise<ReadFileResult> => {
      const uri = uriOf(p?.path);
      const stat = uri && (await statFile(uri));
      if (!uri || !stat || stat.size > MAX_READ_BYTES) return {};
      try {
        return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
      } catch {
        return {};
      }
    }),
    client.onRequest(requestType(ExistsRequest), async (p): Promise<ExistsResult> => {
      const uri = uriOf(p?.path);
      return { exists: !!uri && !!(await statFile(uri)) };
    }),
    client.onRequest(requestType(ListMarkdownRequest), async (p): Promise<ListMarkdownResult> => {
      const root = uriOf(p?.root);
      const limit = typeof p?.limit === 'number' && p.limit > 0 ? Math.min(p.limit, 20_000) : 0;
      if (!root || !limit) return { paths: [] };
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*.{md,markdown}'), EXCLUDE, limit);
      return { paths: found.map((u) => toServerUri(u).path) };
    }),
  ];
}
