// The real file system for the Node server: small, bounded reads only.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { ServerFileSystem } from '../lsp/fileSystem';
import { expandHome } from './homePath';

const MAX_READ_BYTES = 5_000_000;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.cache', 'dist', 'out', 'build', 'vendor', 'tmp', '.vscode-test', 'coverage']);

export const nodeFileSystem: ServerFileSystem = {
  // `~/` paths come from settings (releasePlan.toggles.registryFiles); the server passes them through
  async readFile(given) {
    const path = expandHome(given);
    try {
      const stat = await fs.stat(path);
      if (!stat.isFile() || stat.size > MAX_READ_BYTES) return undefined;
      return await fs.readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  async exists(path) {
    try {
      return (await fs.stat(expandHome(path))).isFile();
    } catch {
      return false;
    }
  },
  async listMarkdown(root, limit) {
    const out: string[] = [];
    const queue = [root];
    let visited = 0;
    // Breadth-first with a cap on directories too, so a huge monorepo costs a bounded amount of work.
    while (queue.length && out.length < limit && visited < 20_000) {
      const dir = queue.shift()!;
      visited++;
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) queue.push(join(dir, e.name));
        } else if (e.isFile() && /\.(md|markdown)$/i.test(e.name)) {
          out.push(join(dir, e.name));
          if (out.length >= limit) break;
        }
      }
    }
    return out.sort();
  },
};
