// Inlay hints: the length of each date range (`6 days`), when `releasePlan.inlayHints.dateRangeLength` is on.
import type { InlayHint } from 'vscode-languageserver';
import { provideDateInlayHints } from '../service/index';
import type { FeatureRegistration } from './planServer';
import { guarded } from './guard';

export const registerInlayHints: FeatureRegistration = (connection, server) => {
  connection.languages.inlayHint.on(guarded(connection, 'inlay hints', [], async (params, token): Promise<InlayHint[]> => {
    const s = await server.settings.get(params.textDocument.uri);
    const hints = (s.inlayHints ?? {}) as { dateRangeLength?: unknown };
    if (hints.dateRangeLength !== true) return [];
    const plan = await server.planFor(params.textDocument.uri, token);
    if (!plan || token.isCancellationRequested) return [];
    return provideDateInlayHints(plan, params.range).map((h) => ({ position: h.position, label: h.label, paddingLeft: h.paddingLeft, tooltip: h.tooltip }));
  }));
  return { inlayHintProvider: true };
};
