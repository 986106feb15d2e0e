// The toggles a plan names itself (its toggle table and toggles in prose), as a toggle source.
import type { ReleasePlan } from '../parse/model';
import type { ToggleInfo, ToggleOrigin, ToggleSource } from './types';

/** The toggles of one parsed plan; `origin` is `document` for the open plan, `workspace` for others. */
export function planToggleInfos(plan: ReleasePlan, origin: ToggleOrigin, sourceLabel: string, uri?: string): ToggleInfo[] {
  return plan.toggles.map((t) => ({
    name: t.name,
    origin,
    sourceLabel,
    description: t.description?.text.trim() || undefined,
    uri,
    range: t.range,
  }));
}

export class DocumentToggleSource implements ToggleSource {
  readonly origin = 'document' as const;
  readonly version = 0;
  private readonly infos: ToggleInfo[];

  constructor(
    plan: ReleasePlan,
    readonly label = 'this plan',
    uri?: string,
  ) {
    this.infos = planToggleInfos(plan, 'document', label, uri);
  }

  entries(): readonly ToggleInfo[] {
    return this.infos;
  }
}
