import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The repository's own instructions for agents and contributors, in the order they are meant for us. */
export const INSTRUCTION_FILES = ['AGENTS.md', 'CLAUDE.md', '.github/copilot-instructions.md', 'CONTRIBUTING.md', '.github/CONTRIBUTING.md', 'docs/CONTRIBUTING.md'];

export async function repoInstructions(worktree: string, maxChars = 4000): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  for (const rel of INSTRUCTION_FILES) {
    try {
      const text = await readFile(path.join(worktree, rel), 'utf8');
      if (text.trim()) out.push({ path: rel, text: text.length > maxChars ? `${text.slice(0, maxChars)}\n… [trimmed]` : text });
    } catch {
      /* absent */
    }
  }
  return out;
}
