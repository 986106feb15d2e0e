// `disable-comment`: a `<!-- release-plan-… -->` comment that cannot do what its author meant — an id
// that names no check (a typo silences nothing and hides nothing), or a directive that does not exist.
import { parseDirectives } from '../disable';
import type { Check } from './types';
import { rangeData } from './support';

/**
 * The registry builds this check with the ids it knows (and a "did you mean" for a misspelt one):
 * every other check is registered there, so importing the registry from here would be a cycle.
 */
export function disableCommentCheck(knownIds: () => readonly string[], suggest: (id: string) => string | undefined): Check {
  return {
    id: 'disable-comment',
    description: 'A release-plan disable comment that names an unknown check id or directive, so it silences nothing.',
    defaultSeverity: 'warning',
    check(plan) {
      return parseDirectives(plan, knownIds(), suggest).problems.map((p) => ({
        checkId: 'disable-comment',
        range: p.range,
        message:
          p.kind === 'unknown-id'
            ? `Unknown check id '${p.text}' in a release-plan comment${p.suggestion ? `; did you mean '${p.suggestion}'?` : '; see the list of check ids in the docs'}`
            : `Unknown directive '${p.text}'; use release-plan-disable, -enable, -disable-line, -disable-next-line or -disable-file`,
        data: { text: p.text, suggestion: p.suggestion, range: rangeData(p.range) },
      }));
    },
  };
}
