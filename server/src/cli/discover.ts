// Turns the command line's paths and globs into the list of files to look at. Node file-system code
// lives here, in the CLI layer; deciding whether a file is a plan happens later, on its text, with
// the same detection the server uses.
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { compileGlob } from '../service/index';

/** Directories never searched: dependencies and git's own store hold no plans of the project's. */
export const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;

export interface Candidate {
  abs: string;
  /** Relative to cwd, `/`-separated (absolute when there is no relative path, e.g. another drive). */
  display: string;
  /** Named on the command line itself (not found by walking a directory or expanding a glob). */
  explicit: boolean;
  /** Index of the input that found it; -1 for the default search of the current directory. */
  input: number;
}

export interface UnreadableDirectory {
  display: string;
  detail: string;
}

export interface Discovery {
  candidates: Candidate[];
  /** Directory inputs (and the default search), by input index, for "no plans found under …". */
  directories: Map<number, string>;
  unreadableDirectories: UnreadableDirectory[];
}

/** A path that does not exist or a glob that matches nothing: a usage error (exit 2). */
export class DiscoveryError extends Error {}

/**
 * How a path is printed: relative to cwd, `/`-separated; a path outside cwd that was given as an
 * absolute path stays absolute ("as given"), rather than becoming `../../tmp/…`.
 */
export function displayPath(abs: string, cwd: string, givenAbsolute = false): string {
  const rel = relative(cwd, abs);
  if (rel === '') return '.';
  if (isAbsolute(rel) || (givenAbsolute && (rel === '..' || rel.startsWith('..' + sep)))) return abs.split(sep).join('/');
  return rel.split(sep).join('/');
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'symbolic link loop';
    default:
      return code ?? (err instanceof Error ? err.message : String(err));
  }
}

export function discover(inputs: readonly string[], cwd: string): Discovery {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const directories = new Map<number, string>();
  const unreadableDirectories: UnreadableDirectory[] = [];

  const add = (abs: string, explicit: boolean, input: number) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    candidates.push({ abs, display: displayPath(abs, cwd, input >= 0 && isAbsolute(inputs[input])), explicit, input });
  };

  const walk = (dir: string, visit: (abs: string, entry: Dirent) => void) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      unreadableDirectories.push({ display: displayPath(dir, cwd), detail: describeFsError(err) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      // Dirent.isDirectory() is false for a symlink to a directory: not following links means no cycles.
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(abs, visit);
      } else visit(abs, entry);
    }
  };

  const walkForPlans = (dir: string, input: number) => {
    directories.set(input, displayPath(dir, cwd, input >= 0 && isAbsolute(inputs[input])));
    walk(dir, (abs, entry) => {
      if (MARKDOWN.test(entry.name)) add(abs, false, input);
    });
  };

  if (inputs.length === 0) walkForPlans(cwd, -1);

  inputs.forEach((input, index) => {
    const scan = picomatch.scan(input);
    if (scan.isGlob) {
      const baseAbs = resolve(cwd, scan.base || '.');
      const pattern = (scan.base ? `${scan.base}/` : '') + scan.glob;
      const compiled = compileGlob(pattern, { dot: false });
      if ('problem' in compiled) throw new DiscoveryError(compiled.problem.replace(/; it is ignored, the other patterns apply$/, ''));
      const matches = compiled.matcher;
      const before = candidates.length;
      let matched = 0;
      if (isDirectory(baseAbs)) {
        walk(baseAbs, (abs) => {
          const rel = relative(resolve(cwd, scan.base || '.'), abs).split(sep).join('/');
          const asWritten = scan.base ? `${scan.base}/${rel}` : rel;
          if (matches(asWritten)) {
            matched++;
            add(abs, false, index);
          }
        });
      }
      if (matched === 0 && candidates.length === before) throw new DiscoveryError(`no files match '${input}'`);
      return;
    }
    const abs = resolve(cwd, input);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch (err) {
      // A dangling symlink exists (lstat works) but cannot be read: that is a file to report, not a typo.
      if (existsAsLink(abs)) {
        add(abs, true, index);
        return;
      }
      const code = (err as NodeJS.ErrnoException).code;
      throw new DiscoveryError(code === 'ENOENT' || code === 'ENOTDIR' ? `no such file or directory: '${input}'` : `cannot access '${input}': ${describeFsError(err)}`);
    }
    if (isDir) walkForPlans(abs, index);
    else add(abs, true, index);
  });

  return { candidates, directories, unreadableDirectories };
}

function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

function existsAsLink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}
