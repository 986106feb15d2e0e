// `releasePlan/status`: is this document a release plan, and why — what the editor's language
// status item shows, so a user can tell at a glance why a file is (or is not) being checked.
import { PlanStatusRequest, type PlanStatus } from '../protocol/index';
import type { FeatureRegistration } from './planServer';
import { guarded } from './guard';
import { requestType } from './messages';

export const registerPlanStatus: FeatureRegistration = (connection, server) => {
  connection.onRequest(requestType(PlanStatusRequest), guarded(connection, 'plan status', { isPlan: false, stages: 0, toggles: 0 } as PlanStatus, async ({ uri }: { uri: string }): Promise<PlanStatus> => {
    const reason = await server.planReasonFor(uri);
    const plan = reason ? await server.planFor(uri) : undefined;
    return { isPlan: reason !== undefined, reason, stages: plan?.stages.length ?? 0, toggles: new Set(plan?.toggles.map((t) => t.name)).size };
  }));
  return {};
};
