// Completion: toggle names (this plan's, the registry's, other plans'), Flipper link paths,
// [PICK_ONE] answers, the next stage label and percentage, missing template headings.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { toggleCompletions, type CompletionSuggestionKind } from '../service/features/toggleCompletions';
import type { FeatureRegistration } from './features';
import { guarded } from './guard';

const KIND: Record<CompletionSuggestionKind, CompletionItemKind> = {
  toggle: CompletionItemKind.Constant,
  url: CompletionItemKind.Reference,
  answer: CompletionItemKind.EnumMember,
  stage: CompletionItemKind.Snippet,
  heading: CompletionItemKind.Module,
};

export const registerCompletion: FeatureRegistration = (connection, server) => {
  connection.onCompletion(guarded(connection, 'completion', [], async (params, token): Promise<CompletionItem[]> => {
    const plan = await server.planFor(params.textDocument.uri, token);
    if (!plan || token.isCancellationRequested) return [];
    const view = server.toggles.catalog.withDocument(plan, params.textDocument.uri);
    return toggleCompletions(plan, params.position, view).map((s) => ({
      label: s.label,
      kind: KIND[s.kind],
      detail: s.detail,
      sortText: s.sortText,
      filterText: s.filterText,
      preselect: s.preselect,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: s.range, newText: s.insertText },
    }));
  }));
  return { completionProvider: { triggerCharacters: ['`', '/', '(', '[', '|', '#'], resolveProvider: false } };
};
