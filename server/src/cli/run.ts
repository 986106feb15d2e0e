// `release-plan check`: discovery → config → checks (maybe on workers) → one formatted report on
// stdout, notes about skipped and unreadable files on stderr, and the exit code.
import { DEFAULT_PLAN_GLOBS } from '../service/index';
import type { CheckOptions } from './args';
import { ConfigError, ConfigFiles } from './configFiles';
import { discover, DiscoveryError } from './discover';
import type { EngineSetup, FileTask } from './engine';
import { EXIT } from './exitCodes';
import { formatResult } from './formats/index';
import { compareFindings, countBySeverity, fileErrorFinding, isFailure, type FileOutcome, type RunResult } from './report';
import { loadToggleFiles, RegistryError } from './toggleFiles';
import { autoWorkerCount, checkFiles } from './workers';

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  out(text: string): void;
  err(text: string): void;
  /** The script a worker thread runs (the CLI bundle itself). */
  script: string;
  /** Called with the finished run before it is printed (the GitHub Action's job summary reads it). */
  onResult?(result: RunResult): void;
}

function useColor(options: CheckOptions, io: CliIO): boolean {
  if (options.color !== undefined) return options.color;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY && !io.env.NO_COLOR;
}

export async function runCheck(options: CheckOptions, io: CliIO): Promise<number> {
  let tasks: FileTask[];
  let setup: EngineSetup;
  let discovery: ReturnType<typeof discover>;
  try {
    const toggles = loadToggleFiles(io.cwd, options.registry, (note) => io.err(`release-plan: note: ${note}\n`));
    const configs = new ConfigFiles(io.cwd, options.config);
    discovery = discover(options.inputs, io.cwd);
    tasks = discovery.candidates.map((c) => ({ abs: c.abs, display: c.display, config: configs.forFile(c.abs) }));
    setup = { today: options.today, toggles, planGlobs: DEFAULT_PLAN_GLOBS, minSeverity: options.minSeverity };
  } catch (err) {
    if (err instanceof RegistryError || err instanceof ConfigError || err instanceof DiscoveryError) {
      io.err(`release-plan: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }

  const outcomes = await checkFiles(tasks, setup, options.workers ?? autoWorkerCount(tasks.length), io.script);
  const checkedInputs = new Set<number>();
  outcomes.forEach((o, i) => {
    if (o.status === 'checked') checkedInputs.add(discovery.candidates[i].input);
  });
  const explicit = new Set(discovery.candidates.filter((c) => c.explicit).map((c) => c.display));
  const result: RunResult = {
    findings: outcomes.flatMap((o) => (isFailure(o) ? [fileErrorFinding(o)] : o.findings)).sort(compareFindings),
    outcomes: [...outcomes].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    emptyDirectories: [...discovery.directories].filter(([input]) => !checkedInputs.has(input)).map(([, dir]) => dir),
  };

  io.onResult?.(result);
  io.out(formatResult(options.format, result, { cwd: io.cwd, color: useColor(options, io) }));
  reportSkipped(result, discovery.unreadableDirectories, explicit, io);

  const counts = countBySeverity(result.findings);
  const unreadable = result.outcomes.filter(isFailure).length + discovery.unreadableDirectories.length;
  const checkErrors = result.outcomes.some((o) => o.checkErrors?.length);
  // An incomplete run must not pass CI silently: what could not be checked fails like a usage error.
  if (unreadable > 0 || checkErrors) return EXIT.usage;
  if (counts.error > 0) return EXIT.findings;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.err(`release-plan: ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

function reportSkipped(result: RunResult, unreadableDirectories: { display: string; detail: string }[], explicit: Set<string>, io: CliIO): void {
  const lines: string[] = [];
  const by = (status: FileOutcome['status']) => result.outcomes.filter((o) => o.status === status);
  for (const o of result.outcomes) for (const e of o.checkErrors ?? []) lines.push(`release-plan: internal error on ${o.file}: ${e}; that check's findings are missing`);
  for (const o of by('unreadable')) lines.push(`release-plan: cannot read ${o.file}: ${o.detail ?? 'unreadable'}`);
  for (const o of by('failed')) lines.push(`release-plan: could not check ${o.file}: ${o.detail ?? 'internal error'} (a bug: please report it with the file); every other file was checked`);
  for (const d of unreadableDirectories) lines.push(`release-plan: cannot read directory ${d.display}: ${d.detail}`);
  for (const o of by('binary')) lines.push(`release-plan: skipped ${o.file}: binary file`);
  // Only files the user named are worth a line each; a walk meets many markdown files that are not plans.
  for (const o of by('not-a-plan')) if (explicit.has(o.file)) lines.push(`release-plan: skipped ${o.file}: not a release plan (its name does not match the plan globs and its text has no stage headings with plan vocabulary)`);
  for (const dir of result.emptyDirectories) lines.push(`release-plan: no release plans found under ${dir === '.' ? 'the current directory' : dir}`);
  const skipped = { binary: by('binary').length, notPlan: by('not-a-plan').length, ignored: by('ignored').length, unreadable: by('unreadable').length + unreadableDirectories.length, failed: by('failed').length };
  if (skipped.binary + skipped.notPlan + skipped.ignored + skipped.unreadable + skipped.failed > 0) {
    const parts = [
      skipped.notPlan && `${skipped.notPlan} not a release plan`,
      skipped.ignored && `${skipped.ignored} ignored by .releaseplanrc.json`,
      skipped.binary && `${skipped.binary} binary`,
      skipped.unreadable && `${skipped.unreadable} unreadable`,
      skipped.failed && `${skipped.failed} failed`,
    ].filter(Boolean);
    const checked = by('checked').length;
    lines.push(`release-plan: ${checked} plan${checked === 1 ? '' : 's'} checked; not checked: ${parts.join(', ')}`);
  }
  if (lines.length) io.err(lines.join('\n') + '\n');
}
