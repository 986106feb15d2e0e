// Imported first by index.ts: mocha's browser build (a worker has no Node modules) with the bdd
// globals the shared suite files use, reporting through the same tagged console lines.
import 'mocha/mocha.js';

/** The last line of a run: `<RESULT_TAG><failures>`. The workbench does not report the end of a web-worker host's tests (codeAutomationExit is not called), so the runner waits for this. */
export const RESULT_TAG = 'web suite finished, failures: ';

/** Same tag as test/vscode/suite/index.ts: scripts/editors/test-vscode-web.mjs picks these lines out. */
export const REPORT_TAG = '[release-plan-suite] ';

interface RunnerLike {
  failures: number;
}

interface BrowserMocha {
  setup(options: { ui: string; reporter?: unknown; timeout: number; color?: boolean }): void;
  /** The runner; its 'end' event is the reliable end of a run in a worker (the done callback is not called there). */
  run(done?: (failures: number) => void): RunnerLike;
  reporters: { Spec: new (runner: RunnerLike, options: unknown) => object; Base: { consoleLog: (...args: unknown[]) => void } };
}
export const mocha = (globalThis as unknown as { mocha: BrowserMocha; Mocha: { reporters: BrowserMocha['reporters'] } }).mocha;
const reporters = (globalThis as unknown as { Mocha: { reporters: BrowserMocha['reporters'] } }).Mocha.reporters;
/** util.format's placeholders (%s %d %i %j %o %O %%), which mocha's reporters use. */
function format(first: unknown, ...rest: unknown[]): string {
  if (first === undefined && rest.length === 0) return '';
  if (typeof first !== 'string') return [first, ...rest].map(String).join(' ');
  let i = 0;
  const out = first.replace(/%([sdijoO%])/g, (m, k: string) => {
    if (k === '%') return '%';
    if (i >= rest.length) return m;
    const v = rest[i++];
    if (k === 'd' || k === 'i') return String(Number(v));
    if (k === 'j' || k === 'o' || k === 'O') return JSON.stringify(v);
    return String(v);
  });
  return [out, ...rest.slice(i).map(String)].join(' ');
}
reporters.Base.consoleLog = (...args: unknown[]) => console.log(REPORT_TAG + format(args[0], ...args.slice(1)));
// The spec reporter, remembering the runner it reports on: its failure count (hooks included) is
// the run's result, read in index.ts's last hook (mocha.run() has not returned by then).
let current: RunnerLike | undefined;
class SpecRememberingRunner extends reporters.Spec {
  constructor(runner: RunnerLike, options: unknown) {
    super(runner, options);
    current = runner;
  }
}
export const failuresSoFar = (): number | undefined => current?.failures;
mocha.setup({ ui: 'bdd', reporter: SpecRememberingRunner, timeout: 30_000, color: false });
