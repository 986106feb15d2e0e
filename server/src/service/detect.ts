// Which markdown documents are release plans: a path that matches `releasePlan.files`, or content
// that reads like one. Content detection is a few regexes over the raw text, cheap enough to run
// on every open markdown file without parsing it.
import { compileGlob, type GlobMatcher } from './globs';

export const DEFAULT_PLAN_GLOBS = ['**/*release*plan*.md', '**/*release_plan*.md', '**/*releaseplan*.md'];

const STAGE_LINE = /^ {0,3}(?:#{1,6}[ \t]+|\d+[.)][ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\|[ \t]*)?[*_~]{0,2}[Ss]tage[ \t]+(?:[A-Z]|[IVX]{1,5}|\d{1,2})\b/m;
const PLAN_VOCABULARY = [
  /^\|[^\n]*\b(?:toggle|flag)\b[^\n]*\|/im,
  /\bPhase[ \t]+I{1,2}\b/,
  /Percentage of Users/i,
  /Rollout Planning/i,
  /staged rollout/i,
  /Desired date range/i,
];

// Plans written before their stages are planned: the template's Phase heading with its
// "Desired date range" field, or a title that says it is a release plan plus template vocabulary.
const PHASE_HEADING = /^ {0,3}#{1,6}[ \t]+[*_]{0,2}(?:Step[ \t]+\d+[^\n]*)?Phase[ \t]+(?:I{1,2}|1|2)\b/im;
const PLAN_TITLE = /^ {0,3}#{1,2}[ \t]+[^\n]*\brelease[ \t_-]*plan\b/im;

/** True when the text has a stage line plus a toggle table or the template's phase/stage vocabulary. */
export function looksLikeReleasePlan(text: string): boolean {
  const sample = text.length > 2_000_000 ? text.slice(0, 2_000_000) : text;
  const vocabulary = PLAN_VOCABULARY.filter((re) => re.test(sample)).length;
  if (STAGE_LINE.test(sample)) return vocabulary > 0;
  if (PHASE_HEADING.test(sample) && /Desired date range/i.test(sample)) return true;
  // a title that says "Release Plan" needs only one rollout word to go with it
  return PLAN_TITLE.test(sample) && (vocabulary > 0 || /\b(?:rollback|roll back|feature (?:toggle|flag)s?|flipper|go[- ]live|rollout)\b/i.test(sample));
}

const matcherCache = new Map<string, GlobMatcher>();
// a glob that cannot compile matches nothing (the settings layer says why, once)
const NEVER: GlobMatcher = () => false;

/** Does a workspace-relative (or absolute) path match one of the globs, case-insensitively? */
export function pathMatchesPlanGlobs(path: string, globs: readonly string[] = DEFAULT_PLAN_GLOBS): boolean {
  const normalized = path.replace(/\\/g, '/');
  return globs.some((glob) => {
    let m = matcherCache.get(glob);
    if (!m) {
      const compiled = compileGlob(glob, { nocase: true, dot: true });
      m = 'matcher' in compiled ? compiled.matcher : NEVER;
      matcherCache.set(glob, m);
    }
    // a glob without a slash also matches the base name, the way `files.associations` does
    return m(normalized) || m(normalized.replace(/^\/+/, '')) || (!glob.includes('/') && m(normalized.split('/').pop() ?? ''));
  });
}

/** Why a document is a release plan: its path matches the globs, or its content reads like one. */
export type PlanReason = 'path' | 'content';

export function planReason(path: string | undefined, text: string, globs: readonly string[] = DEFAULT_PLAN_GLOBS): PlanReason | undefined {
  if (path !== undefined && /\.(md|markdown|mdown|mkd)$/i.test(path) && pathMatchesPlanGlobs(path, globs)) return 'path';
  return looksLikeReleasePlan(text) ? 'content' : undefined;
}

export function isReleasePlan(path: string | undefined, text: string, globs: readonly string[] = DEFAULT_PLAN_GLOBS): boolean {
  return planReason(path, text, globs) !== undefined;
}
