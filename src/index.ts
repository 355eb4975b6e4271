// Public API for programmatic use; the CLI is a thin layer over the same functions.
export * from './events/index.js';
export * from './errors.js';
export { loadConfig, parseConfig } from './config/load.js';
export type { SutureConfig } from './config/schema.js';
export type { Store } from './store/types.js';
export type { Fixer, FixContext, FixResult } from './fixers/types.js';
