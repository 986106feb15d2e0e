// The action's inputs (`INPUT_<NAME>` variables, as the runner sets them) become a `release-plan
// check` command line, so the action validates and means exactly what the CLI does.
import { UsageError } from '../cli/args';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionInputs {
  /** Arguments for `parseArgs`, starting with `check`. */
  argv: string[];
  failOn: FailOn;
}

/** The runner upper-cases the name and turns spaces into `_`, keeping `-`: `max-warnings` → `INPUT_MAX-WARNINGS`. */
export function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Throws UsageError naming the input, never the CLI option it became. */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const argv = ['check', '--format', 'github'];
  const failOn = (input(env, 'fail-on') || 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`input fail-on must be one of ${FAIL_ON.join(', ')}, got '${failOn}'`);
  const maxWarnings = input(env, 'max-warnings');
  // fail-on: warning is "any warning fails", whatever max-warnings says
  if (failOn === 'warning') argv.push('--max-warnings', '0');
  else if (maxWarnings !== '') argv.push('--max-warnings', maxWarnings);
  const registry = input(env, 'registry');
  if (registry !== '') argv.push('--registry', registry);
  const today = input(env, 'today');
  if (today !== '') argv.push('--today', today);
  // one glob or path per line (GitHub's multi-line input); none: the plans under the workspace
  const files = input(env, 'files').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  argv.push('--', ...files);
  return { argv, failOn };
}
