import { strict as assert } from 'node:assert';
import { camelToSnake, NameMapping, snakeToCamel, toggleKey } from '../../../server/src/service/toggles/names';
import { nameMappingFromFiles, parseFlagNamesFile } from '../../../server/src/service/toggles/flagNamesFile';
import { flagNamesText } from '../../helpers/toggles';

describe('toggle names', () => {
  it('derives snake_case from camelCase, acronyms included', () => {
    assert.equal(camelToSnake('showOneVADebtLetter'), 'show_one_va_debt_letter');
    assert.equal(camelToSnake('hcaHouseholdV2Enabled'), 'hca_household_v2_enabled');
    assert.equal(camelToSnake('travelPaySMOC'), 'travel_pay_smoc');
    assert.equal(camelToSnake('avs_enabled'), 'avs_enabled');
    assert.equal(camelToSnake('caregiver_use_facilities_API'), 'caregiver_use_facilities_API');
  });

  it('derives camelCase from snake_case', () => {
    assert.equal(snakeToCamel('show_one_va_debt_letter'), 'showOneVaDebtLetter');
    assert.equal(snakeToCamel('avs_enabled'), 'avsEnabled');
    assert.equal(snakeToCamel('dispute'), 'dispute');
  });

  it('gives both spellings one key', () => {
    assert.equal(toggleKey('showOneVADebtLetter'), toggleKey('show_one_va_debt_letter'));
    assert.equal(toggleKey('caregiver_use_facilities_API'), toggleKey('caregiverUseFacilitiesApi'));
    assert.notEqual(toggleKey('avs_enabled'), toggleKey('avs_enable'));
  });

  it("prefers a mapping file's pairs over derivation", () => {
    const { pairs, problems } = parseFlagNamesFile(flagNamesText());
    assert.equal(problems.length, 0);
    assert.equal(pairs.length, 24);
    const m = new NameMapping(pairs);
    // Not derivable: the mapping is the only way to pair these.
    assert.equal(m.toSnake('manageDependents'), 'dependents_management');
    assert.equal(m.key('manageDependents'), toggleKey('dependents_management'));
    assert.equal(m.toSnake('cstUseLighthouse#5103'), 'cst_use_lighthouse_5103');
    assert.equal(m.toSnake('hlrUpdatedContent'), 'hlr_updateed_contnet');
    assert.equal(m.toCamel('show_meb_1990EZ_maintenance_alert'), 'showMeb1990EZMaintenanceAlert');
    // The real file has a value with a trailing tab.
    assert.equal(m.toSnake('vaOnlineSchedulingBookingExclusion'), 'va_online_scheduling_booking_exclusion');
    // Names the file does not list fall back to derivation.
    assert.equal(m.toSnake('showOneVADebtLetter'), 'show_one_va_debt_letter');
    assert.equal(m.toCamel('avs_enabled'), 'avsEnabled');
  });

  it('reports, not throws, on a broken mapping file; earlier files win', () => {
    assert.match(parseFlagNamesFile('{"a": ').problems[0], /^JSON: /);
    assert.deepEqual(parseFlagNamesFile('["a"]').pairs, []);
    const r = parseFlagNamesFile('{"fooBar": "foo_bar", "bad": 3}');
    assert.deepEqual(r.pairs, [['fooBar', 'foo_bar']]);
    assert.deepEqual(r.problems, ['bad: value is not a name']);
    const { mapping } = nameMappingFromFiles(['{"fooBar": "foo_bar_one"}', '{"fooBar": "foo_bar_two"}']);
    assert.equal(mapping.toSnake('fooBar'), 'foo_bar_one');
  });
});
