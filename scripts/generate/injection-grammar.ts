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

// ---- date pieces (Oniguruma syntax, single backslashes: JSON.stringify doubles them) ----
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// `(?!\d)` stops "February 2026" being read as day 20 of February.
const DAY = '(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)[0-9]{2}(?![0-9])';
const NUMERIC_MONTH_DAY = '(?:1[0-2]|0?[1-9])/(?:3[01]|[12][0-9]|0?[1-9])';
const NUMERIC_YEAR = '/(?:(?:19|20)[0-9]{2}|[0-9]{2})';
// Numeric dates must not be glued to a word, a path or a decimal: `/2025/07/16`, `v1.2/3`.
const NUM_BEFORE = '(?<![\\w/.])';
const NUM_AFTER = '(?![\\w/]|\\.[0-9])';
const NAMED_DATE = `${MONTH}[ \\t]+${DAY}(?:,?[ \\t]+${YEAR})?`;
const NUMERIC_DATE_OPT_YEAR = `${NUMERIC_MONTH_DAY}(?:${NUMERIC_YEAR})?`;
const RANGE_SEPARATOR = '(?:->|→|–|—|-{1,2}|\\bto\\b|\\bthrough\\b|\\bthru\\b)';
const WEEKDAY =
  '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\.?,?';

const dateCapture = { name: SCOPES.date };
const separatorCapture = { name: SCOPES.rangeSeparator };

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
  placeholders: {
    patterns: [
      {
        comment: '[FILL_IN], its Google-Docs export \\[FILL\\_IN\\], and [FILL_IN]% where a percentage was expected.',
        match: '\\\\?\\[FILL\\\\?_IN\\\\?\\]%?',
        name: SCOPES.placeholder,
      },
      { match: '\\\\?\\[PICK\\\\?_ONE\\\\?\\]', name: SCOPES.pickOne },
      { match: '\\[?\\b(?:TBD|TBC)\\b\\]?', name: SCOPES.placeholder },
      {
        comment: 'Template dates: XX/XX/2026, mm/dd/yy, mm/dd/yyyy.',
        match: '\\b(?:XX|xx)/(?:XX|xx)/(?:[0-9]{4}|[0-9]{2}|XXXX|XX|xxxx|xx)\\b|\\b(?:mm|MM)/(?:dd|DD)(?:/(?:yyyy|yy|YYYY|YY))?\\b',
        name: SCOPES.placeholder,
      },
      { match: '\\b[Ll]orem ipsum\\b', name: SCOPES.placeholder },
      { match: '\\?{3}|\\\\?\\[link here\\\\?\\]', name: SCOPES.placeholder },
      {
        comment:
          'x / xx / XXX standing in for a number: a bare field value (`Number of users: x`), before % or /, `(x users)`, `xx lorem`. Never a checkbox [x] or an x inside a word.',
        match:
          '(?<=:[ \\t]{1,3})[xX]{1,3}(?=[ \\t]*$|[ \\t]+\\(|[ \\t]+lorem\\b)|\\b[xX]{1,3}(?=[ \\t]?%)|(?<=\\()[xX]{1,3}(?=[ \\t]+users\\b)|\\b[xX]{1,3}/[xX]{1,3}\\b|\\bxx(?=[ \\t]+lorem\\b)',
        name: SCOPES.placeholder,
      },
    ],
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
  'toggle-table': {
    comment:
      'A table whose first header cell is "Toggle name" (or "Toggle", "Feature flag"…): the first cell of each row is a toggle. Ends at the first line that is not a table row.',
    // The begin swallows the header row *and its newline*: then the end (a line that starts with
    // something other than `|`, or a blank line) cannot fire at the end of the header row itself,
    // and \\G still marks the start of each following line inside a list item.
    begin: '(?i)(?:^|\\G)[ \\t]{0,3}(\\|)((?=[ \\t]*(?:\\*\\*|__)?[ \\t]*(?:feature[ \\t]+)?(?:toggle|flag)(?:[ \\t]*names?)?[ \\t]*(?:\\*\\*|__)?[ \\t]*\\|)[^\\n]*)\\n?',
    // The re-tokenized capture starts after the first pipe: were it to start at column 0, this
    // very begin pattern (injections apply inside captures too) would match it again, forever.
    beginCaptures: {
      '1': { name: 'punctuation.separator.table.release-plan' },
      '2': { patterns: [{ include: 'text.html.markdown#inline' }] },
    },
    end: '(?:^|\\G)(?=[ \\t]{0,3}[^|\\s]|[ \\t]*\\n)',
    name: SCOPES.toggleTable,
    patterns: [{ include: '#toggle-row' }, { include: 'text.html.markdown#inline' }],
  },
  'toggle-row': {
    match: '(?:^|\\G)[ \\t]{0,3}(\\|)([^|\\n]*)',
    captures: {
      '1': { name: 'punctuation.separator.table.release-plan' },
      '2': { patterns: [{ include: '#toggle-cell' }] },
    },
  },
  'toggle-cell': {
    patterns: [
      { include: '#placeholders' },
      { include: '#toggle-link' },
      {
        match: '(`)([A-Za-z][A-Za-z0-9_]*)(`)',
        name: 'markup.inline.raw.string.markdown',
        captures: {
          '1': { name: 'punctuation.definition.raw.markdown' },
          '2': { name: SCOPES.toggle },
          '3': { name: 'punctuation.definition.raw.markdown' },
        },
      },
      {
        comment:
          'A bare name counts only when it looks like an identifier (snake_case or camelCase), so "Classic Ask VA" or "TBD" in a first cell is not a toggle.',
        match: '\\b(?=[A-Za-z0-9_]*(?:_[A-Za-z0-9]|[a-z0-9][A-Z]|[A-Z]{2}[a-z]))[A-Za-z][A-Za-z0-9_]*\\b',
        name: SCOPES.toggle,
      },
      {
        comment: 'A single all-lowercase word filling the cell (`overpayments`), as the plan parser also reads it.',
        match: '(?<=^|[ \\t:*])[a-z]{4,}(?=[ \\t]*$)',
        name: SCOPES.toggle,
      },
      { include: 'text.html.markdown#inline' },
    ],
  },
  dates: {
    patterns: [
      {
        comment: 'Numeric range: 6/30/25 - 7/16/25, 7/16-7/21, 03/18-03/26/21, 9/23-8/6.',
        match: `${NUM_BEFORE}(${NUMERIC_DATE_OPT_YEAR})[ \\t]*(${RANGE_SEPARATOR})[ \\t]*(${NUMERIC_DATE_OPT_YEAR})${NUM_AFTER}`,
        name: SCOPES.dateRange,
        captures: { '1': dateCapture, '2': separatorCapture, '3': dateCapture },
      },
      {
        comment: 'Named range: May 22 - June 2, 2025; Aug 1 -> Sep 15; Oct 23 -28; Jan 13-23, 2025.',
        match: `\\b(${NAMED_DATE})[ \\t]*(${RANGE_SEPARATOR})[ \\t]*((?:${MONTH}[ \\t]+)?${DAY}(?:,?[ \\t]+${YEAR})?)\\b`,
        name: SCOPES.dateRange,
        captures: { '1': dateCapture, '2': separatorCapture, '3': dateCapture },
      },
      {
        comment: 'A numeric date needs a year (or a weekday, below) so bug counts like 2/2 stay plain.',
        match: `${NUM_BEFORE}${NUMERIC_MONTH_DAY}${NUMERIC_YEAR}${NUM_AFTER}`,
        name: SCOPES.date,
      },
      { match: `\\b${WEEKDAY}[ \\t]+${NUMERIC_DATE_OPT_YEAR}${NUM_AFTER}`, name: SCOPES.date },
      { match: `\\b${MONTH}[ \\t]+${YEAR}`, name: SCOPES.date },
      { match: `\\b${NAMED_DATE}\\b`, name: SCOPES.date },
      { match: '\\b(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:3[01]|[12][0-9]|0[1-9])\\b', name: SCOPES.date },
    ],
  },
  percentage: {
    comment: '25%, 0.5%, 100 %. Not URL escapes such as %20 or %2C, which follow letters or come before hex digits.',
    match: '(?<![\\w.%])[0-9]{1,3}(?:\\.[0-9]{1,3})?[ \\t]?%(?![0-9A-Fa-f]{2})',
    name: SCOPES.percentage,
  },
  stage: {
    comment:
      'The "Stage B" / "Stage II" / "Stage 3" label at the start of a heading, a list item or a checklist item (the way plans name their stages).',
    patterns: [
      {
        match: '(?<=^[ ]{0,3}#{1,6}[ \\t]{1,4}(?:\\*\\*|__|\\*|_)?)Stage[ \\t]+(?:[IVX]{1,4}|[A-Z]|[0-9]{1,2})\\b',
        name: SCOPES.stage,
      },
      {
        match:
          '(?<=^[ \\t]{0,8}(?:[-*+]|[0-9]{1,2}\\.)[ \\t]{1,4}(?:\\[[ xX]\\][ \\t]{1,4})?(?:\\*\\*|__)?)Stage[ \\t]+(?:[IVX]{1,4}|[A-Z]|[0-9]{1,2})\\b',
        name: SCOPES.stage,
      },
    ],
  },
};

export function buildInjectionGrammar(): InjectionGrammar {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Release plan (markdown injection)',
    scopeName: 'release-plan.injection',
    injectionSelector: 'L:text.html.markdown -comment -markup.raw -markup.inline.raw -markup.fenced_code -meta.embedded',
    comment: 'Generated by npm run generate from scripts/generate/injection-grammar.ts; edit that, not this file.',
    patterns: [
      { include: '#directive' },
      { include: '#toggle-table' },
      { include: '#toggle-link' },
      { include: '#flipper-url' },
      { include: '#placeholders' },
      { include: '#stage' },
      { include: '#dates' },
      { include: '#percentage' },
    ],
    repository,
  };
}

/** The JSON text committed as syntaxes/release-plan.injection.tmLanguage.json. */
export function renderInjectionGrammar(): string {
  return `${JSON.stringify(buildInjectionGrammar(), null, 2)}\n`;
}
