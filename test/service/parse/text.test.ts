import { strict as assert } from 'node:assert';
import { LineIndex, lineBreakAt } from '../../../server/src/service/parse/text';
import { corpusFiles, read, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';

// Every offset just after a line break, by the definition itself (lineBreakAt at each character).
function referenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (lineBreakAt(text, i)) starts.push(i + 1);
  return starts;
}

describe('LineIndex', () => {
  it('finds the line starts the definition gives, with LF, CRLF, lone CR and mixed breaks', () => {
    const texts = ['', 'one line', 'a\nb\n', '\n\n\n', 'a\r\nb\r\n', 'a\rb\rc', 'a\r\n\rb\n\r\nc\r', 'last\n'];
    for (const f of [SEED_DISPUTE_DEBT, ...corpusFiles().slice(0, 20)]) {
      const text = read(f);
      texts.push(text, text.replace(/\r?\n/g, '\r\n'), text.replace(/\r?\n/g, '\r'));
    }
    for (const text of texts) assert.deepEqual(new LineIndex(text).lineStarts, referenceStarts(text), JSON.stringify(text.slice(0, 40)));
  });

  it('rangeFromLine gives range() for every span that starts on the line, lone CRs and CRLF included', () => {
    for (const text of ['', 'label: value', 'a: b\nc: d\n', 'a: b\r\nc\r\n', 'a: b\rc: d\re', 'x\r\n\ry: z\n\r\n']) {
      const lines = new LineIndex(text);
      for (let line = 0; line < lines.lineCount; line++) {
        for (let start = lines.lineStarts[line]; start <= lines.lineEnd(line); start++) {
          for (let end = start; end <= text.length; end++) assert.deepEqual(lines.rangeFromLine(line, start, end), lines.range(start, end), JSON.stringify({ text, line, start, end }));
        }
      }
    }
  });
});
