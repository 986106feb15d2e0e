// The exit codes CI scripts branch on; part of the CLI's public interface.
export const EXIT = {
  /** No error-level findings and not over --max-warnings (findings below that may be reported). */
  ok: 0,
  /** Error-level findings, or more warnings than --max-warnings. */
  findings: 1,
  /** Usage or configuration error, or a file or directory that could not be read. */
  usage: 2,
} as const;
