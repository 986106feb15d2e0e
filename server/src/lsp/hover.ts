// Hover: a toggle's registry entry and live status per environment; a date's weekday, length and
// place in the plan's timeline. The service renders markdown; this only finds which applies.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { plannedStages, provideDateHover, provideToggleHover, toggleAtPosition } from '../service/index';
import type { FeatureRegistration } from './planServer';
import { guarded } from './guard';

/** How long a toggle hover right after start-up waits for the registry before answering without it. */
const REGISTRY_WAIT_MS = 1000;

export const registerHover: FeatureRegistration = (connection, server) => {
  connection.onHover(guarded(connection, 'hover', null, async (params, token): Promise<Hover | null> => {
    const plan = await server.planFor(params.textDocument.uri, token);
    if (!plan || token.isCancellationRequested) return null;
    // the first hover after start-up may come before the registry (and the environments) are read
    const registryLoading = toggleAtPosition(plan, params.position) !== undefined && !(await server.toggles.whenConfigured(REGISTRY_WAIT_MS));
    if (token.isCancellationRequested) return null;
    const today = server.service.clock();
    const live = server.toggles.configuredEnvironments.length ? server.toggles.live : undefined;
    const toggle = await provideToggleHover(plan, params.position, server.toggles.catalog, live, today, { uri: params.textDocument.uri, stages: plannedStages(plan), registryLoading });
    if (token.isCancellationRequested) return null;
    if (toggle) return { contents: { kind: MarkupKind.Markdown, value: toggle.markdown }, range: toggle.range };
    const date = provideDateHover(plan, params.position, today);
    if (date) return { contents: { kind: MarkupKind.Markdown, value: date.markdown }, range: date.range };
    return null;
  }));
  return { hoverProvider: true };
};
