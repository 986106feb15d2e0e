// Which markdown documents are release plans: a path that matches `releasePlan.files`, or content
// that reads like one. Content detection is a few regexes over the raw text, cheap enough to run
// on every open markdown file without parsing it.
import picomatch from 'picomatch';

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

/** True when the text has a stage line plus a toggle table or the template's phase/stage vocabulary. */
export function looksLikeReleasePlan(text: string): boolean {
  const sample = text.length > 2_000_000 ? text.slice(0, 2_000_000) : text;
  if (!STAGE_LINE.test(sample)) return false;
  return PLAN_VOCABULARY.some((re) => re.test(sample));
}

const matcherCache = new Map<string, (path: string) => boolean>();

/** Does a workspace-relative (or absolute) path match one of the globs, case-insensitively? */
export function pathMatchesPlanGlobs(path: string, globs: readonly string[] = DEFAULT_PLAN_GLOBS): boolean {
  const normalized = path.replace(/\\/g, '/');
  return globs.some((glob) => {
    let m = matcherCache.get(glob);
    if (!m) {
      m = picomatch(glob, { nocase: true, dot: true });
      matcherCache.set(glob, m);
    }
    // a glob without a slash also matches the base name, the way `files.associations` does
    return m(normalized) || m(normalized.replace(/^\/+/, '')) || (!glob.includes('/') && m(normalized.split('/').pop() ?? ''));
  });
}

export function isReleasePlan(path: string | undefined, text: string, globs: readonly string[] = DEFAULT_PLAN_GLOBS): boolean {
  if (path !== undefined && /\.(md|markdown|mdown|mkd)$/i.test(path) && pathMatchesPlanGlobs(path, globs)) return true;
  return looksLikeReleasePlan(text);
}
