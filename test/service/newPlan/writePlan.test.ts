// The New Release Plan command's plan: the real template, filled, then run through every real check.
// "Clean except its placeholders" is the promise: a user starts from findings that are all theirs to fill.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock } from '../../../server/src/service/clock';
import { createReleasePlanService } from '../../../server/src/service/index';
import { escapeMarkdown, TemplateShapeError, writeNewPlan, type NewPlanAnswers } from '../../../server/src/service/newPlan/writePlan';
import { planTimeline } from '../../../server/src/service/dates/timeline';
import { RegistryFileSource, ToggleCatalog } from '../../../server/src/service/toggles/index';

const TEMPLATE = readFileSync(join(__dirname, '..', '..', '..', 'templates', 'release-plan-template.md'), 'utf8');
const PLACEHOLDER_CHECKS = new Set(['placeholder', 'pick-one']);
const d = (year: number, month: number, day: number) => ({ year, month, day });

function findings(text: string, today = d(2026, 5, 1), registryYaml?: string) {
  const service = createReleasePlanService({ clock: fixedClock(today) });
  const registry = registryYaml ? new ToggleCatalog({ sources: [new RegistryFileSource('features.yml', registryYaml)] }).registry() : undefined;
  const plan = service.parsePlan(text);
  return { plan, findings: service.findings(plan, { registry }) };
}

function assertOnlyPlaceholders(text: string, today?: ReturnType<typeof d>, registryYaml?: string) {
  const { findings: all } = findings(text, today, registryYaml);
  const other = all.filter((f) => !PLACEHOLDER_CHECKS.has(f.checkId));
  assert.deepEqual(other.map((f) => `${f.range.start.line + 1} ${f.checkId}: ${f.message}`), []);
  return all;
}

describe('newPlan/writePlan', () => {
  const full: NewPlanAnswers = {
    featureName: 'Appointment reminders',
    toggles: ['appointment_reminders', 'appointment_reminders_email'],
    range: { start: d(2026, 6, 3), end: d(2026, 6, 30) },
  };

  it('with every answer skipped, is the template with only its placeholders to fill', () => {
    const text = writeNewPlan(TEMPLATE);
    const all = assertOnlyPlaceholders(text);
    assert.ok(all.length > 0, 'the template has placeholders');
    const { plan } = findings(text);
    assert.deepEqual(plan.stages.map((s) => `${s.label}:${s.percentage?.value ?? '-'}`), ['A:-', 'B:25', 'C:50', 'D:100']);
  });

  it('fills name, toggles, range and dated stages, and checks clean except placeholders (registry on, mid-rollout)', () => {
    const text = writeNewPlan(TEMPLATE, full);
    const registry = 'features:\n  appointment_reminders:\n    description: x\n  appointment_reminders_email:\n    description: y\n';
    // today inside Stage B: placeholders of finished stages turn to warnings, still placeholders
    assertOnlyPlaceholders(text, d(2026, 6, 12), registry);
    const { plan, findings: all } = findings(text);
    assert.equal(plan.title?.text, 'Release Plan: Appointment reminders');
    assert.deepEqual(plan.toggles.map((t) => t.name), ['appointment_reminders', 'appointment_reminders_email']);
    assert.equal(plan.desiredDateRanges.at(-1)?.value, '6/3/2026 - 6/30/2026');
    const windows = planTimeline(plan).stages.map((w) => `${w.label} ${w.start.month}/${w.start.day}-${w.end.month}/${w.end.day}`);
    // 20 business days in four runs of five, each starting Wednesday (spanning a weekend)
    assert.deepEqual(windows, ['Stage A 6/3-6/9', 'Stage B 6/10-6/16', 'Stage C 6/17-6/23', 'Stage D 6/24-6/30']);
    // nothing the user answered is left as a placeholder: the title and range lines are clean, and
    // a toggle row's only placeholder is its description
    const answeredLines = new Set([plan.title?.line, plan.desiredDateRanges.at(-1)?.line]);
    assert.deepEqual(all.filter((f) => answeredLines.has(f.range.start.line)), []);
    for (const t of plan.toggles) assert.deepEqual(all.filter((f) => f.range.start.line === t.range.start.line && f.range.start.character <= t.range.end.character), []);
  });

  it('writes one stage per percentage, canary first and 100% last', () => {
    const text = writeNewPlan(TEMPLATE, { percentages: [5, 10, 30, 60, 100], range: { start: d(2026, 6, 1), end: d(2026, 6, 12) } });
    assertOnlyPlaceholders(text);
    const { plan } = findings(text);
    assert.deepEqual(plan.stages.map((s) => s.heading.text), ['Stage A: Canary', 'Stage B: 10% of users', 'Stage C: 30% of users', 'Stage D: 60% of users', 'Stage E: 100% of users']);
    assert.match(text, /Percentage of Users[^\n]*: 5% \(\*Recommendation/);
    assert.match(text, /Length of time: 2 business days, 6\/11\/2026 - 6\/12\/2026/);
  });

  it('a single 100% stage is not called a canary', () => {
    const text = writeNewPlan(TEMPLATE, { percentages: [100] });
    assertOnlyPlaceholders(text);
    assert.deepEqual(findings(text).plan.stages.map((s) => s.heading.text), ['Stage A: 100% of users']);
  });

  it('keeps user text literal and the template line endings', () => {
    assert.equal(escapeMarkdown('Forms *v2* [beta] <b>'), 'Forms \\*v2\\* \\[beta\\] \\<b\\>');
    const crlf = writeNewPlan(TEMPLATE.replace(/\n/g, '\r\n'), full);
    assert.ok(!/[^\r]\n/.test(crlf));
  });

  it('refuses impossible answers instead of writing a wrong plan', () => {
    assert.throws(() => writeNewPlan(TEMPLATE, { percentages: [50, 25] }), RangeError);
    assert.throws(() => writeNewPlan(TEMPLATE, { range: { start: d(2026, 6, 6), end: d(2026, 6, 9) } }), /fewer business days/);
    assert.throws(() => writeNewPlan('# Something else\n', { featureName: 'x' }), TemplateShapeError);
  });
});
