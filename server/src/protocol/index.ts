// What the VS Code client and the language server share, and the part of server/ the client may
// import (eslint.config.mjs enforces it): the custom messages, the token key, the web worker's start
// message, and the reading of the `releasePlan.environments` setting both ends act on. Nothing here
// may name node:* — the web client (client/src/browser) bundles it for a browser. The token seals live
// beside it, one per platform: tokenSeal.ts (node:crypto) and tokenSealWeb.ts (WebCrypto).
export * from './messages';
export { tokenKey, TOKEN_KEY_ENV } from './tokens';
export { isWorkerStartMessage, type WorkerStartMessage } from './workerStart';
export { DOCS_FILE } from '../service/docsLinks';
export { parseEnvironments } from '../service/toggles/environments';
export type { EnvironmentConfig } from '../service/toggles/types';
