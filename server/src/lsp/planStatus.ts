// `releasePlan/status`: is this document a release plan, and why — what the editor's language
// status item shows, so a user can tell at a glance why a file is (or is not) being checked.
import { RequestType } from 'vscode-languageserver';
import type { PlanReason } from '../service/detect';
import type { FeatureRegistration } from './planServer';
import { guarded } from './guard';

export interface PlanStatus {
  isPlan: boolean;
  reason?: PlanReason;
  stages: number;
  toggles: number;
}

export const PlanStatusRequest = new RequestType<{ uri: string }, PlanStatus, void>('releasePlan/status');

export const registerPlanStatus: FeatureRegistration = (connection, server) => {
  connection.onRequest(PlanStatusRequest, guarded(connection, 'plan status', { isPlan: false, stages: 0, toggles: 0 } as PlanStatus, async ({ uri }: { uri: string }): Promise<PlanStatus> => {
    const reason = await server.planReasonFor(uri);
    const plan = reason ? await server.planFor(uri) : undefined;
    return { isPlan: reason !== undefined, reason, stages: plan?.stages.length ?? 0, toggles: new Set(plan?.toggles.map((t) => t.name)).size };
  }));
  return {};
};
