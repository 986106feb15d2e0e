// Expands a VS Code snippet body into the text the editor would insert, so tests can read, parse
// and check what a user gets from a snippet.
//
// The TextMate/VS Code snippet syntax subset handled:
//   $1, ${1}                 tab stop; when the same number has a placeholder elsewhere, it mirrors
//                            that placeholder's value (that is how one typed name fills two places)
//   ${1:default}             placeholder; the default may itself contain tab stops, placeholders, choices
//   ${1|one,two,three|}      choice; the first option is what is inserted before the user picks
//   $0                       final cursor position (inserts nothing)
//   $NAME, ${NAME:default}   variables: resolve to their default, or to nothing (a test has no editor
//                            context; VS Code would fill TM_FILENAME and friends)
//   \$  \}  \\               escapes outside choices; inside a choice also \,  and \|
// Transforms (${1/regex/format/}) are rejected: none of our snippets need them, and guessing their
// output would make the test vouch for text the editor might not produce.
// `values` simulates what the user types at a tab stop (overriding its default everywhere it appears).

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; children?: Node[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: Node[] };

export interface ParsedSnippet {
  nodes: Node[];
  /** Every tab stop number used, including 0, in order of first appearance. */
  tabStops: number[];
  /** Option lists of the choices, by tab stop. */
  choices: Map<number, string[]>;
}

class SnippetSyntaxError extends Error {}

export function parseSnippet(body: string): ParsedSnippet {
  let pos = 0;
  const tabStops: number[] = [];
  const choices = new Map<number, string[]>();
  const note = (i: number) => {
    if (!tabStops.includes(i)) tabStops.push(i);
  };
  const fail = (why: string): never => {
    throw new SnippetSyntaxError(`${why} at offset ${pos}: …${body.slice(Math.max(0, pos - 20), pos + 20)}…`);
  };

  // `inPlaceholder`: a `}` closes the enclosing placeholder instead of being text.
  const parseNodes = (inPlaceholder: boolean): Node[] => {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (pos < body.length) {
      const c = body[pos];
      if (c === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        text += body[pos + 1];
        pos += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += '$';
          pos++;
        }
      } else {
        text += c;
        pos++;
      }
    }
    flush();
    return nodes;
  };

  const parseDollar = (): Node | undefined => {
    const rest = body.slice(pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      pos += m[0].length;
      note(Number(m[1]));
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      pos += m[0].length;
      return { kind: 'variable', name: m[1] };
    }
    m = /^\$\{(\d+)(?=[}:|/])/.exec(rest);
    if (m) {
      const index = Number(m[1]);
      note(index);
      pos += m[0].length;
      const next = body[pos];
      if (next === '}') {
        pos++;
        return { kind: 'tabstop', index };
      }
      if (next === ':') {
        pos++;
        const children = parseNodes(true);
        if (body[pos] !== '}') fail('unclosed placeholder');
        pos++;
        return { kind: 'tabstop', index, children };
      }
      if (next === '|') {
        pos++;
        const options: string[] = [];
        let option = '';
        for (;;) {
          if (pos >= body.length) fail('unclosed choice');
          const c = body[pos];
          if (c === '\\' && pos + 1 < body.length && ',|\\$}'.includes(body[pos + 1])) {
            option += body[pos + 1];
            pos += 2;
          } else if (c === ',') {
            options.push(option);
            option = '';
            pos++;
          } else if (c === '|' && body[pos + 1] === '}') {
            options.push(option);
            pos += 2;
            break;
          } else {
            option += c;
            pos++;
          }
        }
        if (options.length < 2 || options.some((o) => o === '')) fail('a choice needs two or more non-empty options');
        choices.set(index, options);
        return { kind: 'choice', index, options };
      }
      fail('transforms are not supported');
    }
    m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?=[}:])/.exec(rest);
    if (m) {
      pos += m[0].length;
      if (body[pos] === '}') {
        pos++;
        return { kind: 'variable', name: m[1] };
      }
      pos++;
      const children = parseNodes(true);
      if (body[pos] !== '}') fail('unclosed variable');
      pos++;
      return { kind: 'variable', name: m[1], children };
    }
    if (rest.startsWith('${')) fail('malformed ${…}');
    return undefined; // a lone `$` is text
  };

  const nodes = parseNodes(false);
  if (pos !== body.length) fail('unexpected }');
  return { nodes, tabStops, choices };
}

/** The text a snippet inserts when every tab stop keeps its default (or takes `values[n]`). */
export function expandSnippet(body: string | string[], values: Record<number, string> = {}): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const parsed = parseSnippet(text);
  // The value of each tab stop: what the user typed, else the first default or choice written for it.
  const defaults = new Map<number, Node[] | string>();
  const collect = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.kind === 'tabstop' && n.children && !defaults.has(n.index)) defaults.set(n.index, n.children);
      if (n.kind === 'choice' && !defaults.has(n.index)) defaults.set(n.index, n.options[0]);
      if ((n.kind === 'tabstop' || n.kind === 'variable') && n.children) collect(n.children);
    }
  };
  collect(parsed.nodes);
  const render = (nodes: Node[], seen: number[]): string =>
    nodes
      .map((n) => {
        if (n.kind === 'text') return n.text;
        if (n.kind === 'variable') return n.children ? render(n.children, seen) : '';
        if (n.index in values) return values[n.index];
        if (seen.includes(n.index)) throw new SnippetSyntaxError(`tab stop ${n.index} contains itself`);
        const value = defaults.get(n.index);
        if (value === undefined) return '';
        return typeof value === 'string' ? value : render(value, [...seen, n.index]);
      })
      .join('');
  return render(parsed.nodes, []);
}
