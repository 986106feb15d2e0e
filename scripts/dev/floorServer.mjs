#!/usr/bin/env node
// The floor for bench:side: a language server on the same library as ours (vscode-languageserver over
// stdio, incremental sync, pull diagnostics) that keeps each document and reports nothing. What it
// costs to start, to take a keystroke and to answer a pull is what Node and the protocol cost on this
// machine before any plan is read: no server built this way can measure below it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DocumentDiagnosticReportKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
  },
}));
// the document is read (as a server that checks it would), nothing is found in it
connection.languages.diagnostics.on((params) => {
  documents.get(params.textDocument.uri)?.getText();
  return { kind: DocumentDiagnosticReportKind.Full, items: [] };
});
documents.listen(connection);
connection.listen();
