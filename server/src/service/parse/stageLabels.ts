// Stage labels ↔ their place in the sequence: A=1, II=2, 3=3. One definition for the parser, the
// stage-sequence check and the code actions that name new stages.
import type { StageLabelKind } from './model';

const ROMAN_TABLE: ReadonlyArray<[number, string]> = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
const ROMAN_DIGITS: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };

export function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN_TABLE) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

export function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = ROMAN_DIGITS[s[i]];
    const next = ROMAN_DIGITS[s[i + 1]] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** The label at `ordinal` in a sequence of `kind`, or undefined past the end (Z, XXXIX). */
export function stageLabelAt(ordinal: number, kind: StageLabelKind): string | undefined {
  if (kind === 'number') return String(ordinal);
  if (kind === 'roman') return ordinal >= 1 && ordinal <= 39 ? toRoman(ordinal) : undefined;
  return ordinal >= 1 && ordinal <= 26 ? String.fromCharCode(64 + ordinal) : undefined;
}
