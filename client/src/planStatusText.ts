// The words of the language status item; no vscode import, so plain tests can check them.
import type { PlanStatus } from '../../server/src/protocol/index';

export function describeStatus(s: PlanStatus): { text: string; detail: string } {
  if (!s.isPlan) return { text: 'Not a release plan', detail: 'name does not match releasePlan.files and no stage/toggle vocabulary found' };
  const counts = `${s.stages} stage${s.stages === 1 ? '' : 's'}, ${s.toggles} toggle${s.toggles === 1 ? '' : 's'}`;
  return { text: `Release plan (${counts})`, detail: s.reason === 'path' ? 'name matches releasePlan.files' : 'recognised by its content' };
}
