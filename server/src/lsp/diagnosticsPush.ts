// Diagnostics for clients that cannot pull them (`textDocument/diagnostic`): pushed once typing pauses,
// and cleared when the document closes. Pull clients are asked to re-pull instead (server.ts).
import { errorText } from './guard';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const PAUSE_MS = 150;

export class DiagnosticsPush {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly diagnosticsFor: (uri: string) => Promise<Diagnostic[]>,
    private readonly pulls: () => boolean,
  ) {}

  /** Pushes a document's diagnostics after the pause (a later call restarts it). */
  schedule(uri: string): void {
    if (this.pulls()) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const doc = this.documents.get(uri);
        if (!doc) return;
        this.diagnosticsFor(uri).then(
          (diagnostics) => this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics }),
          (err: unknown) => this.connection.console.error(`release-plan: diagnostics failed on ${uri}: ${errorText(err)}`),
        );
      }, PAUSE_MS),
    );
  }

  /** Re-pushes every open document's diagnostics. */
  all(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (!this.pulls()) this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
