import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

const workflow = `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm test
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: npm run lint
`;
const W = '.github/workflows/ci.yml';

describe('ci-lenient', () => {
  it('blocks || true and continue-on-error', async () => {
    const a = await ruleFindings('ci-lenient', { [W]: workflow }, { [W]: workflow.replace('run: npm test', 'run: npm test || true') });
    expect(a).toEqual([expect.objectContaining({ severity: 'block', line: 9, message: 'CI made lenient: `|| true` (failures ignored)' })]);
    const b = await ruleFindings('ci-lenient', { [W]: workflow }, { [W]: workflow.replace('  test:\n    runs-on: ubuntu-latest\n', '  test:\n    runs-on: ubuntu-latest\n    continue-on-error: true\n') });
    expect(b[0]!.message).toBe('CI made lenient: `continue-on-error: true`');
  });

  it('blocks a removed job and asks about removed steps', async () => {
    const job = await ruleFindings('ci-lenient', { [W]: workflow }, { [W]: workflow.replace(/  lint:[\s\S]*$/, '') });
    expect(job).toEqual([expect.objectContaining({ severity: 'block', message: "CI job 'lint' removed" })]);
    const step = await ruleFindings('ci-lenient', { [W]: workflow }, { [W]: workflow.replace('      - run: npm ci\n', '') });
    expect(step).toEqual([expect.objectContaining({ severity: 'approval', message: "CI job 'test' has fewer steps (3 → 2)" })]);
  });

  it('blocks GitLab allow_failure and a disabled job', async () => {
    const gl = 'test:\n  script:\n    - pytest\n';
    expect((await ruleFindings('ci-lenient', { '.gitlab-ci.yml': gl }, { '.gitlab-ci.yml': `${gl}  allow_failure: true\n` }))[0]!.message).toBe('CI made lenient: `allow_failure: true`');
  });

  it('blocks lowered coverage thresholds in config files', async () => {
    const jest = 'module.exports = {\n  coverageThreshold: { global: { lines: 90, branches: 80 } },\n};\n';
    const j = await ruleFindings('ci-lenient', { 'jest.config.js': jest }, { 'jest.config.js': jest.replace('lines: 90', 'lines: 60') });
    expect(j).toEqual([expect.objectContaining({ message: 'coverage lines lowered 90 → 60' })]);
    const toml = '[tool.coverage.report]\nfail_under = 85\n';
    expect((await ruleFindings('ci-lenient', { 'pyproject.toml': toml }, { 'pyproject.toml': '[tool.coverage.report]\n' }))[0]!.message).toBe('coverage fail_under threshold removed (85)');
    const flag = await ruleFindings('ci-lenient', { [W]: workflow }, { [W]: workflow.replace('run: npm test', 'run: pytest --cov --cov-fail-under=70') });
    expect(flag).toEqual([]);
    const base = workflow.replace('run: npm test', 'run: pytest --cov --cov-fail-under=90');
    const lowered = await ruleFindings('ci-lenient', { [W]: base }, { [W]: base.replace('=90', '=70') });
    expect(lowered[0]!.message).toBe('coverage cov-fail-under lowered 90 → 70');
  });

  it('blocks a test script that no longer tests', async () => {
    const pkg = '{\n  "scripts": {\n    "test": "vitest run"\n  }\n}\n';
    const f = await ruleFindings('ci-lenient', { 'package.json': pkg }, { 'package.json': pkg.replace('vitest run', 'echo ok') });
    expect(f.map((x) => x.message)).toEqual(["package.json script 'test' no longer runs anything ('echo ok')"]);
  });

  it('passes a raised threshold and an added step', async () => {
    const jest = 'module.exports = { coverageThreshold: { global: { lines: 80 } } };\n';
    expect(await ruleFindings('ci-lenient', { 'jest.config.js': jest }, { 'jest.config.js': jest.replace('80', '85') })).toEqual([]);
    expect(await ruleFindings('ci-lenient', { [W]: workflow }, { [W]: workflow.replace('      - run: npm test\n', '      - run: npm test\n      - run: npm run build\n') })).toEqual([]);
  });
});
