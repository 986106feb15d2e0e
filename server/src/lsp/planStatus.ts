// `releasePlan/status`: is this document a release plan, and why — what the editor's language
// status item shows, so a user can tell at a glance why a file is (or is not) being checked.
// For plans it also says where the rollout stands today and how many findings the plan has (the
// status bar entry), from the same clock and the same findings as the diagnostics.
import { DiagnosticSeverity, RequestType } from 'vscode-languageserver';
import type { FindingCounts, PlanStatusRollout } from '../protocol/firstHour';
import type { PlanReason } from '../service/detect';
import { rolloutStatus } from '../service/rolloutStatus';
import type { FeatureRegistration } from './features';

export interface PlanStatus extends PlanStatusRollout {
  isPlan: boolean;
  reason?: PlanReason;
  stages: number;
  toggles: number;
}

export const PlanStatusRequest = new RequestType<{ uri: string }, PlanStatus, void>('releasePlan/status');

export const registerPlanStatus: FeatureRegistration = (connection, server) => {
  connection.onRequest(PlanStatusRequest, async ({ uri }) => {
    const reason = await server.planReasonFor(uri);
    const plan = reason ? await server.planFor(uri) : undefined;
    const status: PlanStatus = { isPlan: reason !== undefined, reason, stages: plan?.stages.length ?? 0, toggles: new Set(plan?.toggles.map((t) => t.name)).size };
    const doc = server.documents.get(uri);
    if (plan && doc) {
      status.rollout = rolloutStatus(plan, server.service.clock());
      const findings: FindingCounts = { error: 0, warning: 0, information: 0, hint: 0 };
      for (const d of (await server.diagnoseText(uri, doc.getText(), doc.version)) ?? []) {
        if (d.severity === DiagnosticSeverity.Error) findings.error++;
        else if (d.severity === DiagnosticSeverity.Warning) findings.warning++;
        else if (d.severity === DiagnosticSeverity.Hint) findings.hint++;
        else findings.information++;
      }
      status.findings = findings;
    }
    return status;
  });
  return {};
};
