// Documents built to hurt: shared by the fuzzer (scripts/dev/fuzz) and the huge-table benchmark
// (scripts/dev/bench-huge.ts), so both measure the same shapes.

/** A toggle table of `rows` rows (about 48 characters each: 10,000 rows ≈ 470 KB) under a plan's text. */
export function hugeTablePlan(plan: string, rows: number, eol: '\n' | '\r\n' = '\n', cells: 'code' | 'link' = 'code'): string {
  const name = (i: number) => `feature_toggle_${String(i).padStart(5, '0')}`;
  const body = Array.from({ length: rows }, (_, i) => (cells === 'code' ? `| \`${name(i)}\` | Enables thing ${i} |` : `| [${name(i)}](https://api.va.gov/flipper/features/${name(i)}) | ${i} |`));
  return (plan + '\n\n## More feature toggles\n\n| Toggle name | Description |\n|---|---|\n' + body.join('\n') + '\n').replace(/\r?\n/g, eol);
}

/** `depth` nested list items, each one level deeper than the last. */
export function deepList(depth: number): string {
  return Array.from({ length: depth }, (_, i) => ' '.repeat(i * 2) + `- Stage ${String.fromCharCode(65 + (i % 26))}: ${i % 100}%`).join('\n');
}

/** `depth` nested blockquotes on one line. */
export function deepQuote(depth: number): string {
  return '> '.repeat(depth) + '### Stage A: 5%\n' + '> '.repeat(depth) + '- Percentage of Users: [FILL_IN]';
}

/** A single line of about `chars` characters of plan-ish text with no newline. */
export function hugeLine(chars: number): string {
  const unit = 'Stage A 5% [FILL_IN] 1/2/25 - 1/9/25 `toggle_name` [x](https://api.va.gov/flipper/features/x%) TBD ';
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** Fragments that have broken parsers: malformed escapes and links, unclosed constructs, odd code points. */
export const NASTY = [
  '[avs_enabled](https://api.va.gov/flipper/features/avs_enabled%)',
  '[x](https://api.va.gov/flipper/features/%E0%A4)',
  '[y](https://x.y/%_)',
  '[z](<https://api.va.gov/flipper/features/a b>)',
  '[unclosed](https://api.va.gov/flipper/features/',
  '```\nunclosed fence',
  '~~~~',
  '<details><summary>',
  '<!-- unclosed comment',
  '<div',
  '\u0000',
  '\uD800',
  '\uDC00',
  '\uFEFF',
  '\u200B',
  '\u200F',
  '\u202E',
  '\u2066',
  '\r',
  '\r\n',
  '\t',
  '|',
  '| --- |',
  '`',
  '**',
  '\\',
  '&#xD800;',
  '&amp',
  '%',
  '[FILL_IN]',
  '[PICK_ONE]',
  'Stage A: 5%',
  '### Stage B: 200%',
  '- Length of time: 3 days (2/30/2025 - 7/3/2025)',
  '<!-- release-plan-disable-next-line nope -->',
  '😀',
  'ﷺ',
];
