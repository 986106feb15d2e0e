import { strict as assert } from 'node:assert';
import { CHECK_IDS, closestCheckId } from '../../server/src/service/checks/catalogue';
import { DisableMap, parseDirectives } from '../../server/src/service/disable';
import { parsePlan } from '../../server/src/service/parse/index';

function map(text: string): DisableMap {
  return new DisableMap(parseDirectives(parsePlan(text), CHECK_IDS).directives);
}

describe('disable comments', () => {
  it('disable-file silences the named ids everywhere, wherever the comment is', () => {
    const m = map('# Plan\n\nline\n\n<!-- release-plan-disable-file placeholder -->\n');
    assert.equal(m.isDisabled('placeholder', 0), true);
    assert.equal(m.isDisabled('placeholder', 99), true);
    assert.equal(m.isDisabled('pick-one', 2), false);
  });

  it('disable-file without ids silences every check', () => {
    const m = map('<!-- release-plan-disable-file -->\n# Plan\n');
    for (const id of CHECK_IDS) assert.equal(m.isDisabled(id, 1), true, id);
  });

  it('disable … enable is a block; an enable without ids ends every disable', () => {
    const text = ['# Plan', '<!-- release-plan-disable placeholder pick-one -->', 'a', '<!-- release-plan-enable pick-one -->', 'b', '<!-- release-plan-enable -->', 'c'].join('\n');
    const m = map(text);
    assert.equal(m.isDisabled('placeholder', 0), false);
    assert.equal(m.isDisabled('placeholder', 2), true);
    assert.equal(m.isDisabled('pick-one', 2), true);
    assert.equal(m.isDisabled('pick-one', 4), false);
    assert.equal(m.isDisabled('placeholder', 4), true);
    assert.equal(m.isDisabled('placeholder', 6), false);
  });

  it('disable-all then enable one leaves the others off', () => {
    const m = map(['<!-- release-plan-disable -->', 'a', '<!-- release-plan-enable empty-field -->', 'b'].join('\n'));
    assert.equal(m.isDisabled('empty-field', 3), false);
    assert.equal(m.isDisabled('placeholder', 3), true);
  });

  it('disable-line covers its own line only, disable-next-line the line after the comment ends', () => {
    const text = ['# Plan', '', '- Length of time: TBD <!-- release-plan-disable-line placeholder -->', '- Other: TBD', '', '<!--', '  release-plan-disable-next-line empty-field', '-->', '- Number of users:', '- Types of errors logged:'].join('\n');
    const m = map(text);
    assert.equal(m.isDisabled('placeholder', 2), true);
    assert.equal(m.isDisabled('placeholder', 3), false);
    assert.equal(m.isDisabled('empty-field', 8), true);
    assert.equal(m.isDisabled('empty-field', 9), false);
  });

  it('ids may be separated by commas; text after -- is a reason, not ids', () => {
    const { directives, problems } = parseDirectives(parsePlan('<!-- release-plan-disable placeholder,pick-one -- waiting on results -->\n'), CHECK_IDS);
    assert.deepEqual(problems, []);
    assert.deepEqual(directives[0].ids, ['placeholder', 'pick-one']);
  });

  it('reports unknown ids and directives with their ranges; an all-unknown list disables nothing', () => {
    const text = '<!-- release-plan-disable placeholdr -->\n<!-- release-plan-disabel placeholder -->\n<!-- release-plan-disable-line pick-one nonsense -->\n';
    const { directives, problems } = parseDirectives(parsePlan(text), CHECK_IDS, closestCheckId);
    assert.deepEqual(
      problems.map((p) => [p.kind, p.text, p.range.start.line, p.range.start.character, p.range.end.character, p.suggestion]),
      [
        ['unknown-id', 'placeholdr', 0, 26, 36, 'placeholder'],
        ['unknown-directive', 'release-plan-disabel', 1, 5, 25, undefined],
        ['unknown-id', 'nonsense', 2, 40, 48, undefined],
      ],
    );
    assert.deepEqual(directives.map((d) => [d.kind, d.ids]), [['disable-line', ['pick-one']]]);
    assert.equal(new DisableMap(directives).isDisabled('placeholder', 1), false);
  });

  it('ignores other tools\' comments and comments inside code', () => {
    const text = '<!-- markdownlint-disable MD024 -->\n\n```\n<!-- release-plan-disable-file -->\n```\n';
    const { directives, problems } = parseDirectives(parsePlan(text), CHECK_IDS);
    assert.deepEqual([directives, problems], [[], []]);
  });
});
