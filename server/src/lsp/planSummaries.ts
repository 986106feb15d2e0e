// `releasePlan/planSummaries`: the Release Plans view's rows. The client reads the workspace's
// markdown files (it knows remote file systems) and sends them in batches; the server answers with
// one row per plan — state today, current/next stage, late stages, finding counts — the same rows as
// `release-plan summary`. Open documents are read from the editor's buffer, not the disk.
import { DiagnosticSeverity } from 'vscode-languageserver';
import { PlanSummariesRequest, type PlanSummariesResult } from '../protocol/index';
import { planSummaryRow, type Severity } from '../service/index';
import { requestType } from './messages';
import type { FeatureRegistration } from './planServer';

const SEVERITY: Record<number, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export const registerPlanSummaries: FeatureRegistration = (connection, server) => {
  connection.onRequest(requestType(PlanSummariesRequest), async (params, token) => {
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
