// File paths as the server sees them: workspace folders and documents arrive as URIs; config files,
// registries and plan globs want paths. Separator-agnostic, so Windows paths work too.
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file-system path of a `file:` URI; undefined for any other scheme (untitled, remote…). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Is `path` strictly inside the folder `root`? */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** `relative` under `root`, unless it is already absolute or under the home folder (`~/`, expanded by the file-system adapter). */
export function joinPath(root: string, relativePath: string): string {
  if (relativePath.startsWith('/') || /^[A-Za-z]:[\\/]/.test(relativePath) || /^~(?:[\\/]|$)/.test(relativePath)) return relativePath;
  return root.replace(/[\\/]+$/, '') + '/' + relativePath.replace(/^\.?[\\/]+/, '');
}
