import { createLlmFixer } from './fixer.js';

/** The model-backed fixer (Anthropic Messages or any OpenAI-compatible server), registered after the free ones. */
export const llmFixer = createLlmFixer();
export default llmFixer;

export { createLlmFixer, type LlmFixerOptions } from './fixer.js';
export { llmConfigSchema, type LlmConfig } from './config.js';
export { Budget, type Spend } from './budget.js';
export { promptFor, buildPrompt } from './prompt/index.js';
export { parseAnswer } from './answer/parse.js';
export { planEdits, writePlan } from './answer/apply.js';
export { createChain, providerOrder, resolveProvider } from './providers/index.js';
