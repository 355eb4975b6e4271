import pc from 'picocolors';
import type { TestPlan } from '../../events/index.js';
import { runnerById } from '../registry.js';

/** `suture detect`'s human output: per package, each suite and check with its command and why it was chosen. */
export function formatPlan(plan: TestPlan): string {
  const lines: string[] = [];
  const suites = plan.packages.reduce((n, p) => n + p.suites.length, 0);
  const checks = plan.packages.reduce((n, p) => n + p.checks.length, 0);
  const frameworks = [...new Set(plan.packages.flatMap((p) => p.suites.map((s) => s.runner)))];
  lines.push(`${pc.bold(plan.root)}`);
  lines.push(`${plan.packages.length} package(s), ${suites} test suite(s), ${checks} check(s)${frameworks.length ? `; frameworks: ${frameworks.join(', ')}` : ''}`);
  for (const p of plan.packages) {
    lines.push('');
    lines.push(`${pc.bold(p.dir === '.' ? '. (root)' : p.dir)}${p.name ? pc.dim(`  ${p.name}`) : ''}`);
    for (const s of p.suites) {
      const label = runnerById(s.runner)?.label ?? s.runner;
      lines.push(`  ${pc.green('test ')}  ${label.padEnd(20)} ${s.command}`);
      lines.push(`  ${' '.repeat(7)}${pc.dim(`why: ${s.detectedBy}`)}`);
    }
    for (const c of p.checks) {
      lines.push(`  ${pc.cyan('check')}  ${`${c.id} (${c.kind})`.padEnd(20)} ${c.command}`);
      lines.push(`  ${' '.repeat(7)}${pc.dim(`why: ${c.detectedBy}`)}`);
    }
  }
  if (plan.packages.length === 0) lines.push('', 'Nothing detected: no test framework, build, type check or linter configuration was found.');
  return lines.join('\n') + '\n';
}
