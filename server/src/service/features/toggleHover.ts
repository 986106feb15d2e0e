// Hover over a toggle name or its Flipper link: what the toggle is (registry), whether it is on and
// for whom in each environment — in Flipper's words, with how old the answer is — and what the plan
// expects today. Pure: live statuses are fetched by the caller (bounded by the fetch timeout) and
// handed in, so a hover never waits here. Every piece of text that came from outside (registry,
// plans, servers) is escaped: a description must not be able to inject links or HTML.
import type { LocalDate } from '../dates/types';
import { rolloutToday } from '../dates/rolloutToday';
import { driftVerdict } from '../toggles/drift';
import { containsPosition } from '../parse/index';
import type { Position, Range, ReleasePlan, Toggle } from '../parse/model';
import type { CatalogEntry } from '../toggles/catalog';
import type { EnvironmentStatus, GateSummary, ToggleStatus, UnknownReason } from '../toggles/types';

/** What the hover needs from the catalog (`ToggleCatalog` and `CatalogView` both fit). */
export interface ToggleLookup {
  lookup(name: string): CatalogEntry | undefined;
  flipperName(name: string): string;
  hasRegistry(): boolean;
}

/** A stage with its planned dates, as the dates module computes them. */
export interface PlannedStage {
  label: string;
  percentage?: number;
  start: LocalDate;
  end: LocalDate;
}

export interface ToggleHoverOptions {
  /** The plan's stages with dates, for the "plan expects today" line; omitted when unknown. */
  stages?: readonly PlannedStage[];
  /** Flipper UI base linked when no environment gives one and the plan does not link the toggle. */
  defaultFlipperUi?: string;
  /** The registry and environments are still being read (start-up): say so instead of "not in the registry". */
  registryLoading?: boolean;
}

export interface ToggleHover {
  markdown: string;
  range: Range;
}

export interface ToggleHit {
  toggle: Toggle;
  /** The name or the link target under the position. */
  range: Range;
}

/** The toggle whose name or link target is under `position`. */
export function toggleAtPosition(plan: ReleasePlan, position: Position): ToggleHit | undefined {
  for (const toggle of plan.toggles) {
    if (containsPosition(toggle.range, position)) return { toggle, range: toggle.range };
    if (toggle.link && containsPosition(toggle.link.range, position)) return { toggle, range: toggle.link.range };
  }
  return undefined;
}

const DEFAULT_FLIPPER_UI = 'https://api.va.gov/flipper';
const MAX_REMOTE_TEXT = 300;

/** Escapes text for markdown, so it renders as the characters it is (no links, emphasis or HTML). */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > MAX_REMOTE_TEXT ? `${flat.slice(0, MAX_REMOTE_TEXT - 1)}…` : flat;
  // Inline syntax is escaped everywhere; block syntax (`#`, `-`, `1.`) only matters at the start.
  return cut.replace(/[\\`*_{}[\]()!|<>~&]/g, '\\$&').replace(/^[#+-]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A URL safe to put in a markdown link: http(s) only, never with a `user:password@` (a hover is shown
 * and screenshotted), with the characters that end a link encoded.
 */
function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  return url.replace(/^(https?:\/\/)[^/?#]*@/i, '$1').replace(/[()<>\s"'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A name as inline code; names are identifiers, but one with a backtick must not break out. */
function code(name: string): string {
  return name.includes('`') ? escapeMarkdown(name) : `\`${name}\``;
}

export function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

function formatPercent(n: number): string {
  return `${Number.isInteger(n) ? n : Number(n.toFixed(2))}%`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Flipper's gates in the order a person asks about them: how many users, then who. */
export function describeGates(g: GateSummary): string[] {
  const parts: string[] = [];
  if (g.percentageOfActors > 0) parts.push(`${formatPercent(g.percentageOfActors)} of actors`);
  if (g.percentageOfTime > 0) parts.push(`${formatPercent(g.percentageOfTime)} of time`);
  if (g.groups > 0) parts.push(plural(g.groups, 'group'));
  if (g.actors > 0) parts.push(plural(g.actors, 'actor'));
  if (g.expression) parts.push('an expression');
  return parts;
}

const UNKNOWN_WHAT: Record<UnknownReason, string> = {
  timeout: 'timed out',
  'http-error': 'server error',
  network: 'network error',
  malformed: 'malformed answer',
  'too-large': 'answer too large',
  'redirect-refused': 'redirect to another host refused',
  insecure: 'plain http refused, HTTPS required',
  untrusted: 'workspace not trusted',
  stale: 'stale',
  'not-fetched': 'not fetched yet',
};

/** One environment's status in Flipper's words: "Fully enabled", "Unknown (timed out 3 s ago)"… */
export function describeStatus(status: ToggleStatus, ageSeconds?: number): string {
  const age = ageSeconds === undefined ? undefined : formatAge(ageSeconds);
  switch (status.kind) {
    case 'known': {
      if (status.anonymousOnly) {
        return `${status.state === 'on' ? 'Enabled' : 'Disabled'} for an anonymous visitor (public API: on/off only)`;
      }
      if (status.state === 'on') return 'Fully enabled';
      if (status.state === 'off') return 'Disabled';
      const parts = status.gates ? describeGates(status.gates) : [];
      return parts.length ? `Conditionally enabled: ${parts.join(', ')}` : 'Conditionally enabled';
    }
    case 'not-found':
      return 'Not found in Flipper';
    case 'unknown': {
      if (status.reason === 'stale') return age ? `Unknown (last answer ${age} is stale)` : 'Unknown (stale)';
      let what = UNKNOWN_WHAT[status.reason];
      if (status.reason === 'http-error' && status.detail) what = `${escapeMarkdown(status.detail)} error`;
      const timed = age && status.reason !== 'untrusted' && status.reason !== 'not-fetched';
      return `Unknown (${what}${timed ? ` ${age}` : ''})`;
    }
  }
}

function environmentLine(s: EnvironmentStatus): string {
  const parts = [`**${escapeMarkdown(s.environment.name)}**: ${describeStatus(s.status, s.ageSeconds)}`];
  if (s.status.kind !== 'unknown' && s.ageSeconds !== undefined) parts.push(`fetched ${formatAge(s.ageSeconds)}`);
  const ui = s.uiUrl && safeUrl(s.uiUrl);
  if (ui) parts.push(`[Flipper UI](${ui})`);
  for (const note of s.notes ?? []) parts.push(`⚠ ${escapeMarkdown(note)} (releasePlan.environments)`);
  return `- ${parts.join(' · ')}`;
}

function formatDate(d: LocalDate, withYear: boolean): string {
  return withYear ? `${d.month}/${d.day}/${d.year}` : `${d.month}/${d.day}`;
}

function formatRange(start: LocalDate, end: LocalDate): string {
  if (start.year === end.year && start.month === end.month && start.day === end.day) return formatDate(end, true);
  return `${formatDate(start, start.year !== end.year)}–${formatDate(end, true)}`;
}

/** "plan: Stage B, 50%, 2/18–3/4/2026", or where today sits before, between or after the stages. */
export function planExpectation(stages: readonly PlannedStage[], today: LocalDate): string | undefined {
  const position = rolloutToday(stages, today);
  const label = (s: PlannedStage) => `Stage ${escapeMarkdown(s.label)}`;
  switch (position?.kind) {
    case undefined:
      return undefined;
    case 'in-stage': {
      const current = position.stage;
      const pct = current.percentage !== undefined ? `, ${formatPercent(current.percentage)}` : '';
      return `plan: ${label(current)}${pct}, ${formatRange(current.start, current.end)}`;
    }
    case 'not-started':
      return `plan: not started (${label(position.next)} from ${formatDate(position.next.start, true)})`;
    case 'between':
      return `plan: between stages (${label(position.next)} from ${formatDate(position.next.start, true)})`;
    case 'complete':
      return `plan: rollout complete (${label(position.last)} ended ${formatDate(position.last.end, true)})`;
  }
}

/** Plan versus each environment, as `rollout-drift` sees it; says why when it cannot compare. */
function driftLines(stages: readonly PlannedStage[], statuses: readonly EnvironmentStatus[], today: LocalDate): string {
  const position = rolloutToday(stages, today);
  return statuses
    .map((s) => {
      const v = driftVerdict(position, s);
      const env = `**${escapeMarkdown(s.environment.name)}** vs plan`;
      if (v.kind === 'matches') return `- ${env}: matches`;
      if (v.kind === 'drift') return `- ${env}: **drift** — ${escapeMarkdown(v.live)}; the plan says ${escapeMarkdown(v.expected)}`;
      return `- ${env}: not compared — ${escapeMarkdown(v.why)}`;
    })
    .join('\n');
}

/**
 * The hover for the toggle at `position`, or undefined when there is none. `statuses` are the
 * environments' answers for `catalog.flipperName(toggle.name)` (from `LiveToggleStatus`).
 */
export function toggleHover(
  plan: ReleasePlan,
  position: Position,
  catalog: ToggleLookup,
  statuses: readonly EnvironmentStatus[],
  today: LocalDate,
  options: ToggleHoverOptions = {},
): ToggleHover | undefined {
  const hit = toggleAtPosition(plan, position);
  if (!hit) return undefined;
  const { toggle } = hit;
  const entry = catalog.lookup(toggle.name);
  const flipperName = catalog.flipperName(toggle.name);
  const blocks: string[] = [];

  let title = `**${code(toggle.name)}**`;
  if (flipperName !== toggle.name) title += ` (Flipper: ${code(flipperName)})`;
  const description = entry?.description ?? toggle.description?.text;
  if (description) title += ` — ${escapeMarkdown(description)}`;
  blocks.push(title);

  const registry = entry?.infos.find((i) => i.origin === 'registry');
  if (options.registryLoading) {
    blocks.push('Toggle registry and environments still loading; hover again in a moment for the description and live status');
  } else if (registry) {
    const facts = [registry.actorType ? `Actor type: ${escapeMarkdown(registry.actorType)}` : 'Actor type: not set'];
    facts.push(`Registry: ${escapeMarkdown(registry.sourceLabel)}`);
    blocks.push(facts.join(' · '));
  } else if (catalog.hasRegistry()) {
    blocks.push('Not in the toggle registry');
  }

  if (statuses.length > 0) {
    blocks.push(statuses.map(environmentLine).join('\n'));
  } else if (!options.registryLoading) {
    blocks.push('Live status: no environment configured (`releasePlan.environments`)');
  }
  if (!statuses.some((s) => s.uiUrl)) {
    const linked = toggle.link?.featureName ? safeUrl(toggle.link.target) : undefined;
    const ui = linked ?? safeUrl(`${(options.defaultFlipperUi ?? DEFAULT_FLIPPER_UI).replace(/\/+$/, '')}/features/${encodeURIComponent(flipperName)}`);
    if (ui) blocks.push(`[Flipper UI](${ui})`);
  }

  const expectation = options.stages ? planExpectation(options.stages, today) : undefined;
  if (expectation) blocks.push(expectation);
  if (expectation && statuses.length > 0) blocks.push(driftLines(options.stages ?? [], statuses, today));

  return { markdown: blocks.join('\n\n'), range: hit.range };
}

/**
 * The whole hover for the LSP layer: finds the toggle, waits (at most the live service's `maxWaitMs`)
 * for its status in every configured environment, renders. No toggle under the position: no fetch.
 */
export async function provideToggleHover(
  plan: ReleasePlan,
  position: Position,
  catalog: { withDocument(plan: ReleasePlan, uri?: string): ToggleLookup },
  live: { statuses(name: string): Promise<EnvironmentStatus[]> } | undefined,
  today: LocalDate,
  options: ToggleHoverOptions & { uri?: string } = {},
): Promise<ToggleHover | undefined> {
  const hit = toggleAtPosition(plan, position);
  if (!hit) return undefined;
  const view = catalog.withDocument(plan, options.uri);
  const statuses = live ? await live.statuses(view.flipperName(hit.toggle.name)) : [];
  return toggleHover(plan, position, view, statuses, today, options);
}
