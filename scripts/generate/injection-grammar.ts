// Source of syntaxes/release-plan.injection.tmLanguage.json. The date and range expressions repeat
// the same month/day/year pieces several times, and JSON regex strings with doubled backslashes are
// where such grammars rot, so the pieces are written once here and composed. `npm run
// generate` writes the JSON; test/grammar checks the committed file matches.
//
// Design notes (why the grammar looks the way it does):
// - It is an *injection* into text.html.markdown, so the markdown grammar keeps tokenizing headings,
//   lists, links and code; these patterns are consulted at every position whose scope matches the
//   selector. `L:` makes them win ties with markdown rules that start at the same character, which is
//   what lets `[FILL_IN]` beat markdown's shortcut-reference-link rule and a Flipper link keep its
//   toggle name (markdown's inline-link rule is a single match with no inner patterns).
// - Code (fenced, indented, inline), comments and front matter are excluded by the selector.
// - Every scope ends in `.release-plan`, after a standard TextMate prefix that themes already colour.
// - It colours only what cannot be mistaken in markdown that is not a release plan: this tool's own
//   disable/enable comments and Flipper feature links (`…/flipper/features/NAME` names a toggle
//   wherever it is written). An injection applies to every markdown file, and `TBD`, `???`,
//   `[FILL_IN]`, dates, percentages and `Stage A` headings are ordinary text in notes and READMEs, so
//   those are coloured by the language server's semantic tokens, for documents it has detected as
//   plans (server/src/service/features/semanticTokens.ts). The SCOPES below are still the scopes
//   those token types fall back to (package.json contributes.semanticTokenScopes), so a theme that
//   styled the old grammar styles the tokens the same way.

type Captures = Record<string, { name?: string; patterns?: Rule[] }>;

interface Rule {
  comment?: string;
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  patterns?: Rule[];
  include?: string;
}

export interface InjectionGrammar {
  $schema: string;
  name: string;
  scopeName: string;
  injectionSelector: string;
  comment: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

export const SCOPES = {
  placeholder: 'invalid.illegal.placeholder.release-plan',
  pickOne: 'invalid.illegal.pick-one.release-plan',
  toggle: 'variable.other.constant.toggle.release-plan',
  date: 'constant.numeric.date.release-plan',
  dateRange: 'meta.date-range.release-plan',
  rangeSeparator: 'keyword.operator.range.release-plan',
  percentage: 'constant.numeric.percentage.release-plan',
  stage: 'keyword.control.stage.release-plan',
  toggleTable: 'meta.table.toggles.release-plan',
  directive: 'keyword.other.directive.release-plan',
  checkId: 'constant.language.check-id.release-plan',
} as const;

const repository: Record<string, Rule> = {
  directive: {
    comment: 'A release-plan disable/enable comment: the directive and its check ids stand out inside the comment.',
    match:
      '(<!--)[ \\t]*(release-plan-(?:disable-next-line|disable-line|disable-file|disable|enable))(?![\\w-])((?:[ \\t]+[a-z][a-z0-9-]*)*)[ \\t]*(-->)',
    name: 'comment.block.html meta.directive.release-plan',
    captures: {
      '1': { name: 'punctuation.definition.comment.html' },
      '2': { name: SCOPES.directive },
      '3': { patterns: [{ match: '[a-z][a-z0-9-]*', name: SCOPES.checkId }] },
      '4': { name: 'punctuation.definition.comment.html' },
    },
  },
  'toggle-link': {
    comment: 'A Flipper feature link, [name](https://api.va.gov/flipper/features/name): keeps markdown link scopes, adds the toggle scope to both names.',
    match:
      '(\\[)(`?)([A-Za-z][A-Za-z0-9_.-]*?)(`?)(\\])(\\()((?:https?://)[^\\s()]*?/flipper/features/([A-Za-z0-9_]+)/?)(\\))',
    name: 'meta.link.inline.markdown meta.toggle.release-plan',
    captures: {
      '1': { name: 'punctuation.definition.string.begin.markdown' },
      '2': { name: 'punctuation.definition.raw.markdown' },
      '3': { name: `string.other.link.title.markdown ${SCOPES.toggle}` },
      '4': { name: 'punctuation.definition.raw.markdown' },
      '5': { name: 'punctuation.definition.string.end.markdown' },
      '6': { name: 'punctuation.definition.metadata.markdown' },
      '7': { name: 'markup.underline.link.markdown' },
      '8': { name: SCOPES.toggle },
      '9': { name: 'punctuation.definition.metadata.markdown' },
    },
  },
  'flipper-url': {
    comment: 'A bare Flipper feature URL in prose.',
    match: '\\bhttps?://[^\\s()<>|\\]]*?/flipper/features/([A-Za-z0-9_]+)\\b',
    name: 'markup.underline.link.markdown meta.toggle.release-plan',
    captures: { '1': { name: SCOPES.toggle } },
  },
};

export function buildInjectionGrammar(): InjectionGrammar {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Release plan (markdown injection)',
    scopeName: 'release-plan.injection',
    injectionSelector: 'L:text.html.markdown -comment -markup.raw -markup.inline.raw -markup.fenced_code -meta.embedded',
    comment: 'Generated by npm run generate from scripts/generate/injection-grammar.ts; edit that, not this file.',
    patterns: [{ include: '#directive' }, { include: '#toggle-link' }, { include: '#flipper-url' }],
    repository,
  };
}

/** The JSON text committed as syntaxes/release-plan.injection.tmLanguage.json. */
export function renderInjectionGrammar(): string {
  return `${JSON.stringify(buildInjectionGrammar(), null, 2)}\n`;
}
