// What the VS Code client and the language server share, and the part of server/ the client may
// import (eslint.config.mjs enforces it): the custom messages, the token key, the web worker's start
// message, the reading of the `releasePlan.environments` setting both ends act on, and the pure helpers
// the client's own commands run locally (New Release Plan validates answers as the user types and writes
// the plan from the template; Set Up Live Toggle Status offers the VA presets) — one implementation,
// tested once. Nothing here may name node:* — the web client (client/src/browser) bundles it for a
// browser. The token seals live beside it, one per platform: tokenSeal.ts (node:crypto) and
// tokenSealWeb.ts (WebCrypto).
export * from './messages';
export { tokenKey, TOKEN_KEY_ENV } from './tokens';
export { isWorkerStartMessage, type WorkerStartMessage } from './workerStart';
export { DOCS_FILE } from '../service/docsLinks';
export { parseEnvironments } from '../service/toggles/environments';
export type { EnvironmentConfig } from '../service/toggles/types';
export { DEFAULT_PERCENTAGES, isToggleName, parseDateRange, parsePercentages, planFileName } from '../service/newPlan/answers';
export { writeNewPlan, type NewPlanAnswers } from '../service/newPlan/writePlan';
export { environmentNameFor, flipperUrlProblem, mergeEnvironment, VA_PRESETS } from '../service/toggles/presets';
