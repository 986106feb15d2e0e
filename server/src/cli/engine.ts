// Checks one file: read it, decide whether it is a plan, resolve its config, run the service. The
// same function runs in the main thread and in each worker thread, so both paths give one answer.
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { fixedClock, parseIsoDate, systemClock, resolveConfig, isReleasePlan, createReleasePlanService, type Severity } from '../service/index';
import type { ConfigText } from './configFiles';
import { describeFsError } from './discover';
import { SEVERITY_RANK, toCliFinding, type FileOutcome } from './report';
import { registryView, type ToggleFiles } from './toggleFiles';

/** Everything a worker needs to build its own engine; plain data, so it crosses postMessage. */
export interface EngineSetup {
  /** `YYYY-MM-DD`, already validated; undefined means the system clock. */
  today?: string;
  /** Registry and name-mapping texts, read once by the main thread. */
  toggles: ToggleFiles;
  /** `releasePlan.files` globs. */
  planGlobs: string[];
  minSeverity: Severity;
}

export interface FileTask {
  abs: string;
  display: string;
  config?: ConfigText;
}

/** Git's heuristic: a NUL byte in the first 8000 bytes means binary. */
function looksBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8000).includes(0);
}

function fileKind(abs: string): string | undefined {
  let stats;
  try {
    stats = statSync(abs);
  } catch (err) {
    try {
      if (lstatSync(abs).isSymbolicLink()) return 'dangling symbolic link';
    } catch {
      // fall through to the stat error
    }
    return describeFsError(err);
  }
  if (stats.isFile()) return undefined;
  // Reading a FIFO would block until someone writes to it; say what it is instead.
  if (stats.isDirectory()) return 'is a directory';
  if (stats.isFIFO()) return 'is a FIFO (named pipe), not a file';
  if (stats.isSocket()) return 'is a socket, not a file';
  return 'is not a regular file';
}

export function createEngine(setup: EngineSetup): (task: FileTask) => FileOutcome {
  const today = setup.today ? parseIsoDate(setup.today) : undefined;
  const service = createReleasePlanService({ clock: today ? fixedClock(today) : systemClock });
  const registry = registryView(setup.toggles);
  const minRank = SEVERITY_RANK[setup.minSeverity];

  return (task) => {
    const outcome = (status: FileOutcome['status'], detail?: string): FileOutcome => ({ file: task.display, status, detail, findings: [] });
    const resolved = resolveConfig({ configFile: task.config, documentPath: task.abs });
    if (resolved.config.ignored) return outcome('ignored');
    const problem = fileKind(task.abs);
    if (problem) return outcome('unreadable', problem);
    let buffer: Buffer;
    try {
      buffer = readFileSync(task.abs);
    } catch (err) {
      return outcome('unreadable', describeFsError(err));
    }
    if (looksBinary(buffer)) return outcome('binary');
    // Editors drop the byte-order mark from the document text, so positions must not count it.
    let text = buffer.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (!isReleasePlan(task.display, text, setup.planGlobs)) return outcome('not-a-plan');
    const checkErrors: string[] = [];
    const onCheckError = (id: string, err: unknown) => checkErrors.push(`check ${id} failed: ${err instanceof Error ? err.message : String(err)}`);
    let findings;
    try {
      findings = service.findings(service.parsePlan(text), { config: resolved.config, registry, onCheckError });
    } catch (err) {
      // A bug the file triggers in the parser: that file is reported as not checked, the run goes on.
      return outcome('failed', `internal error: ${err instanceof Error ? err.message : String(err)}`);
    }
    return {
      file: task.display,
      status: 'checked',
      ...(checkErrors.length ? { checkErrors } : {}),
      findings: findings.filter((f) => SEVERITY_RANK[f.severity] >= minRank).map((f) => toCliFinding(task.display, f)),
    };
  };
}
