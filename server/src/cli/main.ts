// `release-plan` command line. For now: `release-plan summary <files…>` prints the model summary.
import { readFileSync } from 'node:fs';
import { parsePlan } from '../service/parse/index';
import { summarizePlan } from '../service/summary';

function main(argv: string[]): number {
  const [command, ...files] = argv;
  if (command !== 'summary' || files.length === 0) {
    process.stderr.write('usage: release-plan summary <file.md>…\n');
    return 2;
  }
  let status = 0;
  for (const file of files) {
    try {
      process.stdout.write(`${file}\n  ${summarizePlan(parsePlan(readFileSync(file, 'utf8')))}\n`);
    } catch (err) {
      process.stderr.write(`${file}: cannot read (${err instanceof Error ? err.message : String(err)})\n`);
      status = 2;
    }
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));
