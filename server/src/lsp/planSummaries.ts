// `releasePlan/planSummaries`: the Release Plans view's rows. The client reads the workspace's
// markdown files (it knows remote file systems) and sends them in batches; the server answers with
// one row per plan — state today, current/next stage, late stages, finding counts — the same rows as
// `release-plan summary`. Open documents are read from the editor's buffer, not the disk.
import { DiagnosticSeverity, RequestType } from 'vscode-languageserver';
import type { Severity } from '../service/checks/types';
import { planSummaryRow, type PlanSummaryRow } from '../service/features/planSummary';
import type { FeatureRegistration } from './planServer';

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
      let plan;
      let severities: { severity: Severity }[];
      if (server.documents.get(f.uri)) {
        // an open file's editor text (perhaps unsaved) wins over the text read from disk
        plan = await server.planFor(f.uri);
        if (!plan) continue;
        severities = (await server.findingsFor(f.uri)).map((x) => ({ severity: x.severity }));
      } else {
        const diagnostics = await server.diagnoseClosed(f.uri, f.text);
        if (diagnostics === undefined) continue;
        plan = server.service.parsePlan(f.text);
        severities = diagnostics.map((d) => ({ severity: SEVERITY[d.severity ?? DiagnosticSeverity.Warning] ?? 'warning' }));
      }
      plans.push({ uri: f.uri, ...planSummaryRow(plan, today, severities) });
    }
    return { plans };
  });
  return {};
};
