// The check registry: every check module in report order, and everything derived from their `Check`
// objects — the catalogue of ids, default severities and descriptions that settings,
// `.releaseplanrc.json`, disable comments, SARIF and CI scripts name. Nothing here is written by hand
// a second time: package.json and schemas/ are generated from it (npm run generate) and
// test/service/checks/manifest.test.ts proves they, and docs/checks.md, agree with it.
import { dateOrderCheck } from './date-order';
import { dateOutsideRangeCheck } from './date-outside-range';
import { disableCommentCheck } from './disable-comment';
import { durationMismatchCheck } from './duration-mismatch';
import { emptyFieldCheck } from './empty-field';
import { invalidDateCheck } from './invalid-date';
import { percentageMismatchCheck } from './percentage-mismatch';
import { percentageOrderCheck } from './percentage-order';
import { pickOneCheck } from './pick-one';
import { placeholderCheck } from './placeholder';
import { rolloutDriftCheck } from './rollout-drift';
import { stageSequenceCheck } from './stage-sequence';
import { timelineOutOfDateCheck } from './timeline-out-of-date';
import { toggleLinkMismatchCheck } from './toggle-link-mismatch';
import { unknownToggleCheck } from './unknown-toggle';
import { yearAnomalyCheck } from './year-anomaly';
import { closestWithin } from '../editDistance';
import { docsReference } from '../docsLinks';
import type { Check } from './types';

export const allChecks: readonly Check[] = [
  // placeholders and fields
  placeholderCheck,
  pickOneCheck,
  emptyFieldCheck,
  // rollout structure
  percentageMismatchCheck,
  percentageOrderCheck,
  stageSequenceCheck,
  // dates
  dateOutsideRangeCheck,
  durationMismatchCheck,
  dateOrderCheck,
  invalidDateCheck,
  yearAnomalyCheck,
  // toggles (unknown-toggle needs CheckContext.registry: ToggleCatalog.registry())
  unknownToggleCheck,
  toggleLinkMismatchCheck,
  // plan versus production (needs CheckContext.live: fetched toggle states)
  rolloutDriftCheck,
  // generated content
  timelineOutOfDateCheck,
  // ---- the disable comments themselves (built here: it needs every id, and importing this module would be a cycle)
  disableCommentCheck(() => CHECK_IDS, (id) => closestCheckId(id)),
];

/** A check's public metadata, without its code. */
export type CatalogueEntry = Pick<Check, 'id' | 'defaultSeverity' | 'description' | 'timeline'>;

export const CATALOGUE: readonly CatalogueEntry[] = allChecks.map(({ id, defaultSeverity, description, timeline }) => ({ id, defaultSeverity, description, timeline }));

export const CHECK_IDS: readonly string[] = CATALOGUE.map((e) => e.id);

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.id === id);
}

export const SEVERITY_SETTINGS = ['off', 'hint', 'information', 'warning', 'error'] as const;

/** The check's section in the docs/checks.md that ships with the package (see ../docsLinks.ts). */
export function docsUrl(anchor: string): string {
  return docsReference(anchor);
}

/** The closest known id to a misspelt one (edit distance ≤ 3), for "did you mean" messages. */
export function closestCheckId(id: string): string | undefined {
  return closestWithin(id.toLowerCase(), CHECK_IDS, 3);
}
