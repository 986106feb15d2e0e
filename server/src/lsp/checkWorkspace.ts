// `releasePlan/checkFiles`: the client's "Check All Plans in Workspace" command sends file texts in
// batches; the server answers with the same diagnostics an open editor would show. The client reads
// the files (it knows the workspace's file systems, remote ones included); the server stays pure.
import type { Diagnostic } from 'vscode-languageserver';
import { CheckFilesRequest, type CheckFilesResult } from '../protocol/index';
import type { FeatureRegistration } from './planServer';
import { requestType } from './messages';
import { errorText } from './guard';
import { nextTurn } from './longWork';

export const registerCheckWorkspace: FeatureRegistration = (connection, server) => {
  connection.onRequest(requestType(CheckFilesRequest), async (params, token) => {
    const results: CheckFilesResult['results'] = [];
    for (const f of params.files) {
      // a batch parses and checks many files: let the event loop run between them, so a live-status
      // answer, a keystroke or a cancellation is not held behind the whole batch
      await nextTurn();
      if (token.isCancellationRequested) break;
      let diagnostics: Diagnostic[] | undefined;
      try {
        // an open file's editor text (perhaps unsaved) is what the user sees, so it wins over the text read from disk
        diagnostics = server.documents.get(f.uri) ? await server.diagnosticsFor(f.uri) : await server.diagnoseClosed(f.uri, f.text);
      } catch (err) {
        // one file's failure is that file's empty result, never the batch's
        connection.console.error(`release-plan: checking ${f.uri} failed: ${errorText(err)}`);
        diagnostics = [];
      }
      results.push({ uri: f.uri, isPlan: diagnostics !== undefined, diagnostics: diagnostics ?? [] });
    }
    return { results };
  });
  return {};
};
