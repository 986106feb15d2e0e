// bench:side's cold-parse row: one parse of a plan in this (fresh) process, the way a server's first
// open meets it, before V8 has compiled or optimised the parser. Prints the milliseconds.
//   node --require tsx/cjs scripts/dev/coldParse.ts ours|markdown-it <file>
// ours: parsePlan (heading sections, remark with the GFM parts each uses, the plan model), with the
// server's JIT tiering; markdown-it: the parse VS Code's markdown extension does for
// vscode-markdown-languageserver and hands it ready (the peer's didOpen does not include it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { tuneJitTiering } from '../../server/src/node/jitTiering';
import { parsePlan } from '../../server/src/service/parse';

/** The part of markdown-it used here (it ships no types). */
type MarkdownIt = (options: { html: boolean; linkify: boolean }) => { parse(src: string, env: object): unknown };

const [parser, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
let parse: () => unknown;
if (parser === 'ours') {
  tuneJitTiering();
  parse = () => parsePlan(text);
} else if (parser === 'markdown-it') {
  const md = (createRequire(__filename)('markdown-it') as MarkdownIt)({ html: true, linkify: true });
  parse = () => md.parse(text, {});
} else {
  console.error('usage: node --require tsx/cjs scripts/dev/coldParse.ts ours|markdown-it <file>');
  process.exit(2);
}
const t = performance.now();
parse();
console.log((performance.now() - t).toFixed(2));
