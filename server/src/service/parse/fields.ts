// Recognises `Label: value` lines in their real-world shapes: `Label: value`, `**Label:** value`,
// `**Label**: value`, `Label?: value`, and the template's question labels that end in `?` with the
// answer on the same line (`…VA challenges? [PICK_ONE]: yes/no`).
import { boundedMemo } from '../memo';

export interface FieldSplit {
  labelStart: number;
  labelEnd: number;
  label: string;
  /** Offset just after the separator (and any closing emphasis). */
  valueStart: number;
}

const MAX_LABEL = 200;

/**
 * Splits one line of source text into label and value, offsets relative to the line; undefined when
 * it is not a label/value pair. The block scan calls it once per line of a chunk it analyses (see
 * blocks.ts), so a keystroke splits only the lines of the chunk it changed.
 */
export function splitFieldAt(line: string): FieldSplit | undefined {
  // every separator is a `:` or a `?`
  if (line.indexOf(':') < 0 && line.indexOf('?') < 0) return undefined;
  let i = 0;
  // a task-list box remark left in the text, a bullet pasted from a document (`• Label:`), emphasis
  const lead = /^(?:\[[ xX]\]\s+)?(?:[•·▪◦]\s*)?(\*\*|__|\*(?!\s)|_(?!\s))?/.exec(line);
  if (lead) i = lead[0].length;
  const labelStart = i;
  let sep = -1;
  let sepLen = 0;
  for (let j = i; j < line.length && j - i <= MAX_LABEL; j++) {
    const c = line[j];
    if (c === ':') {
      const rest = line.slice(j + 1);
      if (rest === '' || /^(\*\*|__|\*|_)*(\s|$)/.test(rest)) {
        sep = j;
        sepLen = 1;
        break;
      }
      // `https:`, `10:30` and the like are part of the text
      continue;
    }
    if (c === '?' && j > labelStart) {
      const rest = line.slice(j + 1);
      const colon = /^(\*\*|__)?:/.exec(rest);
      if (colon) {
        // `Question?: answer` — the `?` is part of the label, the `:` is the separator
        sep = j + 1;
        sepLen = colon[0].length;
        break;
      }
      if (/^(\*\*|__)?\s/.test(rest) || rest === '' || /^(\*\*|__|\*|_)\s*$/.test(rest)) {
        // question label: the `?` stays in the label (also inside emphasis: `_Any changes necessary…?_`)
        sep = j + 1;
        sepLen = 0;
        break;
      }
    }
  }
  if (sep < 0) return undefined;
  let labelEnd = sep;
  let label = line.slice(labelStart, labelEnd);
  // `**Label**:` — emphasis closed before the colon
  const closed = /(\*\*|__)$/.exec(label);
  if (closed) {
    labelEnd -= closed[0].length;
    label = line.slice(labelStart, labelEnd);
  }
  const trimmedEnd = label.replace(/\s+$/, '');
  labelEnd = labelStart + trimmedEnd.length;
  label = trimmedEnd;
  if (!/[A-Za-z]/.test(label) || label.length > MAX_LABEL) return undefined;
  if (/https?:|\]\(/.test(label)) return undefined;
  let valueStart = sep + sepLen;
  const closing = /^(\*\*|__)/.exec(line.slice(valueStart));
  if (closing) valueStart += closing[0].length;
  return { labelStart, labelEnd, label: label.replace(/[*_]{2}/g, '').trim(), valueStart };
}

/** Template field labels, normalised (lowercase, no punctuation at the ends) → short key. */
export const normalizeLabel = boundedMemo(20_000, (label: string): string =>
  label.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').replace(/^[\s\W]+|[\s:?.]+$/g, ''),
);
