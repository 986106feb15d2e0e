import { strict as assert } from 'node:assert';
import { ChunkCutter, splitChunks, type Chunk } from '../../../server/src/service/parse/sections';
import { LineIndex } from '../../../server/src/service/parse/text';
import { corpusFiles, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';

// The splitter's rule fed every line: splitChunks passes over the lines that cannot be a heading or a
// fence, and must still cut exactly here. (The rule itself is held to fixed cuts below.)
function referenceSplit(text: string): Chunk[] {
  const cutter = new ChunkCutter(text);
  let offset = 0;
  text.split('\n').forEach((raw, line) => {
    cutter.line(raw.replace(/\r$/, ''), offset, line);
    offset += raw.length + 1;
  });
  return cutter.finish();
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

  it("numbers the chunks' lines as the editor does: a lone CR breaks a line (and cuts nothing), CRLF is one break", () => {
    const text = '# a\r\rb\n## c\r\n\r\n## d\re\r';
    assert.deepEqual(splitChunks(text).map((c) => c.line), [0, 3, 5]);
    assert.deepEqual(splitChunks(text).map((c) => c.line), splitChunks(text).map((c) => new LineIndex(text).positionAt(c.offset).line));
  });
});
