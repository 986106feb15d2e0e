import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/service/parse/index';
import { ToggleCatalog } from '../../../server/src/service/toggles/catalog';
import { parseFlagNamesFile } from '../../../server/src/service/toggles/flagNamesFile';
import { NameMapping } from '../../../server/src/service/toggles/names';
import { RegistryFileSource } from '../../../server/src/service/toggles/registryFile';
import { WorkspaceToggleIndex } from '../../../server/src/service/toggles/workspaceIndex';
import { flagNamesText, registryText, seedPlan, seedText } from '../../helpers/toggles';

function catalog(): { catalog: ToggleCatalog; index: WorkspaceToggleIndex } {
  const index = new WorkspaceToggleIndex({ parsePlan, label: (uri) => uri.replace('file:///ws/', '') });
  index.update('file:///ws/docs/avs-release-plan.md', seedText('avs'));
  index.update('file:///ws/docs/cst-release-plan.md', seedText('cst'));
  index.update('file:///ws/docs/debt-release-plan.md', '## Feature toggles\n\n| Toggle name | Description |\n| --- | --- |\n| showOneVADebtLetter | One debt letter |\n| travelPaySMOC | SMOC |\n');
  const registry = new RegistryFileSource('config/features.yml', registryText());
  return { catalog: new ToggleCatalog({ sources: [registry, index], mapping: new NameMapping(parseFlagNamesFile(flagNamesText()).pairs) }), index };
}

describe('toggle catalog', () => {
  it('merges sources by name: the registry spelling and description win', () => {
    const { catalog: c } = catalog();
    const avs = c.lookup('avs_enabled');
    assert.ok(avs);
    assert.equal(avs.inRegistry, true);
    assert.equal(avs.flipperName, 'avs_enabled');
    assert.equal(avs.actorType, 'user');
    assert.deepEqual(avs.infos.map((i) => [i.origin, i.sourceLabel]), [
      ['registry', 'config/features.yml'],
      ['workspace', 'docs/avs-release-plan.md'],
    ]);
    // camelCase spelling (mapping pair) finds the same entry.
    assert.equal(c.lookup('avsEnabled'), avs);
  });

  it('asks Flipper by the registry spelling, the mapping, or the derivation, in that order', () => {
    const { catalog: c } = catalog();
    assert.equal(c.flipperName('caregiverUseFacilitiesApi'), 'caregiver_use_facilities_API');
    assert.equal(c.flipperName('manageDependents'), 'dependents_management');
    // A plan's camelCase name meets the registry's snake_case one (no mapping pair needed).
    const letter = c.lookup('showOneVADebtLetter');
    assert.equal(letter?.inRegistry, true);
    assert.equal(letter?.flipperName, 'show_one_va_debt_letter');
    assert.deepEqual(letter?.infos.map((i) => i.name), ['show_one_va_debt_letter', 'showOneVADebtLetter']);
    // Not in the registry, only in a plan, written camelCase: derived.
    assert.equal(c.lookup('travelPaySMOC')?.inRegistry, false);
    assert.equal(c.flipperName('travelPaySMOC'), 'travel_pay_smoc');
    assert.equal(c.lookup('travel_pay_smoc')?.name, 'travelPaySMOC');
    assert.equal(c.flipperName('never_heard_of_it'), 'never_heard_of_it');
  });

  it('ranks this plan first and leaves out its own stale copy in the workspace index', () => {
    const { catalog: c } = catalog();
    const plan = parsePlan(seedText('avs').replace('avs_enabled](', 'avs_enabled_v2]('));
    const view = c.withDocument(plan, 'file:///ws/docs/avs-release-plan.md');
    const v2 = view.lookup('avs_enabled_v2');
    assert.equal(v2?.origin, 'document');
    assert.equal(v2?.description, 'Enables the AVS API and web application');
    // The index still has the old text of this file; it must not show up as "another plan".
    assert.deepEqual(view.lookup('avs_enabled')?.infos.map((i) => i.origin), ['registry']);
    assert.equal(view.hasRegistry(), true);
  });

  it("keeps one plan's view until a source changes", () => {
    const { catalog: c, index } = catalog();
    const plan = parsePlan(seedText('avs'));
    const view = c.withDocument(plan, 'file:///ws/docs/avs-release-plan.md');
    assert.equal(c.withDocument(plan, 'file:///ws/docs/avs-release-plan.md'), view, 'asked again between keystrokes: the same view');
    assert.notEqual(c.withDocument(plan, 'file:///ws/docs/other-release-plan.md'), view, 'another uri leaves out another file');
    index.update('file:///ws/docs/new-release-plan.md', '## Feature toggles\n\n| Toggle name | Description |\n| --- | --- |\n| brand_new_toggle | New |\n');
    const after = c.withDocument(plan, 'file:///ws/docs/avs-release-plan.md');
    assert.equal(view.lookup('brand_new_toggle'), undefined);
    assert.equal(after.lookup('brand_new_toggle')?.origin, 'workspace', 'a changed source is seen at once');
    // a new name mapping changes no source's version, and still makes every kept view stale
    c.setMapping(new NameMapping([]));
    const remapped = c.withDocument(plan, 'file:///ws/docs/avs-release-plan.md');
    assert.notEqual(remapped, after, 'a new mapping builds the view again');
    assert.equal(remapped.mapping, c.mapping);
  });

  it('answers the unknown-toggle check through the mapping, with suggestions', () => {
    const { catalog: c } = catalog();
    const r = c.registry();
    assert.ok(r);
    assert.equal(r.has('avs_enabled'), true);
    assert.equal(r.has('avsEnabled'), true);
    assert.equal(r.has('merge1995And5490'), true);
    assert.equal(r.has('showOneVADebtLetter'), true);
    assert.equal(r.has('va_online_scheduling_after_visit_summary'), false);
    assert.equal(r.suggest('avs_enable'), 'avs_enabled');
    assert.equal(r.suggest('cst_show_document_uplaod_status'), 'cst_show_document_upload_status');
    assert.equal(r.suggest('completely_different_name'), undefined);
    assert.equal(new ToggleCatalog().registry(), undefined);
  });

  it('re-merges only when a source changes', () => {
    const { catalog: c, index } = catalog();
    const first = c.entries();
    assert.equal(c.entries().length, first.length);
    assert.equal(c.lookup('brand_new_toggle'), undefined);
    index.update('file:///ws/docs/new-release-plan.md', '## Feature Toggles\n\n| Toggle name | Description |\n| --- | --- |\n| `brand_new_toggle` | New |\n');
    assert.equal(c.lookup('brand_new_toggle')?.origin, 'workspace');
    index.remove('file:///ws/docs/new-release-plan.md');
    assert.equal(c.lookup('brand_new_toggle'), undefined);
    assert.ok(seedPlan('avs').toggles.length > 0);
  });
});
