// `release-plan` command line: `check` runs the service's checks over plans for CI and scripts;
// `summary` prints every plan at a glance (cli/summary.ts). The bundle is also the worker threads'
// script: a worker thread serves check requests instead of reading the command line.
import { HELP, parseArgs, UsageError } from './args';
import { EXIT } from './exitCodes';
import { runCheck, type CliIO } from './run';
import { runSummary } from './summary';
import { TOOL_VERSION } from './version';
import { runAsWorkerIfAsked } from './workers';
import { tuneJitTiering } from '../node/jitTiering';

function io(): CliIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    script: __filename,
  };
}

async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`release-plan: ${err.message}\n`);
    return EXIT.usage;
  }
  switch (command.kind) {
    case 'help':
      process.stdout.write(HELP);
      return EXIT.ok;
    case 'version':
      process.stdout.write(`${TOOL_VERSION}\n`);
      return EXIT.ok;
    case 'summary':
      return runSummary(command.options, io());
    case 'check':
      return runCheck(command.options, io());
  }
}

tuneJitTiering();
if (!runAsWorkerIfAsked()) {
  // `release-plan check | head` closes our stdout early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw err;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // A bug, not a user mistake: still one line, no stack unless asked for.
      const detail = process.env.RELEASE_PLAN_DEBUG && err instanceof Error ? `\n${err.stack}` : '';
      process.stderr.write(`release-plan: internal error: ${err instanceof Error ? err.message : String(err)}${detail}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
