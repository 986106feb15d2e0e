// A bare toggle name (`dispute_debt` in the toggle table, or a backticked toggle in prose) → a link to
// its Flipper page, so a reviewer can check the toggle's state in one click. Flipper names are
// snake_case, so a camelCase name (vets-website's spelling) links to its snake_case feature.
import type { Position, ReleasePlan } from '../../parse/model';
import { containsPosition } from '../../parse/text';
import { camelToSnake } from '../../toggles/names';
import { lineText } from './text';
import { KIND_REFACTOR_LINK_TOGGLE, type PlanCodeAction } from './types';

export const FLIPPER_FEATURES_URL = 'https://api.va.gov/flipper/features/';

export function flipperUrl(name: string): string {
  return FLIPPER_FEATURES_URL + encodeURIComponent(camelToSnake(name));
}

export function linkToggleActions(plan: ReleasePlan, at: Position): PlanCodeAction[] {
  const out: PlanCodeAction[] = [];
  for (const t of plan.toggles) {
    if (t.link || t.range.start.line !== t.range.end.line || !containsPosition(t.range, at)) continue;
    const line = lineText(plan, t.range.start.line);
    let { start, end } = { start: t.range.start.character, end: t.range.end.character };
    // the backticks stay inside the link text: [`name`](…)
    if (t.backticked && line[start - 1] === '`' && line[end] === '`') {
      start--;
      end++;
    }
    const written = line.slice(start, end);
    out.push({
      title: `Link '${t.name}' to its Flipper page`,
      kind: KIND_REFACTOR_LINK_TOGGLE,
      edits: [{ range: { start: { line: t.range.start.line, character: start }, end: { line: t.range.start.line, character: end } }, newText: `[${written}](${flipperUrl(t.name)})` }],
    });
  }
  return out;
}
