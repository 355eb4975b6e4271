import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding, Patch, Severity, Verdict } from '../events/index.js';
import type { SutureConfig } from '../config/schema.js';
import type { ApprovalRow, Store } from '../store/types.js';
import { JudgeContext } from './context.js';
import { decide } from './decide.js';
import { parseDiff, toPatch, type ChangedFile } from './diff/parse.js';
import { assessRisk } from './risk.js';
import { rules as allRules, type Rule } from './rules/index.js';
import { FileContents, type ContentPlan } from './source/content.js';

export interface JudgeOptions {
  /** Repository root (or the heal sandbox). Relative paths in the policy resolve from here. */
  root: string;
  /** Base revision; with no `head`, the head is the working tree at `root`. */
  base?: string;
  /** Head revision; with no `base`, the base is its first parent. */
  head?: string;
  /** Triage confidence of the diagnosis behind the patch; set for suture's own patches (enables the risk gate). */
  confidence?: number;
  config: SutureConfig;
  /** Where approvals are read from (two-key approval); without it approvals cannot satisfy a finding. */
  store?: Store;
  /** Repository id in the store. */
  repo?: string;
  /** Coverage reports (base/head), overriding `guard.coverage.base/head`. */
  coverage?: { base?: string; head?: string };
  /** Only these rules (ids); default all enabled ones. */
  only?: string[];
}

export type JudgeInput = { diff: string } | { patch: Patch };

function contentPlan(opts: JudgeOptions): { plan: ContentPlan; rootIsHead: boolean | 'detect' } {
  if (opts.head !== undefined) {
    return { plan: { kind: 'sides', base: { kind: 'rev', rev: opts.base ?? `${opts.head}^` }, head: { kind: 'rev', rev: opts.head } }, rootIsHead: false };
  }
  if (opts.base !== undefined) return { plan: { kind: 'sides', base: { kind: 'rev', rev: opts.base }, head: { kind: 'worktree' } }, rootIsHead: true };
  return { plan: { kind: 'sandbox' }, rootIsHead: 'detect' };
}

async function runRule(rule: Rule, ctx: JudgeContext, severity: Severity | undefined): Promise<Finding[]> {
  try {
    const found = await rule.run(ctx);
    return found.map((f) => {
      const out: Finding = { rule: rule.id, severity: severity ?? f.severity ?? rule.severity, message: f.message };
      if (f.file !== undefined) out.file = f.file;
      if (f.line !== undefined) out.line = f.line;
      return out;
    });
  } catch (err) {
    // A rule that crashes must not silently pass the patch: a human looks at it.
    return [{ rule: rule.id, severity: 'approval', message: `rule failed: ${(err as Error).message ?? String(err)}` }];
  }
}

/** In sandbox mode: does the directory hold the patched state? (Then commands run there see the change.) */
async function detectRootIsHead(root: string, contents: FileContents, files: ChangedFile[]): Promise<boolean> {
  const f = files.find((x) => x.status !== 'deleted' && !x.binary && x.added.length > 0);
  if (!f) return false;
  const head = await contents.get('head', f);
  try {
    return (await readFile(path.join(root, f.path), 'utf8')) === head;
  } catch {
    return false;
  }
}

/**
 * Judges a change: runs every enabled rule, scores the risk, counts recorded approvals of this exact
 * patch hash and decides pass / needs-approval / block. The heal loop calls this on every candidate;
 * `suture guard` calls it on any diff.
 */
export async function judge(input: JudgeInput, opts: JudgeOptions): Promise<Verdict> {
  const diff = 'patch' in input ? input.patch.diff : input.diff;
  const files = parseDiff(diff);
  const patch = 'patch' in input ? input.patch : toPatch(diff, files);
  const guard = opts.config.guard;
  const { plan, rootIsHead } = contentPlan(opts);
  const contents = new FileContents(opts.root, files, plan);
  contents.prefetch();
  const coverage = { ...(guard.coverage.base ? { base: guard.coverage.base } : {}), ...(guard.coverage.head ? { head: guard.coverage.head } : {}), ...opts.coverage };
  const headAtRoot = rootIsHead === 'detect' ? await detectRootIsHead(opts.root, contents, files) : rootIsHead;
  const ctx = new JudgeContext(opts.root, guard, files, patch, opts.confidence, contents, coverage, headAtRoot);
  try {
    const enabled = allRules.filter((r) => (guard.rules[r.id]?.enabled ?? true) && (!opts.only || opts.only.includes(r.id)));
    const findings = (await Promise.all(enabled.map((r) => runRule(r, ctx, guard.rules[r.id]?.severity)))).flat();
    const risk = assessRisk({ confidence: opts.confidence, files: files.length, lines: patch.linesAdded + patch.linesRemoved, findings }, guard.risk);
    const needsApprovals = findings.some((f) => f.severity === 'approval') || opts.confidence !== undefined;
    const approvals: ApprovalRow[] = needsApprovals && opts.store ? await opts.store.findApprovals(patch.hash) : [];
    const { decision, findings: final } = decide({
      findings,
      risk: risk.level,
      riskReasons: risk.reasons,
      scored: opts.confidence !== undefined,
      autoApply: guard.risk.auto_apply,
      approvals,
      approvalsRequired: guard.protected.approvals,
    });
    return { decision, risk: risk.level, findings: final, patchHash: patch.hash };
  } finally {
    ctx.dispose();
  }
}
