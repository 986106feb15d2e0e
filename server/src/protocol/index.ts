// What the VS Code client and the language server share, and the only part of server/ the client may
// import (eslint.config.mjs enforces it): the custom messages, the token seal and token key, and the
// reading of the `releasePlan.environments` setting both ends act on.
export * from './messages';
export { newSessionKey, sealTokens, tokenKey, TOKEN_KEY_ENV, unsealTokens } from './tokens';
export { parseEnvironments } from '../service/toggles/environments';
export type { EnvironmentConfig } from '../service/toggles/types';
