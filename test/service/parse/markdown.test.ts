import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { gfmPartsFor, parseMarkdown, WHOLE_GFM } from '../../../server/src/service/parse/markdown';
import { splitChunks } from '../../../server/src/service/parse/sections';
import { corpusFiles, FIXTURES, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';

// The parse every chunk would get with the whole of GFM: parseMarkdown must give this tree, position
// for position, whichever GFM parts it leaves out.
const reference = (text: string) => fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

function templates(): string[] {
  const dir = join(FIXTURES, 'corpus', 'templates');
  return readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f));
}

function assertSameTree(text: string, label = text): void {
  const ours = parseMarkdown(text);
  const full = reference(text);
  // JSON first (the trees are plain data, and assert.deepEqual over thousands of them is slow); the diff on a mismatch
  if (JSON.stringify(ours) !== JSON.stringify(full)) assert.deepEqual(ours, full, label);
}

describe('parseMarkdown', () => {
  // A chunk that may use every part is parsed with the reference's own options: the comparison is about the others.
  it('gives the whole-GFM tree for every chunk of every real plan, seed and template, and the CRLF copies of the seeds and templates', () => {
    let partial = 0;
    const crlf = new Set([SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST, ...templates()]);
    for (const f of [...crlf, ...corpusFiles()]) {
      const text = read(f);
      for (const doc of crlf.has(f) ? [text, text.replace(/\r?\n/g, '\r\n')] : [text]) {
        for (const { text: chunk } of splitChunks(doc)) {
          if (gfmPartsFor(chunk) === WHOLE_GFM) continue;
          partial++;
          assertSameTree(chunk, `${f}: ${chunk.slice(0, 60)}`);
        }
      }
    }
    assert.ok(partial > 2000, `only ${partial} chunks parsed without some GFM part`);
  });

  it('keeps every GFM construct, however it is written, next to text that lacks the others', () => {
    const cases = [
      // literal autolinks
      'See www.va.gov for details.',
      'WWW.VA.GOV in capitals',
      'Dashboard: https://app.datadoghq.com/x?y=1.',
      'HTTP://example.gov/path',
      'Email jane.doe@va.gov or (ops@va.gov).',
      'mailto:jane@va.gov and xmpp:bot@chat.va.gov/r',
      'An encoded at: jane&#64;va.gov, named: jane&commat;va.gov',
      'Encoded letters: h&#116;tp://x.gov and &#119;ww.x.gov',
      'A tracking link https://app.zenhub.com/x and an encoded address jane&#64;va.gov',
      'An address jane@va.gov with no URL',
      'Not links: `www.x.gov` in code, <https://x.gov> angle, [t](https://x.gov) inline',
      // tables, with and without pipes
      '| toggle | link |\n|---|---|\n| a_b | https://api.va.gov/flipper/features/a_b |',
      'toggle\n:-\nrow',
      'a\n-:',
      '> quoted\n> :---:',
      '> > nested\r\n> > :-\r\n',
      '- item\n\n  cell\n  :-',
      // footnotes, strikethrough, task lists
      'A claim.[^1]\n\n[^1]: The source.',
      'Old ~~25%~~ 50% and ~single~',
      '- [ ] not done\n- [x] done\n* [X] also',
    ];
    for (const text of cases) {
      assert.notEqual(gfmPartsFor(text), 0, text);
      assertSameTree(text);
      assertSameTree(text.replace(/\n/g, '\r\n'));
    }
  });

  it('leaves a part out only where the text gives it nothing to do', () => {
    const none = ['# Stage A\n- Date: 2024-01-01\n- Percentage: 25%', 'Q and A, no links', 'ww.x.gov htp://x w-w-w', 'Time: 10:30\n---\n- a - b'];
    for (const text of none) {
      assert.equal(gfmPartsFor(text), 0, text);
      assertSameTree(text);
    }
    for (const text of ['x@y', 'R&D', 'Www', 'hTTp', 'a|b', '  :--', '[^x', '~', '[']) assert.notEqual(gfmPartsFor(text), 0, text);
  });
});
