// The words of the language status item; no vscode import, so plain tests can check them.
export interface PlanStatus {
  isPlan: boolean;
  reason?: 'path' | 'content';
  stages: number;
  toggles: number;
}

export function describeStatus(s: PlanStatus): { text: string; detail: string } {
  if (!s.isPlan) return { text: 'Not a release plan', detail: 'name does not match releasePlan.files and no stage/toggle vocabulary found' };
  const counts = `${s.stages} stage${s.stages === 1 ? '' : 's'}, ${s.toggles} toggle${s.toggles === 1 ? '' : 's'}`;
  return { text: `Release plan (${counts})`, detail: s.reason === 'path' ? 'name matches releasePlan.files' : 'recognised by its content' };
}
