// `dist/cli.js` (the `release-plan` command): starts the CLI's bundle (dist/cli-main.js, from
// cli/main.ts) from V8's code cache (node/codeCache.ts), made again when the run exits.
import { join } from 'node:path';
import { startWithCodeCache } from '../node/codeCache';
import { tuneJitTiering } from '../node/jitTiering';

// before the compile: V8 accepts a cache only under the flags it was made with, and the bundle sets this one
tuneJitTiering();
startWithCodeCache(join(__dirname, 'cli-main.js'), { write: 'at-exit' });
