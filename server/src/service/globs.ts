// Globs from settings and config files, compiled once and never thrown from: a pattern picomatch
// cannot take (a 100,000-character paste, say) is reported as a problem with that one pattern and
// left out, and the other patterns keep working.
import picomatch from 'picomatch';

/** Far beyond any real path pattern, far below picomatch's 65,536 (where it throws). */
export const MAX_GLOB_LENGTH = 1000;

export type GlobMatcher = (path: string) => boolean;

/** Compiles one glob, or says in a sentence why it cannot be used. */
export function compileGlob(glob: string, options: picomatch.PicomatchOptions = {}): { matcher: GlobMatcher } | { problem: string } {
  const shown = glob.length > 40 ? `'${glob.slice(0, 40)}…'` : `'${glob}'`;
  if (glob.length > MAX_GLOB_LENGTH) return { problem: `the pattern ${shown} is ${glob.length.toLocaleString('en-US')} characters long (at most ${MAX_GLOB_LENGTH.toLocaleString('en-US')}); it is ignored, the other patterns apply` };
  try {
    return { matcher: picomatch(glob, options) };
  } catch (err) {
    return { problem: `the pattern ${shown} is not a valid glob (${err instanceof Error ? err.message : String(err)}); it is ignored, the other patterns apply` };
  }
}

/** The globs that compile, and a sentence for each one that does not. */
export function usableGlobs(globs: readonly string[]): { globs: string[]; problems: string[] } {
  const out: string[] = [];
  const problems: string[] = [];
  for (const g of globs) {
    const compiled = compileGlob(g);
    if ('problem' in compiled) problems.push(compiled.problem);
    else out.push(g);
  }
  return { globs: out, problems };
}
