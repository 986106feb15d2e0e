// `releasePlan/status`: is this document a release plan, and why — what the editor's language
// status item shows, so a user can tell at a glance why a file is (or is not) being checked.
// For plans it also says where the rollout stands today and how many findings the plan has (the
// status bar entry), from the same clock and the same findings as the diagnostics.
import { PlanStatusRequest, type FindingCounts, type PlanStatus } from '../protocol/index';
import { rolloutBrief } from '../service/index';
import type { FeatureRegistration } from './planServer';
import { guarded } from './guard';
import { requestType } from './messages';

export const registerPlanStatus: FeatureRegistration = (connection, server) => {
  connection.onRequest(requestType(PlanStatusRequest), guarded(connection, 'plan status', { isPlan: false, stages: 0, toggles: 0 } as PlanStatus, async ({ uri }: { uri: string }): Promise<PlanStatus> => {
    const reason = await server.planReasonFor(uri);
    const plan = reason ? await server.planFor(uri) : undefined;
    const status: PlanStatus = { isPlan: reason !== undefined, reason, stages: plan?.stages.length ?? 0, toggles: new Set(plan?.toggles.map((t) => t.name)).size };
    if (plan) {
      status.rollout = rolloutBrief(plan, server.service.clock());
      const findings: FindingCounts = { error: 0, warning: 0, information: 0, hint: 0 };
      for (const f of await server.findingsFor(uri)) findings[f.severity]++;
      status.findings = findings;
    }
    return status;
  }));
  return {};
};
