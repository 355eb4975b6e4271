import type { Rule, RuleFinding } from './types.js';

/** CI, security code, manifests and the policy itself need a second key, whoever wrote the patch. */
export const protectedPaths: Rule = {
  id: 'protected-paths',
  description: 'The patch touches a protected path (CI, security code, manifests, lockfiles, suture.yml)',
  severity: 'approval',
  async run(ctx) {
    const out: RuleFinding[] = [];
    for (const f of ctx.files) {
      for (const p of f.oldPath !== undefined ? [f.oldPath, f.path] : [f.path]) {
        if (!ctx.isProtected(p)) continue;
        out.push({ message: `${p} is protected (${f.status}): needs ${ctx.config.protected.approvals} recorded approval(s) of this patch hash`, file: p, line: f.added[0]?.line ?? f.removed[0]?.line });
        break;
      }
    }
    return out;
  },
};
