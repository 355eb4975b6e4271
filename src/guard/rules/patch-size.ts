import type { Rule } from './types.js';

/** Big patches are where cheats hide and reviews fail: over the policy's limits a human decides. */
export const patchSize: Rule = {
  id: 'patch-size',
  description: 'The patch changes more files or lines than the policy allows without review',
  severity: 'approval',
  async run(ctx) {
    const { max_files, max_lines } = ctx.config.limits;
    const files = ctx.files.length;
    const lines = ctx.patch.linesAdded + ctx.patch.linesRemoved;
    const out = [];
    if (files > max_files) out.push({ message: `the patch changes ${files} files (limit ${max_files})` });
    if (lines > max_lines) out.push({ message: `the patch changes ${lines} lines (+${ctx.patch.linesAdded} -${ctx.patch.linesRemoved}; limit ${max_lines})` });
    return out;
  },
};
