// Runs the bundled CLI (`node dist/cli.js`, what `npx release-plan` runs) as a child process. The CLI
// tests assume the bundle is built: `npm test` builds first; alone, run `npm run build` before them.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliFinding } from '../../server/src/cli/report';

export const CLI_JS = join(__dirname, '..', '..', 'dist', 'cli.js');
export const REPO_ROOT = join(__dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(CLI_JS)) throw new Error(`${CLI_JS} is missing: run \`npm run build\` first (npm test does)`);
}

/** Synchronous, for the many short runs; `env` is merged over a colour-free environment. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.FORCE_COLOR;
  if (options.env?.FORCE_COLOR !== undefined) env.FORCE_COLOR = options.env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI_JS, ...args], { cwd: options.cwd ?? REPO_ROOT, env, encoding: 'utf8', timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Asynchronous, for runs that must not block the test's event loop (e.g. beside a language server). */
export function runCliAsync(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  return collectRun(spawn(process.execPath, [CLI_JS, ...args], { cwd: options.cwd ?? REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } }));
}

/** A child process's exit code and everything it wrote, once it closes. */
export function collectRun(child: ChildProcessWithoutNullStreams): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function parseJson(run: CliRun): CliFinding[] {
  try {
    return JSON.parse(run.stdout) as CliFinding[];
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout.slice(0, 500)}\nstderr:\n${run.stderr}`);
  }
}

/** A scratch directory populated from `files` (path → text); removed by the returned function. */
export function scratch(files: Record<string, string> = {}): { dir: string; write(path: string, text: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'release-plan-cli-'));
  const write = (path: string, text: string) => {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    return abs;
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small plan with one finding of each level the exit codes care about. */
export const SMALL_PLAN = `# Widget release plan

## Phase II: Staged Rollout

- Desired date range: 6/30/25 - 7/16/25

### Stage A: 25% of users

- Length of time: 3 days (2/30/2025 - 7/3/2025)
- Percentage of Users: 25%
- Number of unique users: [FILL_IN]

### Stage B: 50% of users

- Length of time: 3 days
- Percentage of Users: 66%
`;

/** The same plan with the invalid date fixed: a warning and an information remain. */
export const WARNING_PLAN = SMALL_PLAN.replace('2/30/2025', '6/30/2025');

/** Nothing to report. */
export const CLEAN_PLAN = `# Widget release plan

## Phase II: Staged Rollout

- Desired date range: 6/30/25 - 7/16/25

### Stage A: 25% of users

- Percentage of Users: 25%

### Stage B: 50% of users

- Percentage of Users: 50%
`;
