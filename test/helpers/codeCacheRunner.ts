// A child process for test/node/codeCache.test.ts: starts the bundle named on the command line the
// way dist/server.js and dist/cli.js start theirs, then prints how the code cache was used.
// argv: <bundle> <at-exit | after-ms | two-delays>
// - after-ms: the cache is made as soon as the loop is quiet after start; the process stays 300 ms;
// - two-delays: checkpoints at 0 and 200 ms (the server's two); at 100 ms the process prints the
//   size of the cache file(s) in <cacheDir>/v8-code-cache, and it stays 400 ms.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_ENV } from '../../server/src/node/cacheDir';
import { startWithCodeCache } from '../../server/src/node/codeCache';

const [bundle, when] = process.argv.slice(2);
const quiet = { windowMs: 20, busyMs: 10 };
const write = when === 'after-ms' ? { afterMs: [0], quiet } : when === 'two-delays' ? { afterMs: [0, 200], quiet } : 'at-exit';
const use = startWithCodeCache(bundle, { write });
process.stdout.write(`${use}\n`);
if (when === 'after-ms') setTimeout(() => undefined, 300);
if (when === 'two-delays') {
  setTimeout(() => {
    const dir = join(process.env[CACHE_ENV] ?? '', 'v8-code-cache');
    const sizes = readdirSync(dir).map((f) => statSync(join(dir, f)).size);
    process.stdout.write(`${JSON.stringify(sizes)}\n`);
  }, 100);
  setTimeout(() => undefined, 400);
}
