/**
 * Writes test/fixtures/logs/: whole CI job logs (GitHub Actions, GitLab CI, Travis CI) around real tool
 * outputs from the data set, one per tool family, plus a manifest with what the extractor and the
 * classifier must say about each. Re-run after regenerating the data set:
 *   npx tsx scripts/eval/make-fixture-logs.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExamples } from '../../src/triage/dataset.js';
import { wrapLog, type Style } from './ci-log-wrap.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'test/fixtures/logs');

// One example per template, chosen for spread over tools, languages and categories.
const PICK: Array<[string, Style, boolean?]> = [
  ['ts-property-missing', 'github'],
  ['ts-module-package', 'gitlab'],
  ['eslint-no-undef', 'travis'],
  ['npm-e404', 'github'],
  ['npm-eresolve', 'gitlab'],
  ['js-assert-jest', 'github', true],
  ['vitest-snapshot-file', 'gitlab'],
  ['js-timeout-mocha', 'travis'],
  ['js-reference-error-node-test', 'github'],
  ['py-assert-pytest', 'github'],
  ['py-dependency-missing-pytest', 'gitlab'],
  ['py-indent-compile', 'travis'],
  ['py-env-keyerror', 'github'],
  ['pip-no-version', 'gitlab'],
  ['go-undefined', 'github'],
  ['go-test-assert', 'gitlab'],
  ['go-test-panic', 'travis'],
  ['rust-mismatched', 'github'],
  ['cargo-test-assert', 'gitlab'],
  ['javac-incompatible', 'travis'],
  ['java-oom', 'github'],
  ['gcc-undeclared', 'gitlab'],
  ['sh-command-not-found-dependency-install', 'github'],
  ['git-clone-auth', 'gitlab'],
  ['docker-no-daemon', 'travis'],
  ['jest-coverage-threshold-global', 'github'],
];

async function main(): Promise<void> {
  const examples = await loadExamples(path.join(ROOT, 'data/triage/examples.jsonl'));
  await mkdir(OUT, { recursive: true });
  const manifest: Array<Record<string, unknown>> = [];
  for (const [template, style, interleave] of PICK) {
    const e = examples.find((x) => x.template === template && x.cause);
    if (!e) {
      process.stderr.write(`no example for ${template}\n`);
      continue;
    }
    const name = `${template}.${style}${interleave ? '.interleaved' : ''}.log`;
    await writeFile(path.join(OUT, name), wrapLog(e, style, { interleave: interleave ?? false }));
    manifest.push({ file: name, example: e.id, command: e.command, tool: e.tool, stage: e.stage, category: e.category, cause: e.cause });
  }
  await writeFile(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  process.stderr.write(`${manifest.length} logs in ${path.relative(ROOT, OUT)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
