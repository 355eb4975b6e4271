import type { FixContext } from '../../types.js';
import { buildPrompt, type Prompt } from './build.js';
import type { AnswerStyle } from './instructions.js';
import { repoInstructions } from './repo-docs.js';
import { gatherSources } from './sources.js';

/** The prompt for the cluster in `ctx`, from the worktree's files (what the llm and agent-command fixers send). */
export async function promptFor(ctx: Pick<FixContext, 'worktree' | 'events' | 'cluster' | 'previousAttempts'>, style: AnswerStyle, maxChars: number): Promise<Prompt> {
  const sources = await gatherSources(ctx.worktree, ctx.events);
  const docs = await repoInstructions(ctx.worktree);
  return buildPrompt({ cluster: ctx.cluster, events: ctx.events, previousAttempts: ctx.previousAttempts, sources, docs, style, maxChars });
}

export { buildPrompt, untrusted, type Prompt, type PromptInput } from './build.js';
export { answerFormat, repairMessage, rules, type AnswerStyle } from './instructions.js';
export { gatherSources, isTestFile, type SourceFile } from './sources.js';
export { repoInstructions } from './repo-docs.js';
