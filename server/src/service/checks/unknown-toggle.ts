// `unknown-toggle`: a toggle in the plan's toggle table that the configured registry (a features.yml)
// does not define — usually a typo, a renamed toggle, or one that was never added. Silent without a
// registry: "not in a registry" means nothing when there is none.
import type { Check, Finding } from './types';

export const unknownToggleCheck: Check = {
  id: 'unknown-toggle',
  description: 'A toggle in the toggle table is not in the configured toggle registry (features.yml).',
  defaultSeverity: 'warning',
  check(plan, context) {
    const registry = context.registry;
    if (!registry) return [];
    const findings: Finding[] = [];
    for (const toggle of plan.toggles) {
      if (toggle.source !== 'table' || registry.has(toggle.name)) continue;
      const suggestion = registry.suggest?.(toggle.name);
      findings.push({
        checkId: 'unknown-toggle',
        range: toggle.range,
        message: suggestion
          ? `Toggle '${toggle.name}' is not in the toggle registry; did you mean '${suggestion}'?`
          : `Toggle '${toggle.name}' is not in the toggle registry; check its spelling or add it to the registry.`,
        data: { name: toggle.name, suggestion },
      });
    }
    return findings;
  },
};
