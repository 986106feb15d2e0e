// Tokenizes markdown the way VS Code does for a markdown file with our injection contributed:
// vscode-textmate + vscode-oniguruma (the engine and regex library VS Code ships), the markdown base
// grammar (a minimal stand-in, see the fixture's comment) and syntaxes/release-plan.injection.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';

const root = resolve(__dirname, '..', '..');
export const INJECTION_PATH = resolve(root, 'syntaxes', 'release-plan.injection.tmLanguage.json');
const MARKDOWN_PATH = resolve(root, 'test', 'fixtures', 'grammar', 'markdown-min.tmLanguage.json');

export interface Token {
  text: string;
  scopes: string[];
}

let grammarPromise: Promise<IGrammar> | undefined;

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const files: Record<string, string> = {
    'text.html.markdown': MARKDOWN_PATH,
    'release-plan.injection': INJECTION_PATH,
  };
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const file = files[scopeName];
      // Other scopes the markdown grammar could name (embedded languages) are simply absent, as in a
      // VS Code without those extensions.
      return file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // What package.json's `injectTo: ["text.html.markdown"]` makes VS Code do.
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['release-plan.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('markdown grammar did not load');
  return grammar;
}

/** Tokenizes a document given as lines; one token list per line. */
export async function tokenize(lines: string[]): Promise<Token[][]> {
  grammarPromise ??= loadGrammar();
  const grammar = await grammarPromise;
  let state: StateStack = INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** Texts of the tokens (merged when adjacent) whose innermost-to-outer scopes include one starting with `scope`. */
export function scopedTexts(tokens: Token[], scope: string): string[] {
  const out: string[] = [];
  let previousMatched = false;
  for (const token of tokens) {
    const matched = token.scopes.some((s) => s === scope || s.startsWith(`${scope}.`));
    if (matched && previousMatched) out[out.length - 1] += token.text;
    else if (matched) out.push(token.text);
    previousMatched = matched;
  }
  return out;
}
