// The requests behind the "first hour" commands: toggle names for New Release Plan, and one live
// toggle fetched to prove Set Up Live Toggle Status works. Logic stays in the service and ToggleState.
import { ProbeToggleRequest, ToggleNamesRequest, type ProbeToggleParams, type ProbeToggleResult, type ToggleNamesParams, type ToggleNamesResult } from '../protocol/index';
import { describeStatus, type EnvironmentStatus } from '../service/index';
import { guarded } from './guard';
import { requestType } from './messages';
import type { FeatureRegistration } from './planServer';

/** How long a probe waits for a just-written environment setting to reach the server. */
const CONFIG_WAIT_MS = 5000;
const GRACE_MS = 1000;
/** Tries at the live answer a probe makes before it reports a timeout (each waits at most the live service's bound). */
const PROBE_ATTEMPTS = 3;

export const registerFirstHour: FeatureRegistration = (connection, server) => {
  connection.onRequest(requestType(ToggleNamesRequest), guarded(connection, 'toggle names', { names: [], loading: false } as ToggleNamesResult, async (params: ToggleNamesParams): Promise<ToggleNamesResult> => {
    const plan = params?.uri ? await server.planFor(params.uri) : undefined;
    const view = server.toggles.catalog.withDocument(plan, params?.uri);
    const names = view
      .entries()
      .filter((e) => e.origin !== 'document')
      .map((e) => ({ name: e.name, description: e.description, inRegistry: e.inRegistry }))
      .sort((a, b) => Number(b.inRegistry) - Number(a.inRegistry) || a.name.localeCompare(b.name));
    return { names, loading: server.toggles.loading };
  }));

  const probeFailed: ProbeToggleResult = { ok: false, message: 'The live-status probe failed; the Release Plan Tools output channel says why.' };
  connection.onRequest(requestType(ProbeToggleRequest), guarded(connection, 'probe toggle', probeFailed, async (params: ProbeToggleParams): Promise<ProbeToggleResult> => {
    const plan = params.uri ? await server.planFor(params.uri) : undefined;
    const toggle = params.toggle ?? plan?.toggles[0]?.name;
    if (!toggle) return { ok: false, message: 'Open a release plan with a toggle in its toggle table to try a live answer.' };
    // The client writes the setting just before asking; the server re-reads settings on the
    // didChangeConfiguration that precedes this request, which takes a moment.
    const started = Date.now();
    const configured = () => server.toggles.configuredEnvironments.some((e) => e.name === params.environment);
    // a short grace for the settings read to start, longer only while the toggles are being configured
    while (!configured() && Date.now() - started < (server.toggles.loading ? CONFIG_WAIT_MS : GRACE_MS)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!server.toggles.configuredEnvironments.some((e) => e.name === params.environment)) {
      return { ok: false, toggle, message: `No environment named "${params.environment}" is configured in releasePlan.environments.` };
    }
    if (!server.trusted) return { ok: false, toggle, message: 'This workspace is not trusted: live toggle status is never fetched here.' };
    const flipperName = server.toggles.catalog.flipperName(toggle);
    // The client's token hand-over and the settings change that caused this probe each reset the
    // live cache; an answer that lands after such a reset is dropped ("not fetched"), so ask again.
    // A timeout is asked again too, with a fresh fetch: the user is watching this one answer, and a
    // Flipper (or this server) busy for a moment must not make the setup look broken.
    let answer: EnvironmentStatus | undefined;
    for (let attempt = 0; attempt < PROBE_ATTEMPTS; attempt++) {
      answer = (await server.toggles.live.statuses(flipperName)).find((s) => s.environment.name === params.environment);
      const reason = answer?.status.kind === 'unknown' ? answer.status.reason : undefined;
      if (reason !== 'not-fetched' && reason !== 'timeout') break;
      if (reason === 'timeout') server.toggles.live.forgetToggle(flipperName);
    }
    if (!answer) return { ok: false, toggle, message: `No answer from ${params.environment}.` };
    const ok = answer.status.kind !== 'unknown';
    return { ok, toggle, message: `${flipperName} in ${params.environment}: ${describeStatus(answer.status)}` };
  }));
  return {};
};
