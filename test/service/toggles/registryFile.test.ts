import { strict as assert } from 'node:assert';
import { parseRegistryFile, RegistryFileSource } from '../../../server/src/service/toggles/registryFile';
import { toggleKey } from '../../../server/src/service/toggles/names';
import { registryText } from '../../helpers/toggles';

describe('registry file (vets-api config/features.yml)', () => {
  const { entries, problems } = parseRegistryFile(registryText());
  const byName = new Map(entries.map((e) => [e.name, e]));

  it('reads all 714 toggles of the real file without problems', () => {
    assert.equal(entries.length, 714);
    assert.deepEqual(problems, []);
  });

  it('reads actor type, description and enable_in_development', () => {
    assert.deepEqual(byName.get('accredited_representative_portal_custom_login'), {
      name: 'accredited_representative_portal_custom_login',
      actorType: 'cookie_id',
      description: 'Controls whether the ARP application uses its custom login page or the platform login.',
      enableInDevelopment: true,
    });
    // Folded block scalars (`description: >`) become one line.
    assert.equal(
      byName.get('accredited_representative_portal_form_21a')?.description,
      'When enabled, shows form 21a in the accredited representative portal. NOTE: content-build is using "vagovprod: false" to also hide the form 21a in production.',
    );
  });

  it("tolerates the real file's oddities", () => {
    // Misspelled key, and an `actor:` key, still give the actor type.
    assert.equal(byName.get('merge_1995_and_5490')?.actorType, 'user');
    assert.equal(byName.get('claims_hourly_slack_error_report_enabled')?.actorType, 'user');
    // An empty `actor_type:` is no actor type, not the string "null".
    assert.equal(byName.get('calculator_constants_versioning')?.actorType, undefined);
    // Missing description.
    assert.equal(byName.get('show_meb_service_history_categorize_disagreement')?.description, undefined);
    assert.equal(byName.get('show_meb_service_history_categorize_disagreement')?.enableInDevelopment, false);
    // Non-snake-case names are kept as written (that is what Flipper knows them by).
    assert.ok(byName.has('caregiver_use_facilities_API'));
    assert.ok(byName.has('show_meb_1990EZ_R6_maintenance_message'));
  });

  it('has no two toggles that merge into one key', () => {
    const keys = new Set(entries.map((e) => toggleKey(e.name)));
    assert.equal(keys.size, entries.length);
  });

  it('returns what it can read from a broken or odd file', () => {
    const broken = parseRegistryFile('features:\n  good_one:\n    actor_type: user\n  bad: [unclosed\n');
    assert.ok(broken.problems.length > 0);
    assert.ok(broken.problems[0].startsWith('YAML: '));
    assert.deepEqual(parseRegistryFile('just text').entries, []);
    assert.deepEqual(parseRegistryFile('features: 3').problems, ['`features:` is not a map']);
    const dup = parseRegistryFile('features:\n  a_b:\n    description: one\n  a_b:\n    description: two\n  c_d:\n');
    assert.deepEqual(dup.entries.map((e) => e.name), ['a_b', 'a_b', 'c_d']);
    assert.deepEqual(dup.problems, ['duplicate toggle a_b']);
    // A bare map of names (a trimmed copy) works too.
    assert.deepEqual(parseRegistryFile('x_y:\n  actor_type: user\n').entries, [{ name: 'x_y', actorType: 'user' }]);
  });

  it('is a toggle source that bumps its version on update', () => {
    const source = new RegistryFileSource('config/features.yml', registryText());
    assert.equal(source.entries().length, 714);
    assert.equal(source.entries()[0].origin, 'registry');
    assert.equal(source.entries()[0].sourceLabel, 'config/features.yml');
    const v = source.version;
    source.update('features:\n  only_one:\n    actor_type: user\n');
    assert.equal(source.version, v + 1);
    assert.deepEqual(source.entries().map((e) => e.name), ['only_one']);
  });
});
