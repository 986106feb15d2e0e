// What a parse takes over from the previous version's model: exactly the chunks an edit left alone,
// found by position, and a result equal to a parse from nothing. (test/lsp/incrementalEdits.test.ts
// checks the same equality over random edits of real plans.)
import { strict as assert } from 'node:assert';
import { clearParseCaches, parsePlan } from '../../../server/src/service/parse/index';
import { chunkLayoutOf, chunkLineCache, commonPrefix, commonSuffix, editedLineStarts, reusableChunks, textEdit } from '../../../server/src/service/parse/reuse';
import { LineIndex, lineIndexOf } from '../../../server/src/service/parse/text';
import { splitChunks } from '../../../server/src/service/parse/sections';
import { read, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { seededRandom } from '../../helpers/random';

/** Which of the new text's chunks are taken over, as indexes into the old layout (-1: parsed anew). */
function takenOver(oldText: string, newText: string): number[] {
  const layout = chunkLayoutOf(parsePlan(oldText));
  assert.ok(layout);
  const reused = reusableChunks(layout, newText);
  return splitChunks(newText).map((c) => {
    const hit = reused(c);
    return hit ? layout.chunks.indexOf(hit) : -1;
  });
}

describe('parse/reuse', () => {
  const doc = ['# Plan', '', 'Intro [FILL_IN]', '', '## Stage A: 10%', '', '- Length of time: 1/2/25 - 1/9/25', '', '## Stage B: 100%', '', '- Results: [FILL_IN]'].join('\n');

  it('takes over the chunks before and after an edit, and parses the edited one anew', () => {
    assert.deepEqual(takenOver(doc, doc), [0, 1, 2]);
    assert.deepEqual(takenOver(doc, doc.replace('Intro', 'Intro typed')), [-1, 1, 2], 'after the edit: moved, still the same chunks');
    assert.deepEqual(takenOver(doc, doc.replace('10%', '15%')), [0, -1, 2], 'an edit of the same length');
    assert.deepEqual(takenOver(doc, doc.replace('1/9/25', '1/9/25\n\nmore\n')), [0, -1, 2], 'lines added');
    assert.deepEqual(takenOver(doc, doc.replace('## Stage B', 'Stage B')), [0, -1], 'two chunks became one');
    assert.deepEqual(takenOver(doc, doc.replace('- Length', '## Stage A.1\n- Length')), [0, -1, -1, 2], 'one chunk became two');
  });

  it('never takes over a chunk whose text changed, at either end of the document', () => {
    assert.deepEqual(takenOver(doc, doc.slice(0, -1) + 'X'), [0, 1, -1], 'the last character');
    assert.deepEqual(takenOver(doc, 'X' + doc.slice(1)), [-1, 1, 2], 'the first character');
    assert.deepEqual(takenOver(doc, doc.replace('## Stage B', '## Stage C')), [0, 1, -1], 'a heading, same length');
    assert.deepEqual(takenOver(doc, ''), [-1]);
    assert.deepEqual(takenOver('', doc), [-1, -1, -1]);
  });

  it('gives the model a parse from nothing gives, placeholders moved with their lines', () => {
    const text = read(SEED_DISPUTE_DEBT);
    const random = seededRandom(5);
    let previous = parsePlan(text);
    let current = text;
    for (let e = 0; e < 40; e++) {
      const at = Math.floor(random() * current.length);
      const piece = ['x', '\n', '\n\n- New: [FILL_IN]\n', '## Stage Q: 1%\n'][e % 4];
      current = e % 5 === 4 ? current.slice(0, at) + current.slice(at + 7) : current.slice(0, at) + piece + current.slice(at);
      const warm = parsePlan(current, previous);
      clearParseCaches();
      assert.deepEqual(warm, parsePlan(current), `edit ${e} at ${at}`);
      previous = warm;
    }
  });

  it('finds the common prefix and suffix of two texts, across the compared blocks', () => {
    const random = seededRandom(9);
    const naivePrefix = (a: string, b: string) => {
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      return i;
    };
    const naiveSuffix = (a: string, b: string, limit: number) => {
      let n = 0;
      while (n < limit && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
      return n;
    };
    for (let k = 0; k < 200; k++) {
      const a = 'ab\n'.repeat(Math.floor(random() * 3000));
      const at = Math.floor(random() * (a.length + 1));
      const b = a.slice(0, at) + ['', 'x', 'ab\n', 'b'][k % 4] + a.slice(at + (k % 3));
      const p = commonPrefix(a, b);
      assert.equal(p, naivePrefix(a, b));
      const limit = Math.min(a.length, b.length) - p;
      assert.equal(commonSuffix(a, b, limit), naiveSuffix(a, b, limit));
    }
  });

  it('keeps per-line values on the chunks: computed again only for the edited chunk, lone CRs included', () => {
    const cache = chunkLineCache<string>();
    const computed: number[] = [];
    const valuesOf = (plan: ReturnType<typeof parsePlan>) => {
      const lines = lineIndexOf(plan);
      const kept = cache(plan);
      assert.ok(kept);
      return Array.from({ length: lines.lineCount }, (_, line) => kept(line, (asked) => (computed.push(asked), lines.lineText(asked).toUpperCase())));
    };
    for (const eol of ['\n', '\r\n']) {
      computed.length = 0;
      const text = doc.replace(/\n/g, eol);
      const first = parsePlan(text);
      assert.deepEqual(valuesOf(first), text.split(eol).map((l) => l.toUpperCase()));
      assert.equal(computed.length, text.split(eol).length, 'every line once');
      computed.length = 0;
      const edited = text.replace('10%', '15%');
      const second = parsePlan(edited, first);
      assert.deepEqual(valuesOf(second), edited.split(eol).map((l) => l.toUpperCase()));
      assert.deepEqual(computed, [4, 5, 6, 7], `${JSON.stringify(eol)}: only the edited chunk's lines`);
    }
    // a lone CR breaks a line for the editor: the chunks number lines that way, so the kept values
    // are each line's, and stay each line's when a lone CR above moves a chunk down
    const split = (t: string) => t.split(/\r\n|\r|\n/).map((l) => l.toUpperCase());
    computed.length = 0;
    const loneCr = '# P\r- a: 1\n\n## Q\n- b: 2\n';
    const first = parsePlan(loneCr);
    assert.deepEqual(valuesOf(first), split(loneCr));
    assert.deepEqual(computed, [0, 1, 2, 3, 4, 5], 'every line once');
    computed.length = 0;
    const moved = loneCr.replace('# P', '# P\rnew');
    const second = parsePlan(moved, first);
    assert.deepEqual(valuesOf(second), split(moved));
    assert.deepEqual(computed, [0, 1, 2, 3], 'only the edited chunk: the next one moved a line down, its values with it');
  });

  it('moves the line starts of the unchanged head and tail, and finds them again only around an edit', () => {
    const random = seededRandom(23);
    const pieces = ['\n', '\r', '\r\n', 'a', 'bc', '\n\n', ''];
    for (let k = 0; k < 3000; k++) {
      const old = Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const at = Math.floor(random() * (old.length + 1));
      const cut = Math.floor(random() * 3);
      const text = old.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + old.slice(at + cut);
      const starts = editedLineStarts(new LineIndex(old).lineStarts, text, textEdit(old, text));
      assert.deepEqual(starts, new LineIndex(text).lineStarts, `${JSON.stringify(old)} -> ${JSON.stringify(text)}`);
    }
  });
});
