// `releasePlan/status`: is this document a release plan, and why — what the editor's language
// status item shows, so a user can tell at a glance why a file is (or is not) being checked.
import { RequestType } from 'vscode-languageserver';
import { planReason, type PlanReason } from '../service/detect';
import type { FeatureRegistration } from './features';

export interface PlanStatus {
  isPlan: boolean;
  reason?: PlanReason;
  stages: number;
  toggles: number;
}

export const PlanStatusRequest = new RequestType<{ uri: string }, PlanStatus, void>('releasePlan/status');

export const registerPlanStatus: FeatureRegistration = (connection, server) => {
  connection.onRequest(PlanStatusRequest, async ({ uri }) => {
    const doc = server.documents.get(uri);
    if (!doc) return { isPlan: false, stages: 0, toggles: 0 };
    const s = await server.settings.get(uri);
    const reason = planReason(server.relativePath(uri), doc.getText(), s.files);
    const plan = reason ? await server.planFor(uri) : undefined;
    return { isPlan: reason !== undefined, reason, stages: plan?.stages.length ?? 0, toggles: new Set(plan?.toggles.map((t) => t.name)).size };
  });
  return {};
};
