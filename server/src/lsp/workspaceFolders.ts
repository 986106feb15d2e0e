// The workspace folders the client opened, and the two questions asked of them: which folder holds a
// path (config-file walks stop there), and the workspace-relative path `releasePlan.files` globs see.
import { relative } from 'node:path';
import type { WorkspaceFolder, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { isInside, uriToPath } from './paths';

export class WorkspaceFolders {
  private folders: WorkspaceFolder[] = [];

  get list(): WorkspaceFolder[] {
    return this.folders;
  }

  set(folders: WorkspaceFolder[]): void {
    this.folders = folders;
  }

  update(e: WorkspaceFoldersChangeEvent): void {
    this.folders = this.folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
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
    const path = uriToPath(uri);
    if (!path) return undefined;
    const root = this.rootOf(path);
    return root ? relative(root, path) : path;
  }
}
