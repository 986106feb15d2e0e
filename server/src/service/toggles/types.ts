// Shared shapes of the toggle catalog: what a source says about a toggle, and live status.
import type { Range } from '../parse/model';

/** Where a toggle is known from; also the completion ranking order (document first). */
export type ToggleOrigin = 'document' | 'registry' | 'workspace';

/** One source's knowledge of one toggle. */
export interface ToggleInfo {
  /** The name as that source writes it. */
  name: string;
  origin: ToggleOrigin;
  /** Human-readable source: `this plan`, `config/features.yml`, `docs/foo-release-plan.md`. */
  sourceLabel: string;
  description?: string;
  /** Registry only: `user`, `cookie_id`… */
  actorType?: string;
  enableInDevelopment?: boolean;
  /** Workspace plans: which file and where the name is in it. */
  uri?: string;
  range?: Range;
}

/**
 * A source of toggle names. Every source (registry file, workspace index, a document's table) is one
 * of these, so the catalog merges them without knowing where they come from.
 */
export interface ToggleSource {
  readonly origin: ToggleOrigin;
  readonly label: string;
  /** Changes whenever `entries()` would return something different; lets the catalog cache its merge. */
  readonly version: number;
  entries(): readonly ToggleInfo[];
}

export type EnvironmentKind = 'flipper-api' | 'va-feature-toggles';

/** One entry of `releasePlan.environments`. */
export interface EnvironmentConfig {
  name: string;
  kind: EnvironmentKind;
  /** flipper-api: the API mount (`https://example.gov/flipper/api`); va-feature-toggles: the API host (`https://api.va.gov`). */
  url: string;
  /** Base of the Flipper UI (`https://api.va.gov/flipper`); derived from `url` when absent. */
  uiUrl?: string;
  /** Header that carries the token; `Authorization` (default) sends `Bearer <token>`, any other header the raw token. */
  tokenHeader?: string;
  /** What was wrong with the setting and ignored, in a few words for the environment's hover line. */
  notes?: string[];
}

/** Flipper's gates, as counts and percentages a person reads. */
export interface GateSummary {
  boolean: boolean;
  expression: boolean;
  actors: number;
  groups: number;
  percentageOfActors: number;
  percentageOfTime: number;
}

export type UnknownReason =
  | 'timeout'
  | 'http-error'
  | 'network'
  | 'malformed'
  | 'too-large'
  | 'redirect-refused'
  | 'insecure'
  | 'untrusted'
  | 'stale'
  | 'not-fetched';

export type ToggleStatus =
  | {
      kind: 'known';
      state: 'on' | 'off' | 'conditional';
      /** Present for flipper-api; absent for va-feature-toggles, which only answers on/off. */
      gates?: GateSummary;
      /** va-feature-toggles: the answer is for an anonymous visitor only. */
      anonymousOnly: boolean;
    }
  | { kind: 'not-found' }
  | { kind: 'unknown'; reason: UnknownReason; /** e.g. the HTTP status */ detail?: string };

/** One environment's answer about one toggle, as a hover shows it. */
export interface EnvironmentStatus {
  environment: { name: string; kind: EnvironmentKind };
  /** Link to the toggle's Flipper UI page in this environment, when known. */
  uiUrl?: string;
  status: ToggleStatus;
  /** Seconds since the answer (or failure) was fetched; undefined when nothing was fetched. */
  ageSeconds?: number;
  /** What was wrong with this environment's setting (see EnvironmentConfig.notes). */
  notes?: string[];
}
