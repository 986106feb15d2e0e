import { strict as assert } from 'node:assert';
import { unknownToggleCheck } from '../../../server/src/service/checks/unknown-toggle';
import type { CheckContext } from '../../../server/src/service/checks/types';
import { parsePlan } from '../../../server/src/service/parse/index';
import { ToggleCatalog } from '../../../server/src/service/toggles/catalog';
import { NameMapping } from '../../../server/src/service/toggles/names';
import { RegistryFileSource } from '../../../server/src/service/toggles/registryFile';
import { registryText, seedPlan } from '../../helpers/toggles';

function context(registry: CheckContext['registry']): CheckContext {
  return { today: { year: 2026, month: 2, day: 20 }, plannedEndAt: () => undefined, registry };
}

const registry = new ToggleCatalog({ sources: [new RegistryFileSource('config/features.yml', registryText())], mapping: new NameMapping() }).registry();

describe('unknown-toggle', () => {
  it('is silent without a registry', () => {
    assert.deepEqual(unknownToggleCheck.check(seedPlan('dispute-debt'), context(undefined)), []);
  });

  it('is silent when every table toggle is in the registry (Dispute Debt seed)', () => {
    assert.deepEqual(unknownToggleCheck.check(seedPlan('dispute-debt'), context(registry)), []);
  });

  it('flags a table toggle the registry lacks, at the name (AVS and CST seeds)', () => {
    // The registry snapshot no longer has these two (toggles are removed after launch).
    assert.deepEqual(unknownToggleCheck.check(seedPlan('avs'), context(registry)), [
      {
        checkId: 'unknown-toggle',
        range: { start: { line: 7, character: 3 }, end: { line: 7, character: 43 } },
        message: "Toggle 'va_online_scheduling_after_visit_summary' is not in the toggle registry; check its spelling or add it to the registry.",
        data: { name: 'va_online_scheduling_after_visit_summary', suggestion: undefined },
      },
    ]);
    const cst = unknownToggleCheck.check(seedPlan('cst'), context(registry));
    assert.deepEqual(cst.map((f) => f.data?.name), ['cst_update_evidence_submission_on_show']);
  });

  it('suggests the nearest registry name and matches camelCase to snake_case', () => {
    const plan = parsePlan('## Feature Toggles\n\n| Toggle name | Description |\n| --- | --- |\n| `avs_enabeld` | typo |\n| `avsEnabled` | camel |\n| `checkVaInboxEnabled` | camel |\n| showOneVADebtLetter | camel with an acronym |\n');
    const findings = unknownToggleCheck.check(plan, context(registry));
    assert.deepEqual(findings.map((f) => [f.message, f.range.start.line]), [["Toggle 'avs_enabeld' is not in the toggle registry; did you mean 'avs_enabled'?", 4]]);
  });

  it('leaves toggles in prose alone', () => {
    const plan = parsePlan('# Plan\n\nWe will flip the feature toggle `totally_unknown_flag` at launch.\n');
    assert.ok(plan.toggles.some((t) => t.source === 'prose'), 'parser finds the prose toggle');
    assert.deepEqual(unknownToggleCheck.check(plan, context(registry)), []);
  });
});
