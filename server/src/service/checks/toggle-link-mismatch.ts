// `toggle-link-mismatch`: a toggle whose link points at a different Flipper feature than its text
// names (`[avs_enabled](https://api.va.gov/flipper/features/avs_enable)`): a reader clicking through
// checks the wrong toggle. The two spellings of one toggle (camelCase text, snake_case URL) agree.
import { toggleKey } from '../toggles/names';
import type { Range } from '../parse/model';
import type { Check, Finding } from './types';

export const toggleLinkMismatchCheck: Check = {
  id: 'toggle-link-mismatch',
  description: "A toggle linked to a Flipper page whose feature name differs from the link text.",
  defaultSeverity: 'warning',
  check(plan) {
    const findings: Finding[] = [];
    for (const toggle of plan.toggles) {
      const link = toggle.link;
      if (!link?.featureName || toggleKey(link.featureName) === toggleKey(toggle.name)) continue;
      findings.push({
        checkId: 'toggle-link-mismatch',
        range: featureNameRange(plan.text, link.featureName, link.range),
        message: `Link text '${toggle.name}' points at Flipper feature '${link.featureName}'; make the link and its text name the same toggle.`,
        data: {
          name: toggle.name,
          featureName: link.featureName,
          // The fix most often wanted: the URL names what the text says.
          fixedTarget: replaceFeatureName(link.target, toggle.name),
        },
      });
    }
    return findings;
  },
};

/** The feature name's own span inside the link target as written; the whole target when it is not written verbatim. */
function featureNameRange(text: string, featureName: string, targetRange: Range): Range {
  if (targetRange.start.line !== targetRange.end.line) return targetRange;
  const lineText = text.split(/\r?\n/, targetRange.start.line + 1)[targetRange.start.line] ?? '';
  const written = lineText.slice(targetRange.start.character, targetRange.end.character);
  const at = written.lastIndexOf(`/features/${featureName}`);
  if (at < 0) return targetRange;
  const start = targetRange.start.character + at + '/features/'.length;
  return { start: { line: targetRange.start.line, character: start }, end: { line: targetRange.start.line, character: start + featureName.length } };
}

function replaceFeatureName(target: string, name: string): string {
  return target.replace(/(\/flipper\/features\/)[^/?#\s)]+/, (_m, prefix: string) => prefix + encodeURIComponent(name));
}
