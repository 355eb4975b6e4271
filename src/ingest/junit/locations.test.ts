import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '../xml/collect.js';
import { junitParser } from './parser.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/reports/', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suture-junit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('placing tests the report names by package or class', () => {
  it('go: package import paths become directories through go.mod; the last in-repository line wins', async () => {
    const root = '/work/main/test/fixtures/reports/go/project'; // where the go test output was made
    const { results } = await collect(junitParser, path.join(FIXTURES, 'xml-edge/go-junit-report.xml'), root);
    const failing = results.filter((r) => r.status !== 'passed' && r.status !== 'skipped');
    expect(failing.map((r) => [r.test_id, r.file, r.line, r.repro_cmd])).toEqual([
      ['example.com/calc/broken::[build failed]', 'broken/broken_test.go', 6, undefined],
      ['example.com/calc/calc::TestSubtract', 'calc/calc_test.go', 14, "go test ./calc -run '^TestSubtract$'"],
      ['example.com/calc/calc::TestDivide/by_zero', 'calc/calc_test.go', 26, "go test ./calc -run '^TestDivide$/^by_zero$'"],
      ['example.com/calc/crash::TestStoreNil', 'crash/crash_test.go', 11, "go test ./crash -run '^TestStoreNil$'"],
    ]);
    expect(failing[3]!.message).toBe('panic: assignment to entry in nil map [recovered]\n\tpanic: assignment to entry in nil map');
    // Without go.mod the import path is the package to test.
    const bare = await collect(junitParser, path.join(FIXTURES, 'xml-edge/go-junit-report.xml'), tmp);
    expect(bare.results.find((r) => r.name === 'TestSubtract')).toMatchObject({ repro_cmd: "go test example.com/calc/calc -run '^TestSubtract$'" });
    expect(bare.results.find((r) => r.name === 'TestSubtract')!.file).toBeUndefined();
  });

  it('Java: a class is looked up under the usual source roots, its line taken from its own frame', async () => {
    const src = path.join(tmp, 'java', 'src/test/java/com/acme');
    fs.mkdirSync(src, { recursive: true });
    fs.writeFileSync(path.join(src, 'RetryTest.java'), 'class RetryTest {}\n');
    const { results } = await collect(junitParser, path.join(FIXTURES, 'xml-edge/checklist/07-surefire-reruns.xml'), path.join(tmp, 'java'));
    expect(results.find((r) => r.name === 'failsEveryTime')).toMatchObject({ file: 'src/test/java/com/acme/RetryTest.java', line: 40 });
  });

  it('a workspace package: paths are made repository-relative, commands run from the package', async () => {
    const repo = '/work/main/test/fixtures/reports/vitest';
    const { results } = await collect(junitParser, path.join(FIXTURES, 'vitest/junit.xml'), repo, { package: 'project' });
    const r = results.find((x) => x.name === 'divides by zero')!;
    // The id is repository-relative too (the same test is that test whichever directory the runner started in).
    expect(r).toMatchObject({ package: 'project', file: 'project/test/calc.test.js', line: 16, test_id: 'project/test/calc.test.js::calc > divides by zero' });
    expect(r.repro_cmd).toBe("npx vitest run test/calc.test.js -t '^calc divides by zero$'");
  });
});
