// Feeds `rollout-drift`: reads the live state of an open plan's toggles when the plan opens (and when
// environments, trust or tokens change), then at most once per refresh interval while it stays open,
// and asks for fresh diagnostics when an answer changed. Closed files are never fetched for: their
// timer stops on close, and the checks themselves only ever read what is already cached
// (ToggleState.liveForChecks). Nothing runs without a configured environment or in an untrusted
// workspace; LiveToggleStatus enforces the network rules (GET only, HTTPS except loopback, 2 s, …).
import { CodeLensRefreshRequest } from 'vscode-languageserver';
import { driftRamps } from '../service/index';
import type { FeatureRegistration } from './planServer';

export const registerRolloutDrift: FeatureRegistration = (connection, server) => {
  const timers = new Map<string, ReturnType<typeof setInterval>>();
  const seen = new Map<string, string>();

  async function fetchFor(uri: string): Promise<void> {
    const { toggles } = server;
    if (!server.documents.get(uri) || toggles.configuredEnvironments.length === 0 || !server.trusted) return;
    const plan = await server.planFor(uri);
    if (!plan) return;
    // the toggles rollout-drift compares: the table's, or in a plan with several rollouts each rollout's own
    const names = [...new Set(driftRamps(plan, server.service.clock()).flatMap((r) => r.toggles.map((t) => toggles.catalog.flipperName(t.name))))];
    if (names.length === 0) return;
    const answers = await toggles.live.statusesMany(names);
    if (!server.documents.get(uri)) return;
    // only a changed answer is worth a re-pull (ages change every time and do not count)
    const key = JSON.stringify([...answers].map(([name, statuses]) => [name, statuses.map((s) => [s.environment.name, s.status])]));
    if (seen.get(uri) === key) return;
    seen.set(uri, key);
    server.refreshDiagnostics();
    // the toggle table's plan-versus-production lens reads the same answers
    if (server.clientCapabilities.workspace?.codeLens?.refreshSupport === true) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  function start(uri: string): void {
    stop(uri);
    void fetchFor(uri);
    const timer = setInterval(() => void fetchFor(uri), server.toggles.refreshIntervalSeconds * 1000);
    timer.unref?.();
    timers.set(uri, timer);
  }

  function stop(uri: string): void {
    clearInterval(timers.get(uri));
    timers.delete(uri);
    seen.delete(uri);
  }

  server.documents.onDidOpen((e) => start(e.document.uri));
  server.documents.onDidClose((e) => stop(e.document.uri));
  server.toggles.onLiveReset.add(() => {
    seen.clear();
    for (const uri of timers.keys()) void fetchFor(uri);
  });
  return {};
};
