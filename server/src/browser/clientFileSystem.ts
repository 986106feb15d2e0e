// The web worker's ServerFileSystem: every read is a request to the client (releasePlan/fs/* in
// protocol/messages.ts), which
// answers from the editor's file systems. A client that does not answer (another editor, an old
// client) leaves the features that need files off, exactly like NO_FILE_SYSTEM.
import type { Connection } from 'vscode-languageserver';
import type { ServerFileSystem } from '../lsp/fileSystem';
import { requestType } from '../lsp/messages';
import { ExistsRequest, ListMarkdownRequest, ReadFileRequest, type RequestDescriptor } from '../protocol/index';

export function clientFileSystem(connection: Connection): ServerFileSystem {
  async function ask<P, R>(descriptor: RequestDescriptor<P, R>, params: P): Promise<R | undefined> {
    try {
      return await connection.sendRequest(requestType(descriptor), params);
    } catch {
      return undefined;
    }
  }
  return {
    async readFile(path) {
      const r = await ask(ReadFileRequest, { path });
      return typeof r?.text === 'string' ? r.text : undefined;
    },
    async exists(path) {
      const r = await ask(ExistsRequest, { path });
      return r?.exists === true;
    },
    async listMarkdown(root, limit) {
      const r = await ask(ListMarkdownRequest, { root, limit });
      const paths = Array.isArray(r?.paths) ? r.paths.filter((p): p is string => typeof p === 'string') : [];
      return paths.slice(0, limit).sort();
    },
  };
}
