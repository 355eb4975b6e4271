import path from 'node:path';
import { diffOpenApi, type ApiChange } from '../openapi/diff.js';
import { generateSpec } from '../openapi/generate.js';
import { loadOpenApi } from '../openapi/load.js';
import type { Rule, RuleFinding } from './types.js';

const SPEC_LIKE = /\.(ya?ml|json)$/;

function summarize(changes: ApiChange[], prefix: string, file: string): RuleFinding[] {
  return changes.map((c) => {
    const f: RuleFinding = { message: `${prefix}${c.breaking ? 'breaking' : 'non-breaking'} API change: ${c.where}: ${c.message}`, file };
    if (!c.breaking) f.severity = 'info';
    return f;
  });
}

/**
 * API drift: the committed OpenAPI spec at base vs head, classified breaking or not; and, when a
 * generator is configured, the spec the code generates vs the committed one (a stale spec).
 */
export const openapiDrift: Rule = {
  id: 'openapi-drift',
  description: 'The OpenAPI spec changed in a breaking way (removed path/operation/response property, new required parameter, type change, enum narrowed), or the generated spec differs from the committed one',
  severity: 'approval',
  async run(ctx) {
    const { spec, generate } = ctx.config.openapi;
    if (!spec) return [];
    const out: RuleFinding[] = [];
    if (ctx.files.some((f) => f.path === spec || f.oldPath === spec || SPEC_LIKE.test(f.path))) {
      const [a, b] = await Promise.all([loadOpenApi(spec, (p) => ctx.readPath('base', p)), loadOpenApi(spec, (p) => ctx.readPath('head', p))]);
      if (a && !b) out.push({ message: `the OpenAPI spec ${spec} was deleted`, file: spec });
      else if (a && b) out.push(...summarize(diffOpenApi(a, b), '', spec));
    }
    if (generate && ctx.rootIsHead) {
      const text = await generateSpec(ctx.root, generate.command, generate.output, generate.timeout_seconds);
      // Named beside the committed spec so its relative $refs resolve the same way.
      const generatedPath = path.posix.join(path.posix.dirname(spec), `.suture-generated-${path.posix.basename(spec)}`);
      const committed = await loadOpenApi(spec, (p) => ctx.readPath('head', p));
      const generated = await loadOpenApi(generatedPath, async (p) => (p === generatedPath ? text : ctx.readPath('head', p)));
      if (committed && generated) {
        const drift = diffOpenApi(committed, generated);
        if (drift.length > 0) {
          const breaking = drift.filter((c) => c.breaking).length;
          out.push({
            message: `the committed spec ${spec} differs from the generated one (\`${generate.command}\`): ${drift.length} change(s), ${breaking} breaking; first: ${drift[0]!.where}: ${drift[0]!.message}`,
            file: spec,
            severity: breaking > 0 ? 'block' : 'approval',
          });
        }
      }
    }
    return out;
  },
};
