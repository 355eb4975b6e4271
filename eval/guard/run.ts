import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/load.js';
import type { Verdict } from '../../src/events/index.js';
import { judge } from '../../src/guard/index.js';
import { RULE_IDS } from '../../src/guard/rules/ids.js';
import type { CorpusEntry } from './types.js';

export const EVAL_DIR = path.dirname(fileURLToPath(import.meta.url));
const env = { ...process.env, GIT_AUTHOR_NAME: 'eval', GIT_AUTHOR_EMAIL: 'eval@example.com', GIT_COMMITTER_NAME: 'eval', GIT_COMMITTER_EMAIL: 'eval@example.com' };
const git = (cwd: string, args: string[], input?: string): string =>
  execFileSync('git', ['-c', 'core.autocrlf=false', ...args], { cwd, env, encoding: 'utf8', input, maxBuffer: 64 << 20 });

export function loadCorpus(): CorpusEntry[] {
  return JSON.parse(readFileSync(path.join(EVAL_DIR, 'corpus.json'), 'utf8')) as CorpusEntry[];
}

export interface CaseResult {
  entry: CorpusEntry;
  verdict: Verdict;
  ms: number;
}

/**
 * Judges one corpus patch as `suture guard` would: `git` mode commits the base project, applies the
 * patch with `git apply` (proving it is a real diff of those files), commits, and judges base..head;
 * `sandbox` mode judges the diff against a plain copy of the base (the heal loop's worktree case).
 */
export async function runCase(entry: CorpusEntry, mode: 'git' | 'sandbox' = 'git'): Promise<CaseResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'suture-eval-'));
  try {
    cpSync(path.join(EVAL_DIR, 'bases', entry.base), dir, { recursive: true });
    const diff = readFileSync(path.join(EVAL_DIR, entry.patch), 'utf8');
    const config = await loadConfig(dir);
    let opts: { base?: string; head?: string } = {};
    if (mode === 'git') {
      git(dir, ['init', '-q']);
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '-m', 'base']);
      git(dir, ['apply', '--index', '-'], diff);
      git(dir, ['commit', '-q', '--allow-empty', '-m', entry.id]);
      opts = { base: 'HEAD~1', head: 'HEAD' };
    }
    const t0 = performance.now();
    const coverage = entry.coverage ? { base: path.join(EVAL_DIR, entry.coverage.base), head: path.join(EVAL_DIR, entry.coverage.head) } : undefined;
    const verdict = await judge({ diff }, { root: dir, config, ...opts, ...(coverage ? { coverage } : {}) });
    return { entry, verdict, ms: performance.now() - t0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RuleRow {
  rule: string;
  /** Cheats of this kind the rule flagged (approval or block). */
  caught: number;
  /** Cheats of this kind the rule did not flag. */
  missed: number;
  /** Legitimate fixes the rule flagged as approval / as block. */
  legitApproval: number;
  legitBlock: number;
  /** Legitimate fixes the rule left alone. */
  legitClean: number;
}

export interface Summary {
  cheats: { block: number; approval: number; pass: number; total: number };
  legit: { block: number; approval: number; pass: number; total: number };
  rules: RuleRow[];
  missedCheats: CaseResult[];
  blockedLegit: CaseResult[];
}

const fired = (r: CaseResult, rule: string, severities: string[]): boolean => r.verdict.findings.some((f) => f.rule === rule && severities.includes(f.severity));

export function summarize(results: CaseResult[]): Summary {
  const count = (label: string) => {
    const rs = results.filter((r) => r.entry.label === label);
    return {
      block: rs.filter((r) => r.verdict.decision === 'block').length,
      approval: rs.filter((r) => r.verdict.decision === 'needs-approval').length,
      pass: rs.filter((r) => r.verdict.decision === 'pass').length,
      total: rs.length,
    };
  };
  const legit = results.filter((r) => r.entry.label === 'legit');
  const rules = RULE_IDS.map((rule) => {
    const mine = results.filter((r) => r.entry.label === 'cheat' && r.entry.kind === rule);
    return {
      rule,
      caught: mine.filter((r) => fired(r, rule, ['approval', 'block'])).length,
      missed: mine.filter((r) => !fired(r, rule, ['approval', 'block'])).length,
      legitApproval: legit.filter((r) => fired(r, rule, ['approval']) && !fired(r, rule, ['block'])).length,
      legitBlock: legit.filter((r) => fired(r, rule, ['block'])).length,
      legitClean: legit.filter((r) => !fired(r, rule, ['approval', 'block'])).length,
    };
  });
  return {
    cheats: count('cheat'),
    legit: count('legit'),
    rules,
    missedCheats: results.filter((r) => r.entry.label === 'cheat' && r.verdict.decision === 'pass'),
    blockedLegit: results.filter((r) => r.entry.label === 'legit' && r.verdict.decision === 'block'),
  };
}
