// The custom requests of the "first hour" features (new plan, live-status set-up, status bar),
// declared once for both ends: the client sends `X.method`, the server answers `X.method`, and both
// name their params and results with these types. No runtime imports, so the client bundle and the
// server bundle (which pin different vscode-jsonrpc versions) can both use it.
import type { RolloutStatus } from '../service/rolloutStatus';

export interface RequestSpec<P, R> {
  method: string;
  /** Type-only: keeps P and R attached to the spec. */
  readonly types?: { params: P; result: R };
}

function request<P, R>(method: string): RequestSpec<P, R> {
  return { method };
}

/** Toggle names to offer when starting a plan: the registry's and the workspace plans'. */
export interface ToggleNamesParams {
  /** The open document whose own toggles rank first, if any. */
  uri?: string;
}
export interface ToggleNameInfo {
  name: string;
  description?: string;
  inRegistry: boolean;
}
export interface ToggleNamesResult {
  names: ToggleNameInfo[];
  /** True while the registry or the workspace index is still loading (the list may grow). */
  loading: boolean;
}
export const ToggleNamesRequest = request<ToggleNamesParams, ToggleNamesResult>('releasePlan/toggleNames');

/** Fetches one toggle of a plan from one configured environment, to prove live status works. */
export interface ProbeToggleParams {
  /** The plan whose first toggle to ask about (else `toggle`). */
  uri?: string;
  toggle?: string;
  /** Name of a configured `releasePlan.environments` entry. */
  environment: string;
}
export interface ProbeToggleResult {
  ok: boolean;
  toggle?: string;
  /** One plain-text line: the answer, or why there is none. */
  message: string;
}
export const ProbeToggleRequest = request<ProbeToggleParams, ProbeToggleResult>('releasePlan/probeToggle');

/** Added to the `releasePlan/status` answer for plans. */
export interface FindingCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}
export interface PlanStatusRollout {
  rollout?: RolloutStatus;
  findings?: FindingCounts;
}
export type { RolloutStatus };
