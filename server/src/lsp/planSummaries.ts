// `releasePlan/planSummaries`: the Release Plans view's rows. The client reads the workspace's
// markdown files (it knows remote file systems) and sends them in batches; the server answers with
// one row per plan — state today, current/next stage, late stages, finding counts — the same rows as
// `release-plan summary`. Open documents are read from the editor's buffer, not the disk.
import { DiagnosticSeverity, RequestType } from 'vscode-languageserver';
import type { Severity } from '../service/checks/types';
import { planSummaryRow, type PlanSummaryRow } from '../service/features/planSummary';
import type { FeatureRegistration } from './features';

export interface PlanSummariesParams {
  files: { uri: string; text: string }[];
}

export interface PlanSummariesResult {
  plans: Array<{ uri: string } & PlanSummaryRow>;
}

export const PlanSummariesRequest = new RequestType<PlanSummariesParams, PlanSummariesResult, void>('releasePlan/planSummaries');

const SEVERITY: Record<number, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export const registerPlanSummaries: FeatureRegistration = (connection, server) => {
  connection.onRequest(PlanSummariesRequest, async (params, token) => {
    const plans: PlanSummariesResult['plans'] = [];
    const today = server.service.clock();
    for (const f of params.files) {
      if (token.isCancellationRequested) break;
      const open = server.documents.get(f.uri);
      const text = open ? open.getText() : f.text;
      const diagnostics = await server.diagnoseText(f.uri, text);
      if (diagnostics === undefined) continue;
      const plan = open ? await server.planFor(f.uri) : server.service.getPlan(`summary:${f.uri}`, 0, text);
      if (!open) server.service.forget(`summary:${f.uri}`);
      if (!plan) continue;
      plans.push({ uri: f.uri, ...planSummaryRow(plan, today, diagnostics.map((d) => ({ severity: SEVERITY[d.severity ?? DiagnosticSeverity.Warning] ?? 'warning' }))) });
    }
    return { plans };
  });
  return {};
};
