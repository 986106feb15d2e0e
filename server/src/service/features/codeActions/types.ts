// What a code action is to the service: a title, a kind and plain text edits. No LSP types here, so
// the CLI (a future `--fix`) and the tests use the same objects the LSP adapter maps to WorkspaceEdits.
import type { Finding } from '../../checks/types';
import type { Range } from '../../parse/model';

export interface PlanTextEdit {
  range: Range;
  newText: string;
}

export interface PlanCodeAction {
  title: string;
  kind: string;
  edits: PlanTextEdit[];
  /** The findings this action fixes (LSP `CodeAction.diagnostics`). */
  diagnostics?: Finding[];
  isPreferred?: boolean;
  /** Set when the action is shown but cannot run (LSP `CodeAction.disabled`), e.g. the rollout already reaches 100%. */
  disabledReason?: string;
}

// Kinds. Custom kinds sit under the standard roots so editors put them in the right menus:
// `refactor.*` in the lightbulb / Refactor menu, `source.*` only in Source Action and on-save.
export const KIND_QUICKFIX = 'quickfix';
export const KIND_REFACTOR_INSERT_STAGE = 'refactor.releasePlan.insertStage';
export const KIND_REFACTOR_ADD_SECTION = 'refactor.releasePlan.addSection';
export const KIND_REFACTOR_LINK_TOGGLE = 'refactor.rewrite.releasePlan.linkToggle';
export const KIND_SOURCE_INSERT_STAGE = 'source.releasePlan.insertStage';
export const KIND_SOURCE_ADD_SECTION = 'source.releasePlan.addSection';
export const KIND_FIX_ALL = 'source.fixAll.releasePlan';

/** What the server advertises in `codeActionProvider.codeActionKinds`. */
export const PROVIDED_KINDS: readonly string[] = [KIND_QUICKFIX, 'refactor.releasePlan', 'refactor.rewrite.releasePlan', 'source.releasePlan', KIND_FIX_ALL];

/** LSP `only` semantics: a kind matches a filter when it equals it or is a sub-kind of it. */
export function kindMatches(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => o === '' || kind === o || kind.startsWith(o + '.'));
}

/** True when `only` asks for source actions explicitly (we never volunteer them otherwise). */
export function asksForSource(only: readonly string[] | undefined, kind: string): boolean {
  return !!only && only.length > 0 && kindMatches(kind, only);
}
