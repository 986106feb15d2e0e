import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { mayHaveLiteralAutolink, parseMarkdown } from '../../../server/src/service/parse/markdown';
import { splitChunks } from '../../../server/src/service/parse/sections';
import { corpusFiles, FIXTURES, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';

// The parse every chunk would get with the whole of GFM: parseMarkdown must give this tree, position
// for position, whichever extension set it picks.
const reference = (text: string) => fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

function templates(): string[] {
  const dir = join(FIXTURES, 'corpus', 'templates');
  return readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f));
}

describe('parseMarkdown', () => {
  // The chunks that may hold a literal autolink are parsed with the whole of GFM, the reference's own
  // options: the comparison is about the others.
  it('gives the full GFM tree for every chunk of every real plan, seed and template, and the CRLF copies of the seeds and templates', () => {
    let without = 0;
    const crlf = new Set([SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST, ...templates()]);
    for (const f of [...crlf, ...corpusFiles()]) {
      const text = read(f);
      for (const doc of crlf.has(f) ? [text, text.replace(/\r?\n/g, '\r\n')] : [text]) {
        for (const { text: chunk } of splitChunks(doc)) {
          if (mayHaveLiteralAutolink(chunk)) continue;
          without++;
          const ours = parseMarkdown(chunk);
          const full = reference(chunk);
          // JSON first (the trees are plain data; assert.deepEqual over 10,000 of them is slow), the diff on a mismatch
          if (JSON.stringify(ours) !== JSON.stringify(full)) assert.deepEqual(ours, full, `${f}: ${chunk.slice(0, 60)}`);
        }
      }
    }
    assert.ok(without > 1000, `only ${without} chunks without a possible literal autolink`);
  });

  it('keeps every literal autolink GFM finds, however it is written', () => {
    const cases = [
      'See www.va.gov for details.',
      'WWW.VA.GOV in capitals',
      'Dashboard: https://app.datadoghq.com/x?y=1.',
      'HTTP://example.gov/path',
      'Email jane.doe@va.gov or (ops@va.gov).',
      'mailto:jane@va.gov and xmpp:bot@chat.va.gov/r',
      'An encoded at: jane&#64;va.gov, named: jane&commat;va.gov',
      'Encoded letters: h&#116;tp://x.gov and &#119;ww.x.gov',
      '- item with https://github.com/department-of-veterans-affairs/va.gov-team/issues/1\n- next',
      '| toggle | link |\n|---|---|\n| a_b | https://api.va.gov/flipper/features/a_b |',
      'Not links: `www.x.gov` in code, <https://x.gov> angle, [t](https://x.gov) inline',
    ];
    for (const text of cases) {
      assert.ok(mayHaveLiteralAutolink(text), text);
      assert.deepEqual(parseMarkdown(text), reference(text), text);
    }
  });

  it('takes the cheaper path only for text with no way to a literal autolink', () => {
    for (const text of ['# Stage A\n- Date: 2024-01-01\n- Percentage: 25%', 'Q and A, no links', 'ww.x.gov htp://x w-w-w']) {
      assert.ok(!mayHaveLiteralAutolink(text), text);
      assert.deepEqual(parseMarkdown(text), reference(text), text);
    }
    for (const text of ['x@y', 'R&D', 'Www', 'hTTp']) assert.ok(mayHaveLiteralAutolink(text), text);
  });
});
