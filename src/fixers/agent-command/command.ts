/** Placeholders an agent command template may use; each is replaced by a shell-quoted value. */
export const PLACEHOLDERS = ['prompt_file', 'task_file', 'worktree', 'prompt'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Single-quotes a value for /bin/sh (the only character needing care inside single quotes is ' itself). */
export function shellQuote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

/**
 * `claude -p --permission-mode acceptEdits < {prompt_file}` -> the command with quoted values. Unknown
 * `{names}` are left alone (shell code such as `${HOME}` or awk braces must survive).
 */
export function expandCommand(template: string, values: Record<Placeholder, string>): string {
  return template.replace(/\{(prompt_file|task_file|worktree|prompt)\}/g, (_m, name: Placeholder) => shellQuote(values[name]));
}
