// Spreads files over worker threads when there are enough of them to pay for the threads' start-up
// (each loads the bundle and builds its own service). Results are put back by input index, so the
// output is identical whatever the number of workers and whichever finishes first.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createEngine, type EngineSetup, type FileTask } from './engine';
import type { FileOutcome } from './report';

const WORKER_ROLE = 'release-plan-check-worker';
/**
 * Fewer files than this are checked in the main thread. Each worker is a new V8 isolate that warms up
 * its JIT and fills its own parser chunk cache from scratch (plans share template text, so the main
 * thread's cache hits a lot): on the 116-plan corpus one isolate spends ~3.2 s of CPU, two spend
 * ~4.3 s between them.
 */
export const WORKER_THRESHOLD = 40;
/** Files per message: small enough to balance uneven plans, large enough to keep messaging cheap. */
const BATCH = 4;

interface WorkerInit {
  role: typeof WORKER_ROLE;
  setup: EngineSetup;
}
type ToWorker = { items: { index: number; task: FileTask }[] };
type FromWorker = { items: { index: number; outcome: FileOutcome }[] } | { error: string };

/**
 * With two cores, one thread already keeps both fairly busy (V8 marks and compiles on background
 * threads: ~1.4 s of CPU per second of wall time), so two workers pay off only for large inputs.
 * Measured on distinct plans (corpus copies with every heading changed, so no chunk cache hits):
 * 150 plans 2.5 s in-process vs 2.9 s on two workers, 300: 4.1 vs 4.7, 800: 9.8 vs 9.0,
 * 2088: 23.8 vs 17.6.
 */
export const TWO_CORE_THRESHOLD = 600;

/**
 * The automatic --workers choice: in-process for small inputs; with more cores, workers from
 * WORKER_THRESHOLD files on, one core left for the isolates' own background threads; with two cores,
 * both of them from TWO_CORE_THRESHOLD files on.
 */
export function autoWorkerCount(files: number, cores: number = availableParallelism()): number {
  if (files < WORKER_THRESHOLD || cores < 2) return 0;
  if (cores === 2) return files >= TWO_CORE_THRESHOLD ? 2 : 0;
  return Math.max(2, Math.min(cores - 1, 8, Math.ceil(files / (WORKER_THRESHOLD / 2))));
}

/** True (and serving) when this thread was started as a check worker. */
export function runAsWorkerIfAsked(): boolean {
  const init = workerData as WorkerInit | undefined;
  if (isMainThread || !parentPort || init?.role !== WORKER_ROLE) return false;
  const port = parentPort;
  const check = createEngine(init.setup);
  port.on('message', (msg: ToWorker) => {
    let reply: FromWorker;
    try {
      reply = { items: msg.items.map(({ index, task }) => ({ index, outcome: check(task) })) };
    } catch (err) {
      reply = { error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
  return true;
}

export async function checkFiles(tasks: readonly FileTask[], setup: EngineSetup, workers: number, script: string): Promise<FileOutcome[]> {
  if (workers <= 0 || tasks.length === 0) {
    const check = createEngine(setup);
    return tasks.map(check);
  }
  const results: FileOutcome[] = new Array(tasks.length);
  let next = 0;
  let remaining = tasks.length;
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker) => {
        if (next >= tasks.length) return;
        const items = [];
        for (let n = 0; n < BATCH && next < tasks.length; n++, next++) items.push({ index: next, task: tasks[next] });
        worker.postMessage({ items } satisfies ToWorker);
      };
      const count = Math.min(workers, Math.ceil(tasks.length / BATCH));
      for (let w = 0; w < count; w++) {
        const worker = new Worker(script, { workerData: { role: WORKER_ROLE, setup } satisfies WorkerInit });
        pool.push(worker);
        worker.on('message', (msg: FromWorker) => {
          if ('error' in msg) {
            reject(new Error(msg.error));
            return;
          }
          for (const { index, outcome } of msg.items) results[index] = outcome;
          remaining -= msg.items.length;
          if (remaining === 0) resolve();
          else feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (remaining > 0) reject(new Error(`a check worker stopped early (exit code ${code})`));
        });
        // two batches in flight per worker, so it never waits on the main thread between batches
        feed(worker);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
