// Outline, breadcrumbs and folding of a plan (documentSymbol, foldingRange) and "go to symbol in
// workspace" for toggle names (workspace/symbol): the service computes them (features/outline);
// this maps them to LSP shapes. Non-plans get nothing, so plain markdown keeps only the editor's own.
import { relative } from 'node:path';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type WorkspaceSymbol } from 'vscode-languageserver';
import { findTimelineBlock, provideFoldingRanges, type PlanSymbol, type PlanSymbolKind, provideDocumentSymbols, type ReleasePlan, provideWorkspaceToggleSymbols } from '../service/index';
import type { FeatureRegistration } from './planServer';
import { uriToPath } from './paths';

const KINDS: Record<PlanSymbolKind, SymbolKind> = {
  toggles: SymbolKind.Struct,
  toggle: SymbolKind.Boolean,
  phase: SymbolKind.Namespace,
  rollout: SymbolKind.Package,
  stage: SymbolKind.Event,
  section: SymbolKind.Module,
  timeline: SymbolKind.Object,
};

function toDocumentSymbol(s: PlanSymbol): DocumentSymbol {
  const out: DocumentSymbol = { name: s.name || ' ', kind: KINDS[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toDocumentSymbol) };
  if (s.detail) out.detail = s.detail;
  return out;
}

export const registerOutline: FeatureRegistration = (connection, server) => {
  connection.onDocumentSymbol(async (params, token): Promise<DocumentSymbol[]> => {
    const plan = await server.planFor(params.textDocument.uri);
    if (!plan || token.isCancellationRequested) return [];
    return provideDocumentSymbols(plan, server.service.clock(), findTimelineBlock(plan)).map(toDocumentSymbol);
  });

  connection.onFoldingRanges(async (params, token): Promise<FoldingRange[]> => {
    const plan = await server.planFor(params.textDocument.uri);
    if (!plan || token.isCancellationRequested) return [];
    return provideFoldingRanges(plan, findTimelineBlock(plan)).map((f) => {
      const r: FoldingRange = { startLine: f.startLine, endLine: f.endLine };
      if (f.kind) r.kind = f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region;
      return r;
    });
  });

  connection.onWorkspaceSymbol(async (params, token): Promise<WorkspaceSymbol[]> => {
    const label = (uri: string) => {
      const path = uriToPath(uri);
      const root = path && server.workspaceFolders.map((f) => uriToPath(f.uri)).find((r) => r && path.startsWith(r));
      return path && root ? relative(root, path) : (path ?? uri);
    };
    const open: Array<{ uri: string; label: string; plan: ReleasePlan }> = [];
    for (const doc of server.documents.all()) {
      const plan = await server.planFor(doc.uri);
      if (plan) open.push({ uri: doc.uri, label: label(doc.uri), plan });
    }
    if (token.isCancellationRequested) return [];
    return provideWorkspaceToggleSymbols(params.query, server.toggles.index.entries(), open).map((s) => ({
      name: s.name,
      kind: SymbolKind.Boolean,
      containerName: s.container,
      location: { uri: s.uri, range: s.range },
    }));
  });

  return { documentSymbolProvider: { label: 'Release plan' }, foldingRangeProvider: true, workspaceSymbolProvider: true };
};
