import pc from 'picocolors';
import type { Cluster } from '../events/index.js';
import type { Trends } from './analyze.js';
import type { Classification } from './classify.js';
import type { Evaluation } from './model/train.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
/** Three decimals, rounded down: 0.9996 shows as 0.999, never as a certainty the data cannot give. */
const conf = (x: number): string => (Math.floor(x * 1000) / 1000).toFixed(3);

/** Clusters in heal order, one block each: what, how sure, how risky, why, what next. */
export function renderClusters(clusters: Cluster[], events: number, color = false): string {
  const c = color ? pc : { bold: (s: string) => s, dim: (s: string) => s, yellow: (s: string) => s, red: (s: string) => s, cyan: (s: string) => s };
  if (clusters.length === 0) return 'No failures to triage.\n';
  const lines: string[] = [`${events} failure${events === 1 ? '' : 's'} in ${clusters.length} cluster${clusters.length === 1 ? '' : 's'} (heal order):`, ''];
  for (const k of clusters) {
    const flags = [k.infrastructure ? c.red('INFRASTRUCTURE') : '', k.flaky ? c.yellow('FLAKY') : ''].filter(Boolean).join(' ');
    lines.push(`${c.bold(`#${k.priority}`)} ${c.cyan(`[${k.stage}]`)} ${c.bold(k.category)}  confidence ${conf(k.confidence)}  risk ${k.risk.toFixed(2)}  ${k.testIds.length} test${k.testIds.length === 1 ? '' : 's'} / ${k.count} event${k.count === 1 ? '' : 's'}${flags ? '  ' + flags : ''}`);
    lines.push(`   ${c.dim(k.fingerprint)}  first ${k.firstSeen}  last ${k.lastSeen}`);
    const r = k.representative;
    const where = r.file ? `${r.file}${r.line ? `:${r.line}` : ''}` : r.kind === 'test' ? r.test_id : r.framework;
    lines.push(`   e.g. ${where}: ${r.message.split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 160) ?? ''}`);
    lines.push(`   cause: ${k.rootCause}`);
    lines.push(`   next:  ${k.suggestedFix}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function renderPrediction(c: Classification): string {
  return [
    `stage:         ${c.stage}`,
    `category:      ${c.category}`,
    `confidence:    ${conf(c.confidence)} (${c.source === 'rule' ? `rule ${c.rule}` : 'model'})`,
    `root cause:    ${c.rootCause}`,
    `suggested fix: ${c.suggestedFix}`,
    '',
  ].join('\n');
}

/** Held-out report: the numbers `triage train` prints and docs/triage.md quotes. */
export function renderEvaluation(e: Evaluation): string {
  const t = e.test;
  const out = [
    `Split by template family: train ${e.split.train} examples (${e.split.templates.train} families), calibration ${e.split.calib} (${e.split.templates.calib}), held-out test ${e.split.test} (${e.split.templates.test}).`,
    '',
    `Held-out accuracy ${pct(t.accuracy)}, macro F1 ${t.macroF1.toFixed(3)}, stage accuracy ${pct(t.stageAccuracy)}, ECE ${t.calibration.ece.toFixed(3)} (10 bins).`,
    `Rules decided ${pct(t.rules.share)} (accuracy ${pct(t.rules.accuracy)}, ECE ${t.rules.ece.toFixed(3)}); the model ${pct(t.model.share)} (accuracy ${pct(t.model.accuracy)}, ECE ${t.model.ece.toFixed(3)}).`,
    '',
    'category                      precision  recall     F1  support',
    ...t.perCategory.map((r) => `${r.label.padEnd(28)} ${r.precision.toFixed(3).padStart(10)} ${r.recall.toFixed(3).padStart(7)} ${r.f1.toFixed(3).padStart(6)} ${String(r.support).padStart(8)}`),
    '',
    'reliability (confidence bin: count, mean confidence, accuracy)',
    ...t.calibration.bins.filter((b) => b.count > 0).map((b) => `  ${b.from.toFixed(1)}-${b.to.toFixed(1)}: ${String(b.count).padStart(5)}  ${b.meanConfidence.toFixed(3)}  ${b.accuracy.toFixed(3)}`),
    '',
  ];
  return out.join('\n');
}

export function renderTrends(t: Trends): string {
  if (t.events === 0) return 'No failures in the window.\n';
  const out = [
    `${t.events} failures in ${t.runs} runs (${t.tests} tests), ${t.window.from?.slice(0, 10)} to ${t.window.to?.slice(0, 10)}; ${pct(t.flakyShare)} flaky.`,
    '',
    'Top categories:',
    ...t.topCategories.map((c) => `  ${c.category.padEnd(28)} ${String(c.count).padStart(6)}  ${pct(c.share).padStart(6)}  in ${c.runs} runs${c.change === null ? '' : `  ${c.change >= 0 ? '+' : ''}${(c.change * 100).toFixed(0)}% vs previous week`}`),
    '',
    t.recurring.length ? 'Recurring root causes (seen in 2+ runs):' : 'No root cause recurred across runs.',
    ...t.recurring.map((r) => `  ${r.fingerprint}  ${r.category.padEnd(26)} ${r.runs} runs, ${r.occurrences} failures, ${r.firstSeen.slice(0, 10)}..${r.lastSeen.slice(0, 10)}`),
  ];
  if (t.flakiestTests.length) out.push('', 'Flakiest tests:', ...t.flakiestTests.map((f) => `  ${f.testId}  ${f.flaky} flaky of ${f.failures} failures`));
  return out.join('\n') + '\n';
}
