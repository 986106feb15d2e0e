// Completion: toggle names (this plan's, the registry's, other plans'), Flipper link paths,
// [PICK_ONE] answers, the next stage label and percentage, missing template headings.
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { provideCompletions, type CompletionSuggestionKind } from '../service/index';
import type { FeatureRegistration } from './planServer';
import { guarded } from './guard';

const KIND: Record<CompletionSuggestionKind, CompletionItemKind> = {
  toggle: CompletionItemKind.Constant,
  url: CompletionItemKind.Reference,
  answer: CompletionItemKind.EnumMember,
  stage: CompletionItemKind.Snippet,
  heading: CompletionItemKind.Module,
};

export const registerCompletion: FeatureRegistration = (connection, server) => {
  connection.onCompletion(guarded(connection, 'completion', [], async (params, token): Promise<CompletionItem[] | CompletionList> => {
    const plan = await server.planFor(params.textDocument.uri, token);
    if (!plan || token.isCancellationRequested) return [];
    // Answer at once from what is loaded; while the registry or the workspace index is still
    // loading, say the list is incomplete so the editor asks again on the next keystroke instead
    // of filtering this (possibly empty) list for the rest of the word.
    const loading = server.toggles.loading;
    const view = server.toggles.catalog.withDocument(plan, params.textDocument.uri);
    const answer = provideCompletions(plan, params.position, view);
    const items = answer.items.map((s): CompletionItem => ({
      label: s.label,
      kind: KIND[s.kind],
      detail: s.detail,
      sortText: s.sortText,
      filterText: s.filterText,
      preselect: s.preselect,
      textEdit: { range: s.range, newText: s.insertText },
    }));
    return loading || answer.incomplete ? { isIncomplete: true, items } : items;
  }));
  return { completionProvider: { triggerCharacters: ['`', '/', '(', '[', '|', '#'], resolveProvider: false } };
};
