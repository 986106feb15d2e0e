// `dist/server.js`: starts the language server's bundle (dist/server-main.js, from node/main.ts) from
// V8's code cache (codeCache.ts). The cache is made a few seconds after start, by when the first
// documents have compiled the parser and the checks, and looked at again a minute later (hovers, code
// actions); each time only once the server is not busy answering keystrokes.
import { join } from 'node:path';
import { startWithCodeCache } from './codeCache';
import { tuneJitTiering } from './jitTiering';

// before the compile: V8 accepts a cache only under the flags it was made with, and the bundle sets this one
tuneJitTiering();
startWithCodeCache(join(__dirname, 'server-main.js'), { write: { afterMs: [5_000, 60_000] } });
