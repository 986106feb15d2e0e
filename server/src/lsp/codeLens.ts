// CodeLens on the plan's title and stages for today, and plan versus production on the toggle table
// (`releasePlan.codeLens.enabled` turns them off).
// Clicking runs the server's `releasePlan.reveal` command (planCommands.ts). The day changes without
// an edit, so at local midnight the server asks the client to recompute them (workspace/codeLens/refresh).
import { CodeLensRefreshRequest, type CodeLens } from 'vscode-languageserver';
import { msUntilMidnight, provideCodeLenses, provideDriftLenses } from '../service/index';
import type { FeatureRegistration } from './planServer';
import { REVEAL_COMMAND } from './planCommands';

export const registerCodeLens: FeatureRegistration = (connection, server) => {
  let midnight: NodeJS.Timeout | undefined;
  const scheduleMidnight = () => {
    if (midnight || server.clientCapabilities.workspace?.codeLens?.refreshSupport !== true) return;
    midnight = setTimeout(() => {
      midnight = undefined;
      void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      // the diagnostics' timeline severity moves with the day too
      server.refreshDiagnostics();
      scheduleMidnight();
    }, msUntilMidnight(new Date()));
    // a pending refresh must not keep a server alive that was asked to exit
    midnight.unref();
  };

  connection.onCodeLens(async (params, token): Promise<CodeLens[]> => {
    const uri = params.textDocument.uri;
    const s = await server.settings.get(uri);
    const lens = (s.codeLens ?? {}) as { enabled?: unknown };
    if (lens.enabled === false) return [];
    const plan = await server.planFor(uri);
    if (!plan || token.isCancellationRequested) return [];
    scheduleMidnight();
    const today = server.service.clock();
    // plan versus production on the toggle table: only answers already fetched (rolloutDrift.ts
    // fetches), and only with an environment configured in a trusted workspace
    const live = server.trusted ? server.toggles.liveForChecks() : undefined;
    return [...provideCodeLenses(plan, today), ...(live ? provideDriftLenses(plan, today, live) : [])].map((l) => ({
      range: l.range,
      command: { title: l.title, command: REVEAL_COMMAND, arguments: [uri, l.target] },
    }));
  });
  return { codeLensProvider: { resolveProvider: false } };
};
