// Command-line parsing for `release-plan`. Hand-rolled rather than a dependency: the grammar is small,
// and every mistake must become one readable line (exit 2), never a stack trace.
import { type Severity, parseIsoDate } from '../service/index';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const SEVERITIES: readonly Severity[] = ['hint', 'information', 'warning', 'error'];

export interface CheckOptions {
  /** Paths or globs as given; empty means "plans under the current directory". */
  inputs: string[];
  format: Format;
  /** Undefined: no limit. */
  maxWarnings?: number;
  /** Findings below this level are neither printed nor counted. */
  minSeverity: Severity;
  /** `YYYY-MM-DD` (validated); undefined means the system clock. */
  today?: string;
  registry?: string;
  config?: string;
  /** Undefined: decide from the number of files. 0 checks in the main thread. */
  workers?: number;
  /** Undefined: colour when stdout is a terminal (and NO_COLOR is unset). */
  color?: boolean;
}

export const SUMMARY_FORMATS = ['stylish', 'json', 'markdown'] as const;

/** `release-plan summary`: every plan at a glance (see cli/summary.ts). */
export interface SummaryOptions {
  inputs: string[];
  format: (typeof SUMMARY_FORMATS)[number];
  today?: string;
  registry?: string;
  config?: string;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'summary'; options: SummaryOptions }
  | { kind: 'check'; options: CheckOptions };

export class UsageError extends Error {}

const VALUE_OPTIONS = ['--format', '--max-warnings', '--severity', '--today', '--registry', '--config', '--workers'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];
const ALIASES: Record<string, string> = { '-f': '--format', '-c': '--config', '-h': '--help', '-v': '--version' };

/** Parses everything after `node cli.js`. Throws UsageError with a one-line message. */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError("missing command; try 'release-plan check' or 'release-plan --help'");
  const [first, ...rest] = argv;
  const head = ALIASES[first] ?? first;
  if (head === '--help' || head === 'help') return { kind: 'help' };
  if (head === '--version') return { kind: 'version' };
  if (head === 'summary') return parseSummary(rest);
  if (head === 'check') return parseCheck(rest);
  if (head.startsWith('-')) throw new UsageError(`unknown option '${first}' before the command; try 'release-plan check ${first} …'`);
  throw new UsageError(`unknown command '${first}'; the commands are 'check' and 'summary'`);
}

/** An option as written after the command: its name (aliases resolved), and its value, read on demand. */
interface OptionWord {
  name: string;
  arg: string;
  /** Written as `--name=value`. */
  inline: boolean;
  value(): string;
}

/**
 * The words after the command, for both commands: inputs (and everything after `--`) go to `inputs`,
 * each option to `onOption`, which may end the walk with a command of its own (`--help`).
 */
function walkArgs(argv: readonly string[], inputs: string[], onOption: (o: OptionWord) => Command | undefined): Command | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      inputs.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      inputs.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const written = eq < 0 ? arg : arg.slice(0, eq);
    const name = ALIASES[written] ?? written;
    const value = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      const next = argv[i + 1];
      // `--format --today …` is a missing value, not a format called "--today"
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next))) throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    const done = onOption({ name, arg, inline: eq >= 0, value });
    if (done) return done;
  }
  return undefined;
}

function parseCheck(argv: readonly string[]): Command {
  const options: CheckOptions = { inputs: [], format: 'stylish', minSeverity: 'hint' };
  const early = walkArgs(argv, options.inputs, ({ name, arg, inline, value }) => {
    if (name === '--help') return { kind: 'help' };
    if (name === '--version') return { kind: 'version' };
    if (name === '--color' || name === '--no-color') {
      if (inline) throw new UsageError(`${name} takes no value`);
      options.color = name === '--color';
      return undefined;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) throw new UsageError(`unknown option '${arg}'; see 'release-plan --help'`);
    applyValue(options, name as ValueOption, value());
    return undefined;
  });
  return early ?? { kind: 'check', options };
}

/** `summary [options] [paths…]`: the formats of the summary, and the options that change a row. */
function parseSummary(argv: readonly string[]): Command {
  const options: SummaryOptions = { inputs: [], format: 'stylish' };
  const early = walkArgs(argv, options.inputs, ({ name, arg, value: read }) => {
    if (name === '--help') return { kind: 'help' };
    if (!['--format', '--today', '--registry', '--config'].includes(name)) throw new UsageError(`unknown option '${arg}' for summary; see 'release-plan --help'`);
    const value = read().trim();
    if (name === '--format') {
      if (!(SUMMARY_FORMATS as readonly string[]).includes(value)) throw new UsageError(`unknown summary format '${value}'; expected one of ${SUMMARY_FORMATS.join(', ')}`);
      options.format = value as SummaryOptions['format'];
    } else if (name === '--today') {
      if (!parseIsoDate(value)) throw new UsageError(`--today expects a real calendar day as YYYY-MM-DD, got '${value}'`);
      options.today = value;
    } else {
      if (value === '') throw new UsageError(`${name} needs a file path`);
      options[name === '--registry' ? 'registry' : 'config'] = value;
    }
    return undefined;
  });
  return early ?? { kind: 'summary', options };
}

function applyValue(options: CheckOptions, name: ValueOption, value: string): void {
  switch (name) {
    case '--format':
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`unknown format '${value}'; expected one of ${FORMATS.join(', ')}`);
      options.format = value as Format;
      return;
    case '--max-warnings':
      if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings expects a whole number of warnings (0 or more), got '${value}'`);
      options.maxWarnings = Number(value);
      return;
    case '--severity':
      if (!(SEVERITIES as readonly string[]).includes(value)) throw new UsageError(`unknown severity '${value}'; expected one of ${SEVERITIES.join(', ')}`);
      options.minSeverity = value as Severity;
      return;
    case '--today':
      if (!parseIsoDate(value)) throw new UsageError(`--today expects a real calendar day as YYYY-MM-DD, got '${value}'`);
      options.today = value.trim();
      return;
    case '--registry':
    case '--config':
      if (value === '') throw new UsageError(`${name} needs a file path`);
      options[name === '--registry' ? 'registry' : 'config'] = value;
      return;
    case '--workers':
      if (value === 'auto') {
        options.workers = undefined;
        return;
      }
      if (!/^\d+$/.test(value) || Number(value) > 64) throw new UsageError(`--workers expects 'auto' or a number from 0 to 64, got '${value}'`);
      options.workers = Number(value);
      return;
  }
}

export const HELP = `Usage: release-plan check [options] [paths or globs…]
       release-plan summary [--format stylish|json|markdown] [--today <date>] [paths or globs…]

Checks VA.gov-style release plans with the same checks the editor runs.

Without paths, checks the release plans under the current directory: markdown files whose
path matches *release*plan*.md (or release_plan, releaseplan), and other markdown files whose
content reads like a plan. node_modules and .git are skipped. A directory argument is searched
the same way; a glob ("products/**/release-plan*.md", quoted so the shell leaves it alone) is
matched against paths relative to the current directory. Files that are not release plans are
skipped and counted, as are binary files; unreadable files are reported.

Options:
  -f, --format <name>     stylish (default), json, sarif (2.1.0) or github (workflow annotations)
      --max-warnings <n>  exit 1 when more than n warnings are reported
      --severity <level>  report only findings at this level or above: hint, information,
                          warning, error (default: hint, i.e. everything)
      --today <date>      the day timeline checks compare against, YYYY-MM-DD (default: today)
      --registry <file>   toggle registry (vets-api config/features.yml) for unknown-toggle
  -c, --config <file>     use this .releaseplanrc.json for every file instead of looking for the
                          nearest one above each file
      --workers <n|auto>  worker threads for checking (default auto: the main thread, unless
                          there are many files and more than two cores; 0 = main thread)
      --color, --no-color force or turn off colour in stylish output (default: when a terminal)
  -h, --help              show this help

Summary: one row per plan — its state today (late, rolling out now, starting within 14 days, not
started, finished, no dates), current and next stage, late stages, errors and warnings — most
urgent first, the same rows as the editor's Release Plans view. Paths, --today, --registry and
--config work as for check; --format is stylish (default; with the parsed model under each plan),
json or markdown (a table for a README or a pull request).
  -v, --version           print the version

Exit codes: 0 no findings at error level and not over --max-warnings; 1 error-level findings or
too many warnings; 2 a usage or configuration error, or a file that could not be read.
`;
