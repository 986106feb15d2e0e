// Per-document switches in HTML comments (invisible when the markdown is rendered), modelled on
// markdownlint's and ESLint's:
//   <!-- release-plan-disable [id…] -->           from this line on (until an enable)
//   <!-- release-plan-enable [id…] -->            undoes a disable from this line on
//   <!-- release-plan-disable-line [id…] -->      the comment's own line
//   <!-- release-plan-disable-next-line [id…] --> the line after the comment
//   <!-- release-plan-disable-file [id…] -->      the whole document, wherever the comment is
// No ids means every check. Ids are separated by spaces or commas; ` -- ` starts a free-text reason.
// Comments only ever silence: they cannot turn on a check that settings or the config file turned off.
import { lineIndexOf } from './parse/text';
import type { Range, ReleasePlan } from './parse/model';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Empty: every check. */
  ids: string[];
  /** Range of each id in the document, parallel to `ids`. */
  idRanges: Range[];
  range: Range;
}

export interface DirectiveProblem {
  kind: 'unknown-id' | 'unknown-directive';
  text: string;
  range: Range;
  suggestion?: string;
}

const PREFIX = /^<!--\s*release-plan-([a-z]+(?:-[a-z]+)*)/i;
const DIRECTIVES: readonly DirectiveKind[] = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file'];

export function parseDirectives(plan: ReleasePlan, knownIds: readonly string[], suggest?: (id: string) => string | undefined): { directives: Directive[]; problems: DirectiveProblem[] } {
  const directives: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  if (!plan.comments.some((c) => c.text.startsWith('release-plan-'))) return { directives, problems };
  const lines = lineIndexOf(plan);
  for (const comment of plan.comments) {
    const start = lines.offsetAt(comment.range.start);
    const source = plan.text.slice(start, lines.offsetAt(comment.range.end));
    const m = PREFIX.exec(source);
    if (!m) continue;
    const kind = m[1].toLowerCase() as DirectiveKind;
    if (!DIRECTIVES.includes(kind)) {
      const at = start + m.index + m[0].length - m[1].length - 'release-plan-'.length;
      problems.push({ kind: 'unknown-directive', text: `release-plan-${m[1]}`, range: lines.range(at, at + m[1].length + 'release-plan-'.length) });
      continue;
    }
    // the id list ends at the comment's end or at a ` -- reason`
    const body = source.slice(m[0].length).replace(/-->\s*$/, '');
    const reason = /(?:^|\s)--(?:\s|$)/.exec(body);
    const list = reason ? body.slice(0, reason.index) : body;
    const ids: string[] = [];
    const idRanges: Range[] = [];
    const idRe = /[^\s,]+/g;
    for (let im = idRe.exec(list); im; im = idRe.exec(list)) {
      const id = im[0];
      const at = start + m[0].length + im.index;
      const range = lines.range(at, at + id.length);
      if (!knownIds.includes(id)) {
        problems.push({ kind: 'unknown-id', text: id, range, suggestion: suggest?.(id) });
        continue;
      }
      ids.push(id);
      idRanges.push(range);
    }
    // a comment whose every id is unknown must not turn into "disable everything"
    if (ids.length === 0 && /\S/.test(list)) continue;
    directives.push({ kind, ids, idRanges, range: comment.range });
  }
  return { directives, problems };
}

/** Answers "is check `id` silenced on `line`?" for a document's directives. */
export class DisableMap {
  private readonly file: Directive[];
  private readonly block: Directive[];
  private readonly lineOnly = new Map<number, Directive[]>();

  constructor(directives: readonly Directive[]) {
    this.file = directives.filter((d) => d.kind === 'disable-file');
    this.block = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
    for (const d of directives) {
      const line = d.kind === 'disable-line' ? d.range.start.line : d.kind === 'disable-next-line' ? d.range.end.line + 1 : undefined;
      if (line === undefined) continue;
      const list = this.lineOnly.get(line) ?? [];
      list.push(d);
      this.lineOnly.set(line, list);
    }
  }

  get isEmpty(): boolean {
    return this.file.length === 0 && this.block.length === 0 && this.lineOnly.size === 0;
  }

  isDisabled(id: string, line: number): boolean {
    const applies = (d: Directive) => d.ids.length === 0 || d.ids.includes(id);
    if (this.file.some(applies)) return true;
    if ((this.lineOnly.get(line) ?? []).some(applies)) return true;
    // the last disable/enable at or above the line that names this id decides
    let disabled = false;
    for (const d of this.block) {
      if (d.range.start.line > line) break;
      if (applies(d)) disabled = d.kind === 'disable';
    }
    return disabled;
  }
}
