// The workspace folders the client opened, and the two questions asked of them: which folder holds a
// path (config-file walks stop there), and the workspace-relative path `releasePlan.files` globs see.
import { relative } from 'node:path';
import type { WorkspaceFolder, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { isInside, uriToPath } from './paths';

export class WorkspaceFolders {
  private folders: WorkspaceFolder[] = [];
  /**
   * relativePath by document URI, until the folders change: a document's path is asked again on every
   * keystroke (is it still a plan?), and two URI parses and a path.relative each time showed in the
   * keystroke profile.
   */
  private relativePaths = new Map<string, string | undefined>();

  get list(): WorkspaceFolder[] {
    return this.folders;
  }

  set(folders: WorkspaceFolder[]): void {
    this.folders = folders;
    this.relativePaths.clear();
  }

  update(e: WorkspaceFoldersChangeEvent): void {
    this.folders = this.folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
    this.relativePaths.clear();
  }

  /** The folders' file-system paths (folders on other schemes have none). */
  rootPaths(): string[] {
    return this.folders.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  }

  /** The folder that contains `path`, if any. */
  rootOf(path: string): string | undefined {
    return this.rootPaths().find((r) => isInside(r, path));
  }

  /** The path `releasePlan.files` globs are matched against: workspace-relative when inside a folder. */
  relativePath(uri: string): string | undefined {
    if (this.relativePaths.has(uri)) return this.relativePaths.get(uri);
    const path = uriToPath(uri);
    const root = path === undefined ? undefined : this.rootOf(path);
    const found = path === undefined ? undefined : root ? relative(root, path) : path;
    // bounded by what a session opens; a long one with thousands of documents starts over
    if (this.relativePaths.size > 10_000) this.relativePaths.clear();
    this.relativePaths.set(uri, found);
    return found;
  }
}
