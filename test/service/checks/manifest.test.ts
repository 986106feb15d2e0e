// The check ids are a public interface: the registry, the catalogue, the settings in package.json and
// the .releaseplanrc.json schema must list the same ids with the same defaults.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { CATALOGUE, CHECK_IDS } from '../../../server/src/service/checks/catalogue';
import { allChecks } from '../../../server/src/service/checks/index';
import { checkSettingProperties, jsonValidation, rcSchema } from '../../../server/src/service/checks/manifest';

const root = join(__dirname, '..', '..', '..');
const readJson = (...p: string[]) => JSON.parse(readFileSync(join(root, ...p), 'utf8'));

// the rule catalogue (docs) lists these 13; disable-comment is the comment check this module adds;
// rollout-drift compares the plan with live toggle state (issue 19)
const CATALOGUE_IDS = [
  'placeholder', 'pick-one', 'empty-field', 'percentage-mismatch', 'percentage-order', 'stage-sequence',
  'date-outside-range', 'duration-mismatch', 'date-order', 'invalid-date', 'year-anomaly',
  'unknown-toggle', 'toggle-link-mismatch', 'rollout-drift', 'disable-comment',
  // the generated timeline diagram's own check (issue 18)
  'timeline-out-of-date',
];

describe('check manifest', () => {
  it('the catalogue holds every documented id, kebab-case, once', () => {
    assert.deepEqual([...CHECK_IDS].sort(), [...CATALOGUE_IDS].sort());
    for (const id of CHECK_IDS) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/);
  });

  it('every registered check is in the catalogue with the same default severity, and has a docs anchor', () => {
    const docs = readFileSync(join(root, 'docs', 'checks.md'), 'utf8');
    for (const check of allChecks) {
      const entry = CATALOGUE.find((e) => e.id === check.id);
      assert.ok(entry, `${check.id} is not in the catalogue`);
      assert.equal(check.defaultSeverity, entry.defaultSeverity, check.id);
      assert.equal(check.docsAnchor, check.id);
      assert.ok(docs.includes(`<a id="${check.id}"></a>`), `docs/checks.md has no anchor for ${check.id}`);
    }
    assert.equal(new Set(allChecks.map((c) => c.id)).size, allChecks.length, 'duplicate registration');
  });

  it('package.json declares releasePlan.checks.<id> for every id, as generated (npx tsx scripts/gen-check-config.ts)', () => {
    const pkg = readJson('package.json');
    const declared = Object.fromEntries(Object.entries(pkg.contributes.configuration.properties).filter(([k]) => k.startsWith('releasePlan.checks.')));
    assert.deepEqual(declared, checkSettingProperties());
    for (const entry of CATALOGUE) {
      const p = declared[`releasePlan.checks.${entry.id}`] as { default: string; scope: string; enum: string[] };
      assert.equal(p.default, entry.defaultSeverity);
      assert.equal(p.scope, 'resource');
      assert.deepEqual(p.enum, ['off', 'hint', 'information', 'warning', 'error']);
    }
    assert.deepEqual(pkg.contributes.jsonValidation, [jsonValidation]);
  });

  it('schemas/releaseplanrc.schema.json is as generated and accepts/rejects what the config parser does', () => {
    const schema = readJson('schemas', 'releaseplanrc.schema.json');
    assert.deepEqual(schema, rcSchema());
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.ok(validate({ checks: { placeholder: 'off', 'date-order': 'error' }, ignore: ['archive/**'] }));
    assert.ok(!validate({ checks: { placeholdr: 'off' } }), 'unknown id');
    assert.ok(!validate({ checks: { placeholder: 'loud' } }), 'bad severity');
    assert.ok(!validate({ rules: {} }), 'unknown top-level key');
  });
});
