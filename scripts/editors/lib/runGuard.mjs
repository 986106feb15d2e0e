// What every editor test script needs around its run: cleanups that always run (last registered,
// first run; one failing does not stop the rest), on success, failure, Ctrl-C, SIGTERM or a hard
// timeout; and an exit that does not wait forever on a wedged browser.
/* global setTimeout */
export function runGuard(label, hardTimeoutMs) {
  const cleanups = [];
  let cleaned = false;
  async function cleanup() {
    if (cleaned) return;
    cleaned = true;
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch {
        // keep going: every later cleanup must still run
      }
    }
  }
  function exitAfterCleanup(code, why) {
    if (why) console.error(`${label}: ${why}`);
    // cleanup() may hang on a wedged browser; the group kill in it is synchronous and runs first.
    setTimeout(() => process.exit(code), 5_000).unref();
    cleanup().finally(() => process.exit(code));
  }
  process.on('SIGINT', () => exitAfterCleanup(130, 'interrupted'));
  process.on('SIGTERM', () => exitAfterCleanup(143, 'terminated'));
  setTimeout(() => exitAfterCleanup(2, `hard timeout of ${hardTimeoutMs / 60_000} min reached`), hardTimeoutMs).unref();
  return { cleanups, exitAfterCleanup };
}
