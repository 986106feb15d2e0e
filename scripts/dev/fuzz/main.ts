// npm run fuzz [-- --seed N] [--count N] [--from I] [--positions N] [--budget-ms MS] [--strict-time] [--no-huge] [--cli-every N] [--quiet]
// Prints each case it tries, then the counts; a failure names its seed and case and how to replay it.
import { runFuzz } from './fuzz';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const seed = Number(option('--seed') ?? Date.now() % 1_000_000);
  const quiet = process.argv.includes('--quiet');
  const started = Date.now();
  console.log(`fuzz: seed ${seed}`);
  const report = await runFuzz({
    seed,
    count: Number(option('--count') ?? 200),
    from: Number(option('--from') ?? 0),
    positions: Number(option('--positions') ?? 4),
    budgetMs: Number(option('--budget-ms') ?? 2000),
    strictTime: process.argv.includes('--strict-time'),
    huge: !process.argv.includes('--no-huge'),
    cliEvery: Number(option('--cli-every') ?? 50),
    log: (line) => {
      if (!quiet || line.startsWith('FAIL') || /^case \d*00:/.test(line)) console.log(line);
    },
  });
  const requests = Object.values(report.requests).reduce((a, b) => a + b, 0);
  console.log(`fuzz: seed ${seed}: ${report.documents} documents, ${requests} requests (${Object.entries(report.requests).map(([m, n]) => `${m} ${n}`).join(', ')}), ${report.cliRuns} CLI runs over ${report.cliFiles} files, slowest request ${report.maxMs.toFixed(0)} ms, ${report.slow.length} over budget, ${report.failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  for (const s of report.slow.slice(0, 20)) console.log(`slow: ${s}`);
  for (const f of report.failures.slice(0, 50)) console.log(`failure: ${f}`);
  return report.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
