// The structure walk's fields taken over across versions (structure.ts, WalkedLines): a chunk the
// edit did not touch, at the same line and entered in the same context, gives the same field objects;
// anything that changes its context (a stage heading above it, a Planning/Results part, a list stage)
// reads it again. Either way the model is the one a parse from nothing gives.
import { strict as assert } from 'node:assert';
import { clearParseCaches, parsePlan, type ReleasePlan } from '../../../server/src/service/parse/index';
import { corpusFiles, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { seededRandom } from '../../helpers/random';

/**
 * The model after `edit`, parsed from the previous version's, checked against a parse from nothing.
 * `before` is parsed twice, as the server does once a document has had one edit: a parse that follows
 * an earlier version is the one that keeps what the walk read.
 */
function edited(before: string, after: string): { previous: ReleasePlan; plan: ReleasePlan } {
  clearParseCaches();
  const previous = parsePlan(before, parsePlan(before));
  const plan = parsePlan(after, previous);
  clearParseCaches();
  assert.deepEqual(plan, parsePlan(after));
  return { previous, plan };
}

const fieldOn = (plan: ReleasePlan, label: string) => plan.fields.find((f) => f.label === label);

describe('parse/structure: fields taken over from the previous version', () => {
  const doc = [
    '# Plan',
    '',
    '## Stage A: 10% of users',
    '',
    '#### Planning',
    '- Length of time: 1/2/25 - 1/9/25',
    '',
    '#### Results',
    '- Errors: none',
    '',
    '##### Notes',
    '- Observed: fine',
    '  - nested detail',
    '',
    '## Stage B: 100% of users',
    '',
    '- Owner: someone',
  ].join('\n');

  it('keeps the field objects of the chunks an edit did not touch', () => {
    const { previous, plan } = edited(doc, doc.replace('someone', 'someone else'));
    assert.equal(fieldOn(plan, 'Length of time'), fieldOn(previous, 'Length of time'), 'the same object');
    assert.equal(fieldOn(plan, 'Observed'), fieldOn(previous, 'Observed'));
    assert.notEqual(fieldOn(plan, 'Owner'), fieldOn(previous, 'Owner'), 'the edited chunk is read again');
    assert.equal(fieldOn(plan, 'Owner')?.value, 'someone else');
    assert.ok(plan.stages[0].fields.includes(fieldOn(previous, 'Errors')!), 'and put in the stage it is in now');
  });

  it('keeps nothing for a document parsed once (the CLI, a closed file): it would only hold memory', () => {
    clearParseCaches();
    const once = parsePlan(doc);
    const again = parsePlan(doc);
    assert.notEqual(fieldOn(again, 'Observed'), fieldOn(once, 'Observed'));
    assert.deepEqual(again, once);
  });

  it('reads a chunk again when what comes before it changes its context', () => {
    // the part a chunk's fields are in comes from a heading in the chunk before
    const planning = edited(doc, doc.replace('#### Results', '#### Planning'));
    assert.equal(fieldOn(planning.plan, 'Observed')?.part, 'planning');
    assert.equal(fieldOn(planning.previous, 'Observed')?.part, 'results');
    // no stage any more: the fields below are nobody's, and have no part
    const noStage = edited(doc, doc.replace('## Stage A: 10% of users', '## Background'));
    assert.equal(fieldOn(noStage.plan, 'Errors')?.part, undefined);
    assert.equal(noStage.plan.stages.length, 1);
    // lines added above: every field below moves, and is made again at its new line
    const moved = edited(doc, doc.replace('# Plan', '# Plan\n\nIntro'));
    assert.equal(fieldOn(moved.plan, 'Observed')?.line, (fieldOn(moved.previous, 'Observed')?.line ?? 0) + 2);
  });

  it('places kept fields by the editor\'s lines, which a lone CR breaks and the chunk splitter does not', () => {
    // a lone CR before a section moves its lines for the editor, not for the splitter's line count
    const lone = edited(doc, doc.replace('# Plan', '# Plan\rIntro'));
    assert.equal(fieldOn(lone.plan, 'Observed')?.line, (fieldOn(lone.previous, 'Observed')?.line ?? 0) + 1);
    const crlf = doc.replace(/\n/g, '\r\n');
    edited(crlf, crlf.replace('# Plan', '# Plan\r\rx'));
    edited(crlf, crlf.replace('someone', 'some\rone'));
  });

  it('reads list stages and chunks with headings inside them every time', () => {
    const listed = ['# Plan', '', '## Rollout', '', '1. Stage A: 10% of users', '   - Length of time: 1 week', '2. Stage B: 100% of users', '', '## Notes', '', '- Owner: x'].join('\n');
    const { plan } = edited(listed, listed.replace('Owner: x', 'Owner: y'));
    assert.deepEqual(plan.stages.map((s) => [s.label, s.fields.map((f) => f.label)]), [['A', ['Stage A', 'Length of time']], ['B', ['Stage B']]]);
    const setext = ['# Plan', '', '## Stage A: 5%', '', 'Results', '-------', '- Errors: none', '', '## Stage B: 100%', '- Owner: x'].join('\n');
    const heading = edited(setext, setext.replace('Owner: x', 'Owner: y'));
    assert.equal(fieldOn(heading.plan, 'Errors')?.part, 'results', 'after the setext Results heading inside the chunk');
  });

  it('gives the model a parse from nothing gives over edits that move stages and parts around', () => {
    const pieces = ['x', '\n', '\r', '\r\n', '#### Results\n', '#### Planning\n', '**Results**\n', '## Stage C: 50% of users\n', '1. Stage D: 10% of users\n', '- Results: [FILL_IN]\n', '- more\n', '   - nested\n', '## Notes\n'];
    const plans = [SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST, ...corpusFiles().filter((_, k) => k % 12 === 5)];
    for (const [p, file] of plans.entries()) {
      const random = seededRandom(31 + p);
      let text = read(file);
      clearParseCaches();
      let previous = parsePlan(text);
      for (let e = 0; e < 15; e++) {
        // at a line start, where headings and part markers take effect
        const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];
        const at = lineStarts[Math.floor(random() * lineStarts.length)];
        text = random() < 0.25 ? text.slice(0, at) + text.slice(text.indexOf('\n', at) + 1 || text.length) : text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
        const warm = parsePlan(text, previous);
        // the fresh parse must not see what the warm one kept
        clearParseCaches();
        assert.deepEqual(warm, parsePlan(text), `${file}: edit ${e} at ${at}`);
        // and the next edit starts from caches the warm parses filled, as the server's do
        previous = parsePlan(text, warm);
      }
    }
  });
});
