// The check ids are a public interface, and each check's `Check` object is the one place its id,
// default severity, description and timeline flag are written. Everything users read about a check —
// the settings in package.json, the .releaseplanrc.json schema, the table and anchors in docs/checks.md —
// must agree with those objects.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { CATALOGUE, CHECK_IDS, allChecks } from '../../../server/src/service/checks/catalogue';
import { checkSettingProperties, jsonValidation, rcSchema } from '../../../server/src/service/checks/manifest';

const root = join(__dirname, '..', '..', '..');
const readJson = (...p: string[]) => JSON.parse(readFileSync(join(root, ...p), 'utf8'));
const checksDir = join(root, 'server', 'src', 'service', 'checks');
/** Modules in checks/ that are not checks: the registry, its runner and the manifest. */
const NOT_CHECKS = new Set(['catalogue', 'index', 'manifest', 'support', 'types']);

describe('check manifest', () => {
  it('every check module in checks/ is registered once, under its file name, in kebab-case', () => {
    const modules = readdirSync(checksDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).filter((m) => !NOT_CHECKS.has(m));
    assert.deepEqual([...CHECK_IDS].sort(), modules.sort());
    assert.equal(new Set(CHECK_IDS).size, allChecks.length, 'duplicate registration');
    for (const id of CHECK_IDS) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/);
    for (const check of allChecks) assert.match(check.description, /^[A-Z].*\.$/, `${check.id}: one sentence`);
  });

  it('docs/checks.md lists every check in registry order, with its default and an anchor for its section', () => {
    const docs = readFileSync(join(root, 'docs', 'checks.md'), 'utf8');
    const rows = [...docs.matchAll(/^\| \[`([a-z-]+)`\]\(#([a-z-]+)\) \| [^|]+ \| ([^|]+) \|$/gm)];
    assert.deepEqual(rows.map((r) => r[1]), [...CHECK_IDS], 'the table of checks');
    for (const [, id, anchor, defaults] of rows) {
      const check = allChecks.find((c) => c.id === id)!;
      assert.equal(anchor, id);
      assert.ok(docs.includes(`<a id="${id}"></a>`), `docs/checks.md has no anchor for ${id}`);
      assert.equal(defaults.trim(), check.timeline ? `${check.defaultSeverity} (warning once the stage has ended)` : check.defaultSeverity, id);
    }
  });

  it('package.json declares releasePlan.checks.<id> for every id, as generated (npm run generate)', () => {
    const pkg = readJson('package.json');
    // the texts are %keys% of package.nls.json (the generator writes both)
    const nls: Record<string, string> = readJson('package.nls.json');
    const text = (s: string) => s.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? s);
    const declared = Object.fromEntries(Object.entries(pkg.contributes.configuration.properties).filter(([k]) => k.startsWith('releasePlan.checks.')));
    assert.deepEqual(declared, checkSettingProperties());
    for (const check of allChecks) {
      const p = declared[`releasePlan.checks.${check.id}`] as { default: string; scope: string; enum: string[]; markdownDescription: string };
      assert.equal(p.default, check.defaultSeverity);
      assert.equal(p.scope, 'resource');
      assert.deepEqual(p.enum, ['off', 'hint', 'information', 'warning', 'error']);
      assert.ok(text(p.markdownDescription).includes(check.description), check.id);
      assert.equal(text(p.markdownDescription).includes('raised to `warning`'), check.timeline === true, check.id);
    }
    assert.deepEqual(pkg.contributes.jsonValidation, [jsonValidation]);
  });

  it('schemas/releaseplanrc.schema.json is as generated and accepts/rejects what the config parser does', () => {
    const schema = readJson('schemas', 'releaseplanrc.schema.json') as { properties: { checks: { properties: Record<string, { default: string }> } } };
    assert.deepEqual(schema, rcSchema());
    assert.deepEqual(Object.keys(schema.properties.checks.properties), [...CHECK_IDS]);
    for (const entry of CATALOGUE) assert.equal(schema.properties.checks.properties[entry.id].default, entry.defaultSeverity);
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.ok(validate({ checks: { placeholder: 'off', 'date-order': 'error' }, ignore: ['archive/**'] }));
    assert.ok(!validate({ checks: { placeholdr: 'off' } }), 'unknown id');
    assert.ok(!validate({ checks: { placeholder: 'loud' } }), 'bad severity');
    assert.ok(!validate({ rules: {} }), 'unknown top-level key');
  });
});
