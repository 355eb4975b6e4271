import { createAgentCommandFixer } from './fixer.js';

/** External coding-agent CLIs as a fixer (runs after the model fixer: agents are the most expensive). */
export const agentCommandFixer = createAgentCommandFixer();
export default agentCommandFixer;

export { createAgentCommandFixer, commandName, type AgentCommandFixerOptions } from './fixer.js';
export { expandCommand, shellQuote, PLACEHOLDERS } from './command.js';
export { taskYaml } from './task-file.js';
