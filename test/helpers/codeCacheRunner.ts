// A child process for test/node/codeCache.test.ts: starts the bundle named on the command line the
// way dist/server.js and dist/cli.js start theirs, then prints how the code cache was used.
// argv: <bundle> <at-exit | after-ms>; with after-ms the cache is made 0 ms after start, and the
// process stays 100 ms so that it is.
import { startWithCodeCache } from '../../server/src/node/codeCache';

const [bundle, when] = process.argv.slice(2);
const use = startWithCodeCache(bundle, { write: when === 'after-ms' ? { afterMs: [0] } : 'at-exit' });
process.stdout.write(`${use}\n`);
if (when === 'after-ms') setTimeout(() => undefined, 100);
