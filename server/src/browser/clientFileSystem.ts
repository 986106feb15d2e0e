// The web worker's ServerFileSystem: every read is a request to the client (fileProtocol.ts), which
// answers from the editor's file systems. A client that does not answer (another editor, an old
// client) leaves the features that need files off, exactly like NO_FILE_SYSTEM.
import type { Connection } from 'vscode-languageserver';
import type { ServerFileSystem } from '../lsp/fileSystem';
import {
  EXISTS_METHOD,
  LIST_MARKDOWN_METHOD,
  READ_FILE_METHOD,
  type ExistsParams,
  type ExistsResult,
  type ListMarkdownParams,
  type ListMarkdownResult,
  type ReadFileParams,
  type ReadFileResult,
} from './fileProtocol';

export function clientFileSystem(connection: Connection): ServerFileSystem {
  async function ask<P, R>(method: string, params: P): Promise<R | undefined> {
    try {
      return await connection.sendRequest<R>(method, params);
    } catch {
      return undefined;
    }
  }
  return {
    async readFile(path) {
      const r = await ask<ReadFileParams, ReadFileResult>(READ_FILE_METHOD, { path });
      return typeof r?.text === 'string' ? r.text : undefined;
    },
    async exists(path) {
      const r = await ask<ExistsParams, ExistsResult>(EXISTS_METHOD, { path });
      return r?.exists === true;
    },
    async listMarkdown(root, limit) {
      const r = await ask<ListMarkdownParams, ListMarkdownResult>(LIST_MARKDOWN_METHOD, { root, limit });
      const paths = Array.isArray(r?.paths) ? r.paths.filter((p): p is string => typeof p === 'string') : [];
      return paths.slice(0, limit).sort();
    },
  };
}
