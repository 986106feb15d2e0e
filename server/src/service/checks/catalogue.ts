// Every check id the product knows, with its default severity and one-line description: the public
// interface that settings, `.releaseplanrc.json`, disable comments and CI scripts name. It lists the
// ids whose modules live elsewhere too (dates, toggles) so config and disable comments accept them
// whichever checks are registered; tests keep this list, the registry, package.json and the JSON
// schema in step.
import { docsReference } from './docsLinks';
import type { Severity } from './types';

export interface CatalogueEntry {
  id: string;
  defaultSeverity: Severity;
  description: string;
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  { id: 'placeholder', defaultSeverity: 'information', description: 'An unfilled template placeholder ([FILL_IN], TBD, XX/XX/2026, mm/dd/yy, lorem ipsum, ???, x standing in for a value).' },
  { id: 'pick-one', defaultSeverity: 'information', description: 'A [PICK_ONE] marker still present.' },
  { id: 'empty-field', defaultSeverity: 'information', description: 'A template field label with no value.' },
  { id: 'percentage-mismatch', defaultSeverity: 'warning', description: "A stage's heading names a percentage that differs from its own 'Percentage of Users' value." },
  { id: 'percentage-order', defaultSeverity: 'warning', description: "A stage's percentage is not greater than the previous stage's." },
  { id: 'stage-sequence', defaultSeverity: 'warning', description: 'Stage labels out of sequence: a duplicate, a gap or out of order.' },
  { id: 'date-outside-range', defaultSeverity: 'warning', description: "A stage or release date falls outside the plan's desired date range." },
  { id: 'duration-mismatch', defaultSeverity: 'warning', description: 'A declared length (Six Days, 1 week) disagrees with the date range given with it.' },
  { id: 'date-order', defaultSeverity: 'warning', description: 'A range whose end is before its start, or a stage that starts before the previous stage starts.' },
  { id: 'invalid-date', defaultSeverity: 'error', description: 'A date that does not exist (2/30/2026, 13/4/25).' },
  { id: 'year-anomaly', defaultSeverity: 'warning', description: "A date whose year is out of line with the rest of the plan's dates." },
  { id: 'unknown-toggle', defaultSeverity: 'warning', description: 'A toggle in the toggle table is not in the configured toggle registry (features.yml).' },
  { id: 'toggle-link-mismatch', defaultSeverity: 'warning', description: "A toggle linked to a Flipper page whose feature name differs from the link text." },
  { id: 'rollout-drift', defaultSeverity: 'warning', description: "A toggle's live state in a configured environment differs from what the plan's stages say for today." },
  { id: 'timeline-out-of-date', defaultSeverity: 'information', description: "The generated timeline diagram (mermaid block between the release-plan:timeline markers) no longer matches the plan's stage dates." },
  { id: 'disable-comment', defaultSeverity: 'warning', description: 'A release-plan disable comment that names an unknown check id or directive, so it silences nothing.' },
];

export const CHECK_IDS: readonly string[] = CATALOGUE.map((e) => e.id);

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.id === id);
}

export const SEVERITY_SETTINGS = ['off', 'hint', 'information', 'warning', 'error'] as const;

/** The check's section in the docs/checks.md that ships with the package (see docsLinks.ts). */
export function docsUrl(anchor: string): string {
  return docsReference(anchor);
}

/** The closest known id to a misspelt one (edit distance ≤ 3), for "did you mean" messages. */
export function closestCheckId(id: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const known of CHECK_IDS) {
    const d = editDistance(id.toLowerCase(), known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
