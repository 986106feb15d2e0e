// Semantic tokens (full and range) for documents the server has detected as release plans; any other
// markdown gets none, so nothing in a README or meeting notes turns red. The service finds the tokens;
// this encodes them into the protocol's relative five-integer form against the advertised legend.
import type { SemanticTokens } from 'vscode-languageserver';
import { provideSemanticTokens, type PlanToken, type Range, TOKEN_MODIFIERS, TOKEN_TYPES } from '../service/index';
import type { FeatureRegistration } from './planServer';

export const SEMANTIC_TOKENS_LEGEND = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export function encodeTokens(tokens: readonly PlanToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const t of tokens) {
    const deltaLine = t.line - line;
    const deltaStart = deltaLine === 0 ? t.character - character : t.character;
    const modifiers = t.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    data.push(deltaLine, deltaStart, t.length, TOKEN_TYPES.indexOf(t.type), modifiers);
    line = t.line;
    character = t.character;
  }
  return data;
}

export const registerSemanticTokens: FeatureRegistration = (connection, server) => {
  const tokensFor = async (uri: string, range?: Range): Promise<SemanticTokens> => {
    const plan = await server.planFor(uri);
    return { data: plan ? encodeTokens(provideSemanticTokens(plan, range)) : [] };
  };
  connection.languages.semanticTokens.on((params) => tokensFor(params.textDocument.uri));
  connection.languages.semanticTokens.onRange((params) => tokensFor(params.textDocument.uri, params.range));
  return { semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true } };
};
