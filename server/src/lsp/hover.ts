// Hover: a toggle's registry entry and live status per environment; a date's weekday, length and
// place in the plan's timeline. The service renders markdown; this only finds which applies.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { planTimeline } from '../service/dates/timeline';
import type { PlannedStage } from '../service/features/toggleHover';
import { provideToggleHover } from '../service/features/toggleHover';
import type { ReleasePlan } from '../service/parse/model';
import type { FeatureRegistration } from './features';

function plannedStages(plan: ReleasePlan): PlannedStage[] {
  return planTimeline(plan).stages.map((w) => ({ label: w.stage.label, percentage: w.stage.percentage?.value, start: w.start, end: w.end }));
}

export const registerHover: FeatureRegistration = (connection, server) => {
  connection.onHover(async (params, token): Promise<Hover | null> => {
    const plan = await server.planFor(params.textDocument.uri);
    if (!plan || token.isCancellationRequested) return null;
    const today = server.service.clock();
    const live = server.toggles.configuredEnvironments.length ? server.toggles.live : undefined;
    const toggle = await provideToggleHover(plan, params.position, server.toggles.catalog, live, today, { uri: params.textDocument.uri, stages: plannedStages(plan) });
    if (token.isCancellationRequested) return null;
    if (toggle) return { contents: { kind: MarkupKind.Markdown, value: toggle.markdown }, range: toggle.range };
    return null;
  });
  return { hoverProvider: true };
};
