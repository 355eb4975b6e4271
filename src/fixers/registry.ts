import { agentCommandFixer } from './agent-command/index.js';
import { didYouMeanFixer } from './did-you-mean/index.js';
import { goImportsFixer } from './go-imports/index.js';
import { lintFixFixer } from './lint-fix/index.js';
import { llmFixer } from './llm/index.js';
import { missingDependencyFixer } from './missing-dependency/index.js';
import { playbookMemoryFixer } from './playbook-memory/index.js';
import { revertFixer } from './revert/index.js';
import { tsCodefixFixer } from './ts-codefix/index.js';
import type { Fixer } from './types.js';

/**
 * Every fixer, in the order the heal loop asks them: cheapest and most specific first. A fixer is one
 * folder under src/fixers/ and one line here (registry.test.ts fails if a folder is left out).
 *
 * - playbook-memory: the stored fix that healed this very fingerprint before (one store query + git apply)
 * - go-imports: the missing import of a Go package used as a qualifier (before did-you-mean, so an
 *   unimported `strings` is imported, never "corrected" to another name)
 * - did-you-mean: a text edit at the exact position a compiler or runtime named
 * - ts-codefix: a language-service pass over one TypeScript project
 * - lint-fix: the project's own formatter/linter on the failing files
 * - missing-dependency: a manifest entry (may ask the npm registry; usually a proposal, manifests are protected)
 * - revert: bisect (many targeted test runs), then the smallest responsible hunk of the breaking commit
 * - llm: a model (llm.provider, then llm.fallback) once one is chosen and its API key is set; budgeted (llm.budget)
 * - agent-command: an external coding agent CLI, when llm.agent.command is set
 */
export const fixers: Fixer[] = [playbookMemoryFixer, goImportsFixer, didYouMeanFixer, tsCodefixFixer, lintFixFixer, missingDependencyFixer, revertFixer, llmFixer, agentCommandFixer];

export function fixerById(id: string): Fixer | undefined {
  return fixers.find((f) => f.id === id);
}
