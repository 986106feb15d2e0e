// `~/…` in a path setting or option means the user's home folder, as in a shell: plans live in one
// repository and the registry in another (vets-api), and the setting is shared between machines.
// Node-only (os.homedir), so the pure service never sees a `~`.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Expands a leading `~` or `~/` (`~\` on Windows) to the home folder; anything else is returned as is. */
export function expandHome(path: string): string {
  if (path === '~') return homedir();
  if (/^~[\\/]/.test(path)) return join(homedir(), path.slice(2));
  return path;
}
