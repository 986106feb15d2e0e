import { strict as assert } from 'node:assert';
import { parsePlan, type ReleasePlan } from '../../../server/src/service/parse/index';
import type { Field, Position } from '../../../server/src/service/parse/model';
import { fieldAt, fieldLabel, fieldOnLine, quoteLabel, stageOfField } from '../../../server/src/service/parse/queries';
import { corpusFiles, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';

// The line-indexed answers must be the answers the plain scans of the model give (the definitions the
// index replaced): checked at every line start, line end and placeholder of every real plan.
function scanFieldAt(plan: ReleasePlan, pos: Position): Field | undefined {
  let owner: Field | undefined;
  for (const f of plan.fields) {
    if (f.line > pos.line) break;
    const inLabel = f.line === pos.line && pos.character < f.labelRange.end.character;
    if (f.line === pos.line && !inLabel) return f;
    if (f.children.some((c) => c.range.start.line <= pos.line && c.range.end.line >= pos.line)) owner = f;
  }
  return owner;
}
function scanFieldLabel(plan: ReleasePlan, field: Field | undefined): string | undefined {
  if (!field) return undefined;
  const inLabel = plan.placeholders.some((p) => p.range.start.line === field.line && p.range.start.character < field.labelRange.end.character && p.range.end.character > field.labelRange.start.character);
  return inLabel ? undefined : quoteLabel(field.label);
}

describe('plan queries (line-indexed)', () => {
  const plans = [SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST, ...corpusFiles()].map((f) => ({ f, plan: parsePlan(read(f)) }));

  it('fieldAt, fieldOnLine and fieldLabel agree with a scan of the model on every real plan', () => {
    let asked = 0;
    let found = 0;
    for (const { f, plan } of plans) {
      const lines = plan.text.split(/\r\n|\r|\n/);
      const positions: Position[] = plan.placeholders.map((p) => p.range.start);
      lines.forEach((text, line) => positions.push({ line, character: 0 }, { line, character: text.length }));
      for (const pos of positions) {
        const got = fieldAt(plan, pos);
        assert.equal(got, scanFieldAt(plan, pos), `${f} ${pos.line}:${pos.character}`);
        assert.equal(fieldLabel(plan, got), scanFieldLabel(plan, got), `${f} ${pos.line}`);
        assert.equal(fieldOnLine(plan, pos.line), plan.fields.find((x) => x.line === pos.line));
        asked++;
        if (got) found++;
      }
    }
    // the comparison means something only if positions inside fields were asked about
    assert.ok(asked > 10_000 && found > 1_000, `${asked} positions, ${found} in a field`);
  });

  it('stageOfField is the first stage that lists the field', () => {
    let n = 0;
    for (const { plan } of plans) {
      for (const field of plan.fields) {
        assert.equal(stageOfField(plan, field), plan.stages.find((s) => s.fields.includes(field)));
        if (stageOfField(plan, field)) n++;
      }
    }
    assert.ok(n > 500, `${n} stage fields`);
  });
});
