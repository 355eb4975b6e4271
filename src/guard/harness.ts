import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { configSchema, type SutureConfigInput } from '../config/schema.js';
import type { Verdict } from '../events/index.js';
import type { Store } from '../store/types.js';
import { judge, type JudgeOptions } from './judge.js';

/**
 * Test and evaluation helper: writes `base` files to a temp directory, builds a real git-style unified
 * diff from base to `head` (null = delete), and judges it the way the heal loop does (sandbox mode).
 */
export function makeDiff(base: Record<string, string>, head: Record<string, string | null>): string {
  let out = '';
  for (const p of Object.keys(head).sort()) {
    const before = base[p];
    const after = head[p];
    if (before === after) continue;
    const oldName = before === undefined ? '/dev/null' : `a/${p}`;
    const newName = after === null || after === undefined ? '/dev/null' : `b/${p}`;
    const body = createTwoFilesPatch(oldName, newName, before ?? '', after ?? '', undefined, undefined, { context: 3 })
      .split('\n')
      .filter((l) => !/^={10,}$/.test(l) && !/^Index: /.test(l))
      .join('\n')
      .replace(/^(---|\+\+\+) (\S+)\t$/gm, '$1 $2');
    const mode = before === undefined ? 'new file mode 100644\n' : after === null ? 'deleted file mode 100644\n' : '';
    out += `diff --git a/${p} b/${p}\n${mode}${body.endsWith('\n') ? body : `${body}\n`}`;
  }
  return out;
}

export async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
}

export interface JudgeFilesOptions extends Partial<Omit<JudgeOptions, 'config'>> {
  config?: SutureConfigInput;
  store?: Store;
  /** Which state the directory holds: the base (default) or the already-patched head, as in a heal worktree. */
  rootHolds?: 'base' | 'head';
}

export async function judgeFiles(base: Record<string, string>, head: Record<string, string | null>, opts: JudgeFilesOptions = {}): Promise<Verdict & { diff: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'suture-guard-'));
  try {
    const diff = makeDiff(base, head);
    const { config, rootHolds, ...rest } = opts;
    if (rootHolds === 'head') {
      const state: Record<string, string> = { ...base };
      for (const [p, t] of Object.entries(head)) {
        if (t === null) delete state[p];
        else state[p] = t;
      }
      await writeTree(dir, state);
    } else await writeTree(dir, base);
    const verdict = await judge({ diff }, { ...rest, root: dir, config: configSchema.parse(config ?? {}) });
    return { ...verdict, diff };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The findings one rule reports for a base → head change (other rules not run). */
export async function ruleFindings(rule: string, base: Record<string, string>, head: Record<string, string | null>, opts: JudgeFilesOptions = {}): Promise<Verdict['findings']> {
  const v = await judgeFiles(base, head, { ...opts, only: [rule] });
  return v.findings.filter((f) => f.rule === rule);
}
