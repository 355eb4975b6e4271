/** The heal stage: `heal()` runs the loop; the CLI and the eval harness call it with real or custom deps. */
export { heal } from './loop.js';
export { defaultHealDeps } from './deps.js';
export { healExitCode } from './exit-code.js';
export { healConfigSchema, type HealConfig } from './config.js';
export { STAGES } from './stages.js';
export { checkFullRun, checkTargeted } from './verify.js';
export { openSandbox, openRepo, type SandboxSession } from './sandbox/index.js';
export type * from './types.js';
