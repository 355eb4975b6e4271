import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { FIXTURES } from './run-fixtures.js';
import path from 'node:path';

describe('suture detect', { timeout: 180_000 }, () => {
  const mono = path.join(FIXTURES, 'monorepo');

  it('prints every package with its frameworks, commands and why', async () => {
    const r = await runCli(['detect', mono]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 package(s), 6 test suite(s), 5 check(s)');
    for (const line of [
      /packages\/web\s+@fixture\/web\n\s+test\s+Vitest\s+vitest run\n\s+why: package.json scripts.test runs "vitest run"/,
      /packages\/api\s+@fixture\/api\n\s+test\s+Jest\s+jest\n/,
      /services\/pricing\s+example.com\/pricing\n\s+test\s+go test\s+go test \.\/\.\.\.\n\s+why: go.mod present \(module example.com\/pricing\)/,
      /tools\/report\s+fixture-report\n\s+test\s+pytest\s+python3 -m pytest\n\s+why: pyproject.toml \[tool.pytest.ini_options\]/,
      /crates\/core\s+fixture-core\n\s+test\s+cargo test\s+cargo test --no-fail-fast/,
      /infra\n\s+test\s+terraform validate\s+terraform validate -json/,
      /check\s+tsc \(typecheck\)\s+tsc --noEmit -p tsconfig.json/,
      /check\s+go-vet \(lint\)\s+go vet \.\/\.\.\./,
    ]) {
      expect(r.stdout).toMatch(line);
    }
  });

  it('prints the plan as JSON with --json', async () => {
    const r = await runCli(['detect', mono, '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.root).toBe(mono);
    expect(plan.packages.map((p: { dir: string }) => p.dir)).toEqual(['crates/core', 'infra', 'packages/api', 'packages/web', 'services/pricing', 'tools/report']);
  });

  it('exits 4 with a one-line error for a path that is not a directory', async () => {
    const r = await runCli(['detect', path.join(mono, 'package.json')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/\[E_NOT_A_DIRECTORY\] .*package.json is not a directory/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
