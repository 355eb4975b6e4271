// `npm run eval:heal`: every scenario under eval/heal/ healed end to end by `suture heal --apply`
// through the real runners, triage, guard and fixers, then judged by its hidden check.
//   --only a,b         run these scenarios
//   --provider <name>  model-backed fixing after the deterministic fixers, as `suture heal --provider`:
//                      anthropic, openai, a name from llm.providers, or agent (with --agent-command);
//                      or a path to a module exporting a Fixer (`fixer` or default), e.g. a local stub
//   --agent-command <cmd>  the coding-agent command for --provider agent
//   --json <file>      write the per-scenario results and the summary as JSON
//   --validate         check the scenarios themselves (broken state fails the hidden check; solution/ passes it)
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { SutureConfig } from '../../src/config/schema.js';
import { applyProviderFlags } from '../../src/fixers/llm/cli.js';
import type { Fixer } from '../../src/fixers/types.js';
import { defaultHealDeps } from '../../src/heal/deps.js';
import { runScenario, validateScenario, type ScenarioResult } from '../../eval/heal/_harness/run-scenario.js';
import { loadScenarios } from '../../eval/heal/_harness/scenario.js';
import { HEADER, renderRow, renderSummary, summarize } from '../../eval/heal/_harness/summary.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function loadFixerModule(spec: string): Promise<Fixer> {
  const file = path.resolve(spec);
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const fixer = (mod.fixer ?? mod.default ?? Object.values(mod).find((v) => typeof v === 'object' && v !== null && 'propose' in v)) as Fixer | undefined;
  if (!fixer?.propose) throw new Error(`${file} exports no Fixer`);
  return fixer;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, provider: { type: 'string' }, 'agent-command': { type: 'string' }, json: { type: 'string' }, validate: { type: 'boolean' } },
  });
  const scenarios = await loadScenarios(path.join(ROOT, 'eval', 'heal'), values.only?.split(','));
  if (values.validate) {
    let bad = 0;
    for (const s of scenarios) {
      const v = await validateScenario(s, ROOT);
      const problem = (s.category !== 'flaky' && !v.brokenFailsHidden) || v.solutionPassesHidden === false;
      if (problem) bad++;
      process.stdout.write(`${problem ? '✖' : '✔'} ${s.name.padEnd(30)} broken fails hidden: ${v.brokenFailsHidden}  solution passes hidden: ${v.solutionPassesHidden ?? '-'}\n`);
    }
    return bad > 0 ? 1 : 0;
  }
  const deps = defaultHealDeps();
  const providerIsModule = !!values.provider && /[/\\]|\.[cm]?[jt]s$/.test(values.provider);
  const extra = providerIsModule ? [await loadFixerModule(values.provider!)] : [];
  const configure = values.provider && !providerIsModule ? (config: SutureConfig) => applyProviderFlags(config, values.provider, values['agent-command']) : undefined;
  process.stdout.write(`suture heal eval: ${scenarios.length} scenarios · fixers: ${[...deps.fixers, ...extra].map((f) => f.id).join(', ')}\n\n${HEADER}\n`);
  const results: ScenarioResult[] = [];
  for (const s of scenarios) {
    const r = await runScenario(s, ROOT, deps, extra, configure);
    results.push(r);
    process.stdout.write(`${renderRow(r)}\n`);
  }
  const summary = summarize(results);
  process.stdout.write(`\n${renderSummary(summary)}\n`);
  if (values.json) await writeFile(values.json, `${JSON.stringify({ summary, results }, null, 2)}\n`);
  return summary.meetsTargets ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`eval:heal failed: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 70;
  },
);
