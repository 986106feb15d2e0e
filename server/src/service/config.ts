// Which checks run, and how loud, for one document. Three layers, most specific last:
//   1. each check's default severity (the catalogue);
//   2. VS Code settings `releasePlan.checks.<id>` (user, then workspace, then folder — VS Code merges
//      those before we see them);
//   3. the nearest `.releaseplanrc.json` walking up from the document: `checks` (same map) and
//      `ignore` (globs relative to the file's folder).
// The repository file wins over settings id by id, as ESLint and markdownlint users expect: the file
// is shared with the team and CI, settings are one person's editor. Ids the file does not name keep
// their settings value. Disable comments in the document then only ever silence (see disable.ts).
//
// Pure: the caller reads files and settings and hands over text and values; nothing here throws on
// bad input — problems come back as readable messages with ranges into the config file.
import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { CHECK_IDS, SEVERITY_SETTINGS, catalogueEntry, closestCheckId } from './checks/catalogue';
import type { SeveritySetting } from './checks/types';
import { compileGlob } from './globs';
import type { Range } from './parse/model';
import { LineIndex } from './parse/text';

export const CONFIG_FILE_NAME = '.releaseplanrc.json';

export interface ConfigProblem {
  message: string;
  /** Range in the config file's text. */
  range: Range;
  severity: 'error' | 'warning';
}

/** What a `.releaseplanrc.json` says, after dropping entries that are not valid. */
export interface RcConfig {
  checks: Record<string, SeveritySetting>;
  ignore: string[];
}

export interface ParsedRcFile {
  /** Undefined when the file is not JSON at all: then none of it applies. */
  config: RcConfig | undefined;
  problems: ConfigProblem[];
}

export interface ResolvedConfig {
  /** Effective setting for every catalogue id. */
  checks: Record<string, SeveritySetting>;
  /** The document matches an `ignore` glob of its config file: report nothing for it. */
  ignored: boolean;
  /** The config file that applied, if any (as given to resolveConfig). */
  configFile?: string;
}

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}

export function defaultChecks(): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const id of CHECK_IDS) out[id] = catalogueEntry(id)!.defaultSeverity;
  return out;
}

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: "Expected ':' after the property name",
  CommaExpected: "Expected ',' between entries",
  CloseBraceExpected: "Expected '}'",
  CloseBracketExpected: "Expected ']'",
  EndOfFileExpected: 'Unexpected text after the end of the JSON value',
  InvalidCommentToken: 'Invalid comment',
  UnexpectedEndOfComment: 'Comment is not closed',
  UnexpectedEndOfString: 'String is not closed',
  UnexpectedEndOfNumber: 'Number is not complete',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

const TOP_LEVEL_KEYS = ['$schema', 'checks', 'ignore'];

/** A real config is three levels deep; the parser recurses per level, so a hostile file must stop here. */
export const MAX_CONFIG_DEPTH = 64;

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values, by name.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** Where the text first nests deeper than `max` objects/arrays, or undefined. Iterative: any depth is safe. */
function tooDeepAt(text: string, max: number): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (++depth > max) return scanner.getTokenOffset();
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** Parses `.releaseplanrc.json` text. Comments and trailing commas are tolerated, as in VS Code's own JSON files. */
export function parseRcFile(text: string): ParsedRcFile {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const at = (offset: number, length: number) => lines.range(offset, offset + Math.max(length, 0));
  const error = (message: string, node: { offset: number; length: number }) => problems.push({ message: `${CONFIG_FILE_NAME}: ${message}`, range: at(node.offset, node.length), severity: 'error' });

  const deepAt = tooDeepAt(text, MAX_CONFIG_DEPTH);
  if (deepAt !== undefined) {
    error(`The file nests objects or arrays more than ${MAX_CONFIG_DEPTH} levels deep, so it is ignored (built-in defaults and settings apply); a config needs three levels at most: { "checks": { "placeholder": "off" }, "ignore": ["drafts/**"] }`, { offset: deepAt, length: 1 });
    return { config: undefined, problems };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !root) {
    // one diagnostic: the first syntax error is the one to fix, later ones are usually its echoes
    const first = errors[0];
    const what = first ? PARSE_MESSAGES[printParseErrorCode(first.error)] ?? 'Invalid JSON' : 'The file is empty';
    error(`${what}; the file is ignored until it is valid JSON (built-in defaults and settings apply)`, first ?? { offset: 0, length: 0 });
    return { config: undefined, problems };
  }
  if (root.type !== 'object') {
    error('Expected an object like { "checks": { "placeholder": "warning" }, "ignore": ["drafts/**"] }; the file is ignored', root);
    return { config: undefined, problems };
  }

  const config: RcConfig = { checks: {}, ignore: [] };
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode) continue;
    const key = String(keyNode.value);
    if (!TOP_LEVEL_KEYS.includes(key)) {
      error(`Unknown property '${key}'; allowed: ${TOP_LEVEL_KEYS.map((k) => `'${k}'`).join(', ')}`, keyNode);
      continue;
    }
    if (!valueNode) continue;
    if (key === 'checks') readChecks(valueNode, config, error);
    else if (key === 'ignore') readIgnore(valueNode, config, error);
    else if (valueNode.type !== 'string') error("'$schema' must be a string", valueNode);
  }
  return { config, problems };
}

type Report = (message: string, node: { offset: number; length: number }) => void;

function readChecks(node: Node, config: RcConfig, error: Report): void {
  if (node.type !== 'object') {
    error(`'checks' must be an object mapping check ids to ${SEVERITY_SETTINGS.join(' | ')}`, node);
    return;
  }
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode) continue;
    const id = String(keyNode.value);
    if (!CHECK_IDS.includes(id)) {
      const suggestion = closestCheckId(id);
      error(`Unknown check id '${id}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`, keyNode);
      continue;
    }
    if (!valueNode) continue;
    if (!isSeveritySetting(valueNode.value)) {
      error(`'${id}' must be one of ${SEVERITY_SETTINGS.map((s) => `"${s}"`).join(', ')}, not ${JSON.stringify(valueNode.value ?? null)}`, valueNode);
      continue;
    }
    config.checks[id] = valueNode.value;
  }
}

function readIgnore(node: Node, config: RcConfig, error: Report): void {
  if (node.type !== 'array') {
    error("'ignore' must be an array of glob strings, e.g. [\"archive/**\"]", node);
    return;
  }
  for (const item of node.children ?? []) {
    if (item.type !== 'string' || !String(item.value).trim()) {
      error("Each 'ignore' entry must be a non-empty glob string", item);
      continue;
    }
    const compiled = compileGlob(String(item.value));
    if ('problem' in compiled) {
      error(`'ignore': ${compiled.problem}`, item);
      continue;
    }
    config.ignore.push(String(item.value));
  }
}

/**
 * Reads the `releasePlan.checks` settings object (VS Code hands `{ "placeholder": "warning", … }`).
 * VS Code validates the enum itself, so bad entries are dropped with a note for the log, not reported.
 */
export function readSettings(value: unknown): { checks: Record<string, SeveritySetting>; notes: string[] } {
  const checks: Record<string, SeveritySetting> = {};
  const notes: string[] = [];
  if (value === undefined || value === null) return { checks, notes };
  if (typeof value !== 'object' || Array.isArray(value)) {
    notes.push('releasePlan.checks must be an object; ignored');
    return { checks, notes };
  }
  for (const [id, setting] of Object.entries(value)) {
    if (!CHECK_IDS.includes(id)) notes.push(`releasePlan.checks.${id}: unknown check id; ignored`);
    else if (!isSeveritySetting(setting)) notes.push(`releasePlan.checks.${id}: ${JSON.stringify(setting)} is not one of ${SEVERITY_SETTINGS.join(', ')}; ignored`);
    else checks[id] = setting;
  }
  return { checks, notes };
}

export interface ResolveInput {
  /** The `releasePlan.checks` settings value for the document's resource scope. */
  settings?: unknown;
  /** The nearest config file (see findConfigFile), path and text. */
  configFile?: { path: string; text: string };
  /** The document's file-system path; needed for `ignore`. */
  documentPath?: string;
}

export interface Resolved {
  config: ResolvedConfig;
  /** Problems in the config file, to show on the config file itself. */
  problems: ConfigProblem[];
  /** Settings entries that were dropped, for the server log. */
  notes: string[];
}

export function resolveConfig(input: ResolveInput): Resolved {
  const checks = defaultChecks();
  const settings = readSettings(input.settings);
  Object.assign(checks, settings.checks);
  let ignored = false;
  let problems: ConfigProblem[] = [];
  let configFile: string | undefined;
  if (input.configFile) {
    const parsed = parseRcFile(input.configFile.text);
    problems = parsed.problems;
    if (parsed.config) {
      configFile = input.configFile.path;
      Object.assign(checks, parsed.config.checks);
      if (input.documentPath) ignored = isIgnored(input.documentPath, input.configFile.path, parsed.config.ignore);
    }
  }
  return { config: { checks, ignored, configFile }, problems, notes: settings.notes };
}

// ---- paths: plain strings, `/` or `\` separated, so this stays free of node:path and works for the
// CLI, the server and a browser build alike.

function separatorOf(path: string): string {
  return path.includes('/') || !path.includes('\\') ? '/' : '\\';
}

function parentDir(path: string): string | undefined {
  const trimmed = path.replace(/[\\/]+$/, '');
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (i < 0) return undefined;
  // keep the root's separator: `/` and `C:\`
  return i === 0 || /^[A-Za-z]:$/.test(trimmed.slice(0, i)) ? trimmed.slice(0, i + 1) : trimmed.slice(0, i);
}

function joinPath(dir: string, name: string, sep: string): string {
  return /[\\/]$/.test(dir) ? dir + name : dir + sep + name;
}

function samePath(a: string, b: string): boolean {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  return norm(a) === norm(b);
}

/**
 * Where a config file for `documentPath` may be, nearest first: the document's folder, then each
 * parent, stopping after `stopAt` (the workspace folder) when the document is inside it.
 */
export function configFileCandidates(documentPath: string, stopAt?: string): string[] {
  const sep = separatorOf(documentPath);
  const inside = stopAt !== undefined && documentPath.replace(/\\/g, '/').startsWith(stopAt.replace(/\\/g, '/').replace(/\/+$/, '') + '/');
  const out: string[] = [];
  for (let dir = parentDir(documentPath); dir !== undefined; ) {
    out.push(joinPath(dir, CONFIG_FILE_NAME, sep));
    if (inside && samePath(dir, stopAt)) break;
    const up = parentDir(dir);
    if (up === undefined || up === dir) break;
    dir = up;
  }
  return out;
}

/** The nearest config file: the first candidate `exists` says is there. Only the nearest applies (no cascading). */
export function findConfigFile(documentPath: string, exists: (path: string) => boolean, stopAt?: string): string | undefined {
  return configFileCandidates(documentPath, stopAt).find((p) => exists(p));
}

/** Does an `ignore` glob of the config file at `configPath` match the document? Globs are relative to that file's folder. */
export function isIgnored(documentPath: string, configPath: string, ignore: readonly string[]): boolean {
  if (!ignore.length) return false;
  const dir = (parentDir(configPath) ?? '').replace(/\\/g, '/').replace(/\/+$/, '');
  const doc = documentPath.replace(/\\/g, '/');
  if (dir && !doc.startsWith(dir + '/')) return false;
  const relative = dir ? doc.slice(dir.length + 1) : doc.replace(/^\/+/, '');
  return picomatch(ignore as string[], { dot: true })(relative);
}
