import { strict as assert } from 'node:assert';
import { splitChunks, type Chunk } from '../../../server/src/service/parse/sections';
import { corpusFiles, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';

// The splitter's definition, line by line with the two regular expressions: the splitter skips lines
// that cannot match them, and must still cut exactly here.
function referenceSplit(text: string): Chunk[] {
  const FENCE = /^ {0,3}(`{3,}|~{3,})/;
  const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let fence: string | undefined;
  const lines = text.split('\n');
  let offset = 0;
  lines.forEach((raw, line) => {
    const lineText = raw.replace(/\r$/, '');
    if (fence) {
      const m = FENCE.exec(lineText);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && lineText.slice(m[0].length).trim() === '') fence = undefined;
    } else {
      const m = FENCE.exec(lineText);
      if (m && !(m[1][0] === '`' && lineText.slice(m[0].length).includes('`'))) fence = m[1];
      else if (ATX.test(lineText) && offset > chunkStart) {
        chunks.push({ offset: chunkStart, line: chunkLine, text: text.slice(chunkStart, offset) });
        chunkStart = offset;
        chunkLine = line;
      }
    }
    offset += raw.length + 1;
  });
  chunks.push({ offset: chunkStart, line: chunkLine, text: text.slice(chunkStart) });
  return chunks;
}

describe('splitChunks', () => {
  it('cuts every real plan where the line-by-line definition does', () => {
    for (const f of [SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST, ...corpusFiles()]) {
      const text = read(f);
      assert.deepEqual(splitChunks(text), referenceSplit(text), f);
      assert.deepEqual(splitChunks(text.replace(/\n/g, '\r\n')), referenceSplit(text.replace(/\n/g, '\r\n')), `${f} (CRLF)`);
    }
  });

  it('headings, fences and near misses at up to three spaces of indent', () => {
    const text = [
      '# Title', 'text', '   ## indented three', '    ## four spaces: code, not a heading', '#no space', '####### seven',
      '```', '# in a fence', '~~~', '# still in it', '```', '## after the fence', ' ~~~~', '# in a tilde fence', '~~~', '~~~~',
      '### after', '``` inline ` backtick', '# not fenced by that', '', '#', '#\t', '  `', '  ~~', 'last',
    ].join('\n');
    assert.deepEqual(splitChunks(text), referenceSplit(text));
    assert.deepEqual(splitChunks(text).map((c) => c.line), [0, 2, 11, 16, 18, 20, 21]);
  });
});
