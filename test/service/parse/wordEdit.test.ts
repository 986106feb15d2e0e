import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { clearParseCaches, parsePlan } from '../../../server/src/service/parse/index';
import { parseMarkdown } from '../../../server/src/service/parse/markdown';
import { splitChunks } from '../../../server/src/service/parse/sections';
import { patchWordEdit } from '../../../server/src/service/parse/wordEdit';
import { corpusFiles, FIXTURES, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';

/** The patched tree for `before` → `after`, or undefined when the edit is not patched. */
function patched(before: string, after: string) {
  return patchWordEdit({ text: before, tree: parseMarkdown(before) }, after);
}

/** Holds a patch, when made, to a fresh parse of the new text; returns whether it was made. */
function checkEdit(before: string, tree: ReturnType<typeof parseMarkdown>, after: string, label: string): boolean {
  const result = patchWordEdit({ text: before, tree: structuredClone(tree) }, after);
  if (!result) return false;
  const fresh = parseMarkdown(after);
  if (JSON.stringify(result) !== JSON.stringify(fresh)) assert.deepEqual(result, fresh, label);
  return true;
}

function templates(): string[] {
  const dir = join(FIXTURES, 'corpus', 'templates');
  return readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f));
}

describe('patchWordEdit', () => {
  // Every fourth corpus plan (all of them took 10 s), the seeds (and their CRLF copies) and the templates.
  it('gives the fresh parse for letters typed, deleted and replaced across the sections of the corpus', () => {
    let seed = 17;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const counts = { lineEnd: 0, inside: 0, deleted: 0, replaced: 0, space: 0, afterSpace: 0, spaceDeleted: 0, midSpace: 0, beforeSpace: 0 };
    const crlf = new Set([SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST]);
    for (const f of [...crlf, ...templates(), ...corpusFiles().filter((_, i) => i % 4 === 0)]) {
      const text = read(f);
      for (const doc of crlf.has(f) ? [text, text.replace(/\r?\n/g, '\r\n')] : [text]) {
        for (const { text: chunk } of splitChunks(doc)) {
          const tree = parseMarkdown(chunk);
          // typing at the end of a line (the commonest keystroke)
          const ends = [...chunk.matchAll(/[A-Za-z0-9](?=\r?\n|$)/g)].map((m) => m.index + 1);
          if (ends.length) {
            const at = ends[rand(ends.length)];
            if (checkEdit(chunk, tree, chunk.slice(0, at) + 'k' + chunk.slice(at), `${f} end of line at ${at}`)) counts.lineEnd++;
            // a space after it, the first letter of the next word, and the space taken back
            const spaced = chunk.slice(0, at) + ' ' + chunk.slice(at);
            if (checkEdit(chunk, tree, spaced, `${f} space at ${at}`)) counts.space++;
            const spacedTree = parseMarkdown(spaced);
            if (checkEdit(spaced, spacedTree, spaced.slice(0, at + 1) + 'n' + spaced.slice(at + 1), `${f} after a space at ${at}`)) counts.afterSpace++;
            if (checkEdit(spaced, spacedTree, chunk, `${f} space deleted at ${at}`)) counts.spaceDeleted++;
          }
          // typing inside a word, deleting from one, and replacing a letter of one
          const inner = [...chunk.matchAll(/[A-Za-z0-9](?=[A-Za-z0-9])/g)].map((m) => m.index + 1);
          if (inner.length) {
            const at = inner[rand(inner.length)];
            if (checkEdit(chunk, tree, chunk.slice(0, at) + 'q7' + chunk.slice(at), `${f} inside a word at ${at}`)) counts.inside++;
            const del = inner[rand(inner.length)];
            if (checkEdit(chunk, tree, chunk.slice(0, del) + chunk.slice(del + 1), `${f} deleted at ${del}`)) counts.deleted++;
            const rep = inner[rand(inner.length)];
            if (checkEdit(chunk, tree, chunk.slice(0, rep) + 'Z' + chunk.slice(rep + 1), `${f} replaced at ${rep}`)) counts.replaced++;
            const split = inner[rand(inner.length)];
            if (checkEdit(chunk, tree, chunk.slice(0, split) + ' ' + chunk.slice(split), `${f} a space inside a word at ${split}`)) counts.midSpace++;
          }
          // a letter at the end of a word that a space follows, in the middle of a line
          const wordEnds = [...chunk.matchAll(/[A-Za-z0-9](?= [A-Za-z0-9])/g)].map((m) => m.index + 1);
          if (wordEnds.length) {
            const at = wordEnds[rand(wordEnds.length)];
            if (checkEdit(chunk, tree, chunk.slice(0, at) + 's' + chunk.slice(at), `${f} before a space at ${at}`)) counts.beforeSpace++;
          }
        }
      }
    }
    // each kind of edit was patched often, so the comparisons above are about the patch
    for (const [kind, n] of Object.entries(counts)) assert.ok(n > 150, `${kind}: only ${n} edits patched`);
  });

  it('patches words in headings, table cells, emphasis and link text, and at the end of a line', () => {
    const cases: Array<[string, string]> = [
      ['## Stage A\n\ntext', '## Stage AB\n\ntext'],
      ['| a | b |\n|---|---|\n| cell | more |', '| a | b |\n|---|---|\n| celxl | more |'],
      ['| a | b\n|---|---\n| c | d', '| a | b\n|---|---\n| c | dd'],
      ['Some *emphasised words* here', 'Some *emphasised wordxs* here'],
      ['See [the dashboard](/x/y) now', 'See [the dashboarxd](/x/y) now'],
      ['- Date: 2024\n- Next: 1', '- Date: 20245\n- Next: 1'],
      ['Setext\n======\n\nbody', 'Setextx\n======\n\nbody'],
      ['a paragraph\r\nwith CRLF\r\n', 'a paragraph\r\nwith CRLFz\r\n'],
      ['- a: 10% \n- b', '- a: 10% a\n- b'],
      ['- a: 10%\n- b', '- a: 10% \n- b'],
      ['- a: 10%  \n- b', '- a: 10% \n- b'],
      ['## Head \n\ntext', '## Head w\n\ntext'],
      ['last line  ', 'last line  x'],
      ['word \n', 'word a\n'],
      ['two words here', 'two wordsx here'],
      ['twowords here', 'two words here'],
      ['two  words', 'two x words'],
      ['- Date: soon later\n', '- Date: soon  later\n'],
    ];
    for (const [before, after] of cases) {
      const result = patched(before, after);
      assert.ok(result, `not patched: ${JSON.stringify(after)}`);
      assert.deepEqual(result, parseMarkdown(after), after);
    }
  });

  it('leaves every edit that could change the structure to a full parse', () => {
    const cases: Array<[string, string, string]> = [
      ['an HTML block start made by deleting a letter', 'para\n<scriptx\n', 'para\n<script\n'],
      ['an HTML block start made by typing one', 'para\n<di\n', 'para\n<div\n'],
      ['a literal autolink grown', 'see www.va.go\n', 'see www.va.gov\n'],
      ['an email grown', 'mail a@b.co\n', 'mail a@b.com\n'],
      ['a character reference completed', 'x &am; y\n', 'x &amp; y\n'],
      ['a label that could start matching a definition', '[fo] x\n\n[foo]: /u\n', '[foo] x\n\n[foo]: /u\n'],
      ['typing before punctuation', 'word.\n', 'worda.\n'],
      ['a list marker changed by a deletion', 'para\n11. x\n', 'para\n1. x\n'],
      ['a heading emptied', '#a\n', '#\n'],
      ['inside inline code', 'a `code` b\n', 'a `coxde` b\n'],
      ['inside an escaped run', 'a\\*bc\\* d\n', 'a\\*bxc\\* d\n'],
      ['a continuation line whose indentation the text node drops', '- item\n  more words\n', '- item\n  more wordxs\n'],
      ['not a letter or digit', 'word\n', 'word!\n'],
      ['a letter outside ASCII', 'word\n', 'wordé\n'],
      ['inside a link destination', '[t](/path/abc) x\n', '[t](/path/abxc) x\n'],
      ['a hard break undone by a word after it', 'foo  \nbar\n', 'foo  x\nbar\n'],
      ['a word after a space after emphasis (a new text node)', '*foo* \n', '*foo* x\n'],
      ['a word after a space in a table cell', '| a | b\n|---|---\n| c \n', '| a | b\n|---|---\n| c x\n'],
      ['a space before the next line of the paragraph', 'foo\nbar\n', 'foo \nbar\n'],
      ['a space over a setext underline', 'foo\n===\n', 'foo \n===\n'],
      ['a space inside emphasis, next to its delimiter', '*foo* bar\n', '* foo* bar\n'],
      ['a letter next to a closing delimiter', 'a *foo* bar\n', 'a *foo*x bar\n'],
      ['a deletion that makes a literal star a closing delimiter', '*a * b\n', '*a* b\n'],
      ['a space that makes a literal star no longer an opener', 'x *a b\n', 'x * a b\n'],
      ['a space at the start of a continuation line', 'foo\nbar\n', 'foo\n bar\n'],
      ['a word ending in a space after the paragraph', 'foo \n', 'foo x \n'],
      ['letters deleted back to a trailing space', 'foo x\n', 'foo \n'],
    ];
    for (const [why, before, after] of cases) assert.equal(patched(before, after), undefined, why);
  });

  it('typed through parsePlan, one keystroke after another, gives each version the model a parse from nothing gives', () => {
    const text = read(SEED_DISPUTE_DEBT);
    // the ends of the first lines that end in a letter or digit, in several sections
    const ends = [...text.matchAll(/[A-Za-z0-9](?=\n)/g)].map((m) => m.index + 1).filter((_, i) => i % 7 === 0).slice(0, 6);
    const versions: string[] = [];
    let current = text;
    for (const end of ends.reverse()) {
      // type a word at the end of the line, take two letters back, type one more
      for (const c of 'word') {
        current = current.slice(0, end) + current.slice(end).replace(/^[A-Za-z0-9]*/, (w) => w + c);
        versions.push(current);
      }
      for (let i = 0; i < 2; i++) {
        current = current.slice(0, end) + current.slice(end).replace(/^([A-Za-z0-9]*)[A-Za-z0-9]/, '$1');
        versions.push(current);
      }
      current = current.slice(0, end) + current.slice(end).replace(/^[A-Za-z0-9]*/, (w) => w + 'x');
      versions.push(current);
    }
    clearParseCaches();
    let previous = parsePlan(text);
    const warm = versions.map((v) => (previous = parsePlan(v, previous)));
    versions.forEach((v, i) => {
      clearParseCaches();
      assert.deepEqual(warm[i], parsePlan(v), `version ${i}`);
    });
  });
});
