// `releasePlan/planSummaries`: the Release Plans view's rows. The client reads the workspace's
// markdown files (it knows remote file systems) and sends them in batches; the server answers with
// one row per plan — state today, current/next stage, late stages, finding counts — the same rows as
// `release-plan summary`. Open documents are read from the editor's buffer, not the disk.
import { PlanSummariesRequest, type PlanSummariesResult } from '../protocol/index';
import { planSummaryRow, type Severity } from '../service/index';
import { nextTurn } from './longWork';
import { guarded } from './guard';
import { requestType } from './messages';
import type { FeatureRegistration } from './planServer';

export const registerPlanSummaries: FeatureRegistration = (connection, server) => {
  connection.onRequest(requestType(PlanSummariesRequest), guarded(connection, 'planSummaries', { plans: [] }, async (params, token): Promise<PlanSummariesResult> => {
    const plans: PlanSummariesResult['plans'] = [];
    const today = server.service.clock();
    for (const f of params.files) {
      // a batch parses and checks many files: let the event loop run between them, so a live-status
      // answer, a keystroke or a cancellation is not held behind the whole batch
      await nextTurn();
      if (token.isCancellationRequested) break;
      let plan;
      let severities: { severity: Severity }[];
      if (server.documents.get(f.uri)) {
        // an open file's editor text (perhaps unsaved) wins over the text read from disk
        plan = await server.planFor(f.uri);
        if (!plan) continue;
        severities = (await server.findingsFor(f.uri)).map((x) => ({ severity: x.severity }));
      } else {
        // one parse and one run of the checks give both the row and its counts; a file the size guard
        // or the parser stood in for has no model to summarise
        const checked = await server.checkClosed(f.uri, f.text);
        if (!checked?.plan) continue;
        plan = checked.plan;
        severities = checked.findings.map((x) => ({ severity: x.severity }));
      }
      plans.push({ uri: f.uri, ...planSummaryRow(plan, today, severities) });
    }
    return { plans };
  }));
  return {};
};
