// The GitHub Action's entry (action.yml → dist/action.js): `release-plan check --format github` over
// the workspace, with the inputs as options, plus a job summary. Same engine, same exit-code rules as
// the CLI; `fail-on` only decides whether findings fail the step. The bundle is also the worker
// threads' script, like the CLI's.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, UsageError } from '../cli/args';
import { EXIT } from '../cli/exitCodes';
import type { RunResult } from '../cli/report';
import { runCheck } from '../cli/run';
import { runAsWorkerIfAsked } from '../cli/workers';
import { tuneJitTiering } from '../node/jitTiering';
import { type LocalDate, parseIsoDate, parsePlan, planExpectation, plannedStages, systemClock } from '../service/index';
import { escapeData } from '../cli/formats/github';
import { readInputs } from './inputs';
import { jobSummary, type PlanFacts } from './summary';
import { mermaidTimeline } from './timelineHook';

const iso = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function planFacts(cwd: string, result: RunResult, today: LocalDate): Map<string, PlanFacts> {
  const facts = new Map<string, PlanFacts>();
  for (const o of result.outcomes) {
    if (o.status !== 'checked') continue;
    try {
      const plan = parsePlan(readFileSync(join(cwd, o.file), 'utf8'));
      const expectation = planExpectation(plannedStages(plan), today);
      facts.set(o.file, { stageToday: expectation?.replace(/^plan: /, ''), timeline: mermaidTimeline(plan, today) });
    } catch {
      // the summary's extra column is not worth failing the step: the checks already ran
    }
  }
  return facts;
}

export async function runAction(env: NodeJS.ProcessEnv, write: { out(t: string): void; err(t: string): void }, script: string): Promise<number> {
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  let failOn;
  let command;
  try {
    const inputs = readInputs(env);
    failOn = inputs.failOn;
    command = parseArgs(inputs.argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const message = err.message.replace(/--(max-warnings|today|registry)\b/g, 'input $1');
    write.out(`::error title=release-plan::${escapeData(message)}\n`);
    return EXIT.usage;
  }
  if (command.kind !== 'check') return EXIT.usage;
  const options = command.options;
  let result: RunResult | undefined;
  const code = await runCheck(options, {
    cwd,
    env,
    stdoutIsTTY: false,
    out: write.out,
    err: write.err,
    script,
    onResult: (r) => (result = r),
  });
  const today = (options.today && parseIsoDate(options.today)) || systemClock();
  if (result && env.GITHUB_STEP_SUMMARY) {
    appendFileSync(env.GITHUB_STEP_SUMMARY, jobSummary(result, { today: iso(today), facts: planFacts(cwd, result, today) }));
  }
  // an incomplete run (exit 2) fails whatever fail-on says; findings fail unless fail-on is never
  if (code === EXIT.findings && failOn === 'never') return EXIT.ok;
  return code;
}

tuneJitTiering();
if (!runAsWorkerIfAsked()) {
  runAction(process.env, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }, __filename).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stdout.write(`::error title=release-plan::${escapeData(`internal error: ${err instanceof Error ? err.message : String(err)}`)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
