import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expandCommand, shellQuote } from './command.js';
import { commandName } from './fixer.js';

describe('agent command templates', () => {
  const values = { prompt_file: '/tmp/a b/prompt.md', task_file: "/tmp/it's/task.yaml", worktree: '/wt', prompt: 'fix `this` $(rm -rf /) "now"' };

  it('quotes every placeholder so the shell sees each value as one word, unexpanded', () => {
    const cmd = expandCommand('printf "%s|" {prompt_file} {task_file} {worktree} {prompt} ${HOME+set}', values);
    const out = execFileSync('/bin/sh', ['-c', cmd], { encoding: 'utf8', env: { HOME: '/h', PATH: process.env.PATH } });
    expect(out).toBe(`/tmp/a b/prompt.md|/tmp/it's/task.yaml|/wt|fix \`this\` $(rm -rf /) "now"|set|`);
  });

  it('quotes single quotes', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it.each([
    ['claude -p --permission-mode acceptEdits', 'claude'],
    ['npx aider --message-file {prompt_file}', 'aider'],
    ['OPENAI_MODEL=x /usr/local/bin/codex exec {prompt}', 'codex'],
  ])('names %s as %s', (t, name) => expect(commandName(t)).toBe(name));
});
