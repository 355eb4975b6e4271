import ts from 'typescript';
import type { Syntax } from '../context.js';
import { calleeName, rowOf, walkTs } from '../syntax/ts.js';
import { norm } from '../testmodel/model.js';
import type { Rule, RuleFinding } from './types.js';

/** Jest/Vitest __snapshots__ and .snap, syrupy .ambr, insta .snap/.snap.new, Go golden files, ApprovalTests. */
export const SNAPSHOT_FILE = /(^|\/)(__snapshots__|__image_snapshots__)\/|\.snap(\.new)?$|\.ambr$|\.golden$|\.approved\.\w+$|(^|\/)__snapshot__\//;

/** Flags that regenerate snapshots instead of checking them, in scripts and CI. */
const UPDATE_FLAGS = /(^|\s)(--updateSnapshot|--update-snapshots?|--snapshot-update|--force-update)(\s|$|["'=])|\bgo test\b.*\s-update(=true)?\b|\bINSTA_UPDATE=(always|unseen|new)\b|\bUPDATE_SNAPSHOTS?=(1|true)\b|\bUPDATE_GOLDEN(_FILES)?=(1|true)\b|\bSNAPSHOT_UPDATE=(1|true)\b/;
const SCRIPT_FILE = /(^|\/)(package\.json|Makefile|justfile|Taskfile\.ya?ml|tox\.ini|noxfile\.py|\.gitlab-ci\.yml|Jenkinsfile|azure-pipelines\.yml|\.travis\.yml|bitbucket-pipelines\.yml)$|(^|\/)\.github\/workflows\/|(^|\/)\.circleci\/|\.sh$/;

const INLINE = /^(toMatchInlineSnapshot|toThrowErrorMatchingInlineSnapshot)$/;

function inlineSnapshots(syn: Syntax & { kind: 'js' }): Map<string, { text: string; line: number }> {
  const out = new Map<string, { text: string; line: number }>();
  walkTs(syn.sf, (n) => {
    if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || !INLINE.test(n.expression.name.text)) return;
    const subject = norm(n.expression.expression.getText(syn.sf));
    const enclosing = calleeName(n.expression.expression) ?? '';
    out.set(`${enclosing}\0${subject}`, { text: norm(n.arguments.map((a) => a.getText(syn.sf)).join(',')), line: syn.line(rowOf(syn.sf, n)) });
  });
  return out;
}

/** Snapshots rewritten to match the new output, in files or inline, or update flags added to scripts. */
export const snapshotRewrites: Rule = {
  id: 'snapshot-rewrites',
  description: 'The patch rewrites or deletes recorded snapshots (__snapshots__, .snap, .ambr, golden files, inline snapshots) or adds an update-snapshots flag',
  severity: 'block',
  async run(ctx) {
    const out: RuleFinding[] = [];
    for (const f of ctx.files) {
      if (SNAPSHOT_FILE.test(f.path) || (f.oldPath !== undefined && SNAPSHOT_FILE.test(f.oldPath))) {
        if (f.status === 'added') continue; // a new test's first snapshot
        out.push({ message: `snapshot file ${f.status === 'deleted' ? 'deleted' : 'rewritten'} (${f.removed.length} lines removed, ${f.added.length} added)`, file: f.path, line: f.added[0]?.line ?? f.removed[0]?.line });
        continue;
      }
      if (SCRIPT_FILE.test(f.path)) {
        for (const l of f.added) {
          const flag = UPDATE_FLAGS.test(l.text) || (/(^|\s)-u(\s|$|["'])/.test(l.text) && /\b(jest|vitest|ava|snapshot|(npm|yarn|pnpm)( run)? test)\b/.test(l.text));
          if (flag && !f.removed.some((r) => norm(r.text) === norm(l.text))) out.push({ message: `snapshot update flag added: \`${l.text.trim().slice(0, 80)}\``, file: f.path, line: l.line });
        }
        continue;
      }
      if (!ctx.isTestFile(f.path) || f.status === 'added' || f.status === 'deleted' || !/\.[cm]?[jt]sx?$/.test(f.path)) continue;
      // The changed lines may be inside the snapshot's template literal, so look at the whole file.
      if (!(await ctx.source('head', f))?.text.includes('InlineSnapshot')) continue;
      const [base, head] = [await ctx.syntax('base', f), await ctx.syntax('head', f)];
      if (base?.kind !== 'js' || head?.kind !== 'js') continue;
      const before = inlineSnapshots(base);
      for (const [key, snap] of inlineSnapshots(head)) {
        const old = before.get(key);
        if (old && old.text !== snap.text) out.push({ message: 'inline snapshot rewritten to match the new output', file: f.path, line: snap.line });
      }
    }
    return out;
  },
};
