import pc from 'picocolors';
import type { AttemptRecord } from '../../events/index.js';
import type { ClusterOutcome, HealResult } from '../../heal/types.js';
import type { AttemptProgress, BaselineInfo, ClusterPosition, HealReporter, HealStageId, ReporterContext, RunStartInfo } from '../types.js';
import { LiveLine } from './live-line.js';
import { renderSummary, resolutionColor } from './summary.js';

const PHASE: Record<AttemptProgress['phase'], string> = {
  asking: 'asking for a fix',
  guard: 'guard',
  targeted: 'verifying (failing tests)',
  full: 'verifying (full suite)',
};

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/**
 * Progress on stderr (a live line on a terminal, plain lines otherwise) and the summary table on
 * stdout at the end (left out with --json, where stdout carries the JSON document).
 */
export function terminalReporter(ctx: ReporterContext, opts: { summary?: boolean } = {}): HealReporter {
  const c = pc.createColors(ctx.color);
  const live = ctx.stderr.isTTY ? new LiveLine(ctx.stderr) : undefined;
  const line = (s: string) => (live ? live.print(s) : ctx.stderr.write(`${s}\n`));
  let stageLabel = '';
  let cluster: ClusterPosition | undefined;
  const status = (detail?: string) => live?.set([stageLabel, cluster ? `cluster ${cluster.index}/${cluster.total} ${cluster.id}` : '', detail ?? ''].filter(Boolean).join(' · '));

  return {
    name: 'terminal',
    onRunStart(i: RunStartInfo) {
      live?.start();
      line(c.bold(`suture heal${i.dryRun ? ' (dry run)' : ''}`) + c.dim(` · run ${i.runId} · fixers: ${i.fixers.join(', ') || 'none'} · up to ${i.maxAttempts} attempts per cluster`));
    },
    onStage(_id: HealStageId, label: string) {
      stageLabel = label;
      cluster = undefined;
      if (live) status();
      else line(c.dim(`› ${label}`));
    },
    onBaseline(b: BaselineInfo) {
      const flaky = b.clusters.filter((x) => x.flaky).length;
      line(`baseline: ${b.totals.tests} tests, ${b.failures} failing → ${b.clusters.length} cluster(s)${flaky ? `, ${flaky} flaky` : ''}`);
      for (const p of b.commandProblems) line(c.red(`  ✖ ${p.command} (${p.package}): ${p.problem}`));
    },
    onClusterStart(pos: ClusterPosition) {
      cluster = pos;
      const k = pos.cluster;
      const retry = pos.retry ? c.cyan(' · another round on the new base') : '';
      line(`[${pos.index}/${pos.total}] ${c.bold(pos.id)} ${k.category} · ${k.testIds.length} test(s) · confidence ${k.confidence.toFixed(2)}${k.flaky ? c.magenta(' · flaky') : ''}${retry}`);
      status();
    },
    onProgress(p: AttemptProgress) {
      const detail = `attempt ${p.attempt}/${p.maxAttempts}${p.fixer ? ` · ${p.fixer}` : ''} · ${PHASE[p.phase]}`;
      if (live) status(detail);
      else if (p.phase === 'guard') line(c.dim(`  attempt ${p.attempt}/${p.maxAttempts} · ${p.fixer} · candidate patch, verifying`));
    },
    onAttempt(_pos: ClusterPosition, a: AttemptRecord) {
      const color = a.outcome === 'healed' ? c.green : c.yellow;
      const size = a.patch ? ` (+${a.patch.linesAdded}/-${a.patch.linesRemoved} in ${a.patch.files.length} file(s))` : '';
      line(`  attempt ${a.attempt} · ${a.fixer}${size} → ${color(a.outcome)} · ${secs(a.durationMs)}, ${a.testsRun} test results${a.outcome === 'healed' ? '' : `: ${a.reason}`}`);
    },
    onCluster(_pos: ClusterPosition, o: ClusterOutcome) {
      const mark = o.resolution === 'healed' ? '✔' : o.resolution === 'proposed' ? '●' : o.resolution === 'flaky' ? '~' : '✖';
      line(`  ${resolutionColor(c, o.resolution)(`${mark} ${o.resolution}`)}${o.fixer ? ` by ${o.fixer}` : ''}: ${o.reason}`);
      cluster = undefined;
    },
    onWarning(m: string) {
      line(c.yellow(`warning: ${m}`));
    },
    onRunEnd(r: HealResult) {
      live?.stop();
      if (opts.summary !== false) ctx.stdout.write(renderSummary(r, c, Math.max(80, ctx.stdout.columns ?? 120)));
    },
    close() {
      live?.stop();
    },
  };
}
