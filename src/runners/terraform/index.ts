import { readFileSync } from 'node:fs';
import type { PlannedSuite } from '../../events/index.js';
import type { PackageInfo } from '../detect/package-info.js';
import { resolveOnPath } from '../exec/bin.js';
import { displayCommand } from '../exec/display.js';
import type { Runner, SuiteContext } from '../types.js';
import { parseValidateJson } from './parse.js';

function detect(pkg: PackageInfo): PlannedSuite | null {
  if (pkg.has('terragrunt.hcl')) return { runner: 'terraform', detectedBy: 'terragrunt.hcl present', command: 'terragrunt validate -json', options: { tool: 'terragrunt' } };
  const tf = [...pkg.entries].filter((e) => e.endsWith('.tf')).sort();
  if (!tf.length) return null;
  return { runner: 'terraform', detectedBy: `${tf.length} .tf file(s) (${tf.slice(0, 3).join(', ')}${tf.length > 3 ? ', ...' : ''})`, command: 'terraform validate -json', options: { tool: 'terraform' } };
}

const tool = (ctx: SuiteContext) => (ctx.suite.options?.tool === 'terragrunt' ? 'terragrunt' : 'terraform');
const argv = (ctx: SuiteContext) => [resolveOnPath(tool(ctx)) ?? tool(ctx), 'validate', '-json', '-no-color'];

/**
 * terraform/terragrunt validate: configuration errors as build results. Validation is deterministic,
 * so there is no targeted or flaky re-run; the whole directory is validated again.
 */
export const terraform: Runner = {
  id: 'terraform',
  label: 'terraform validate',
  resultKind: 'build',
  detect,
  fullRun: (ctx) => ({
    argv: argv(ctx),
    cwd: ctx.pkgAbs,
    env: { TF_IN_AUTOMATION: '1', TF_INPUT: '0' },
    reports: [],
    stdoutReport: { format: 'terraform-validate-json' },
    tool: tool(ctx),
    installHint: 'https://developer.hashicorp.com/terraform/install',
  }),
  async *readResults(ctx, _inv, run) {
    if (!run.stdoutPath) return;
    const text = readFileSync(run.stdoutPath, 'utf8');
    if (text.trim() === '') return;
    yield* parseValidateJson(text, { root: ctx.root, pkgDir: ctx.pkgDir, displayName: run.stdoutPath });
  },
  reproCommand: (ctx) => displayCommand([resolveOnPath(tool(ctx)) ?? tool(ctx), 'validate'], ctx.pkgAbs, ctx.root),
};
