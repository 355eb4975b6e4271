// `npm run bench:guard`: judges one 10,000-file diff (TS/JS sources and tests, Python, Go, config) and
// prints how long it took. Target: under 2 s for the judge itself. Two modes: `sandbox` (the diff against
// a directory holding the base, the heal loop's case) and `git` (base and head revisions read with one
// `git cat-file --batch` each, the `suture guard --base --head` case). Setup (writing files, committing)
// is not timed. Flags: --files N (default 10000), --runs N (default 3).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configSchema } from '../../src/config/schema.js';
import { judge } from '../../src/guard/index.js';
import { parseDiff } from '../../src/guard/diff/parse.js';

const argv = process.argv.slice(2);
const flag = (name: string, dflt: number): number => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const FILES = flag('--files', 10_000);
const RUNS = flag('--runs', 3);

type Gen = (i: number) => { path: string; base: string; head: string };

const tsSource: Gen = (i) => {
  const base = `import { helper${i % 50} } from './helpers/h${i % 50}.js';\n\nexport interface Item${i} {\n  id: string;\n  qty: number;\n}\n\nexport function total${i}(items: Item${i}[]): number {\n  let sum = 0;\n  for (const it of items) sum += it.qty * ${i % 97 + 1};\n  return sum;\n}\n\nexport async function load${i}(url: string): Promise<Item${i}[]> {\n  try {\n    const res = await fetch(url);\n    return (await res.json()) as Item${i}[];\n  } catch (err) {\n    throw new Error(\`load ${i}: \${(err as Error).message}\`);\n  }\n}\n\nexport const name${i} = helper${i % 50}('module-${i}');\n`;
  return { path: `packages/p${i % 40}/src/mod${i}.ts`, base, head: base.replace(`sum += it.qty * ${i % 97 + 1};`, `sum += Math.max(0, it.qty) * ${i % 97 + 1};`) };
};
const tsTest: Gen = (i) => {
  const base = `import { describe, expect, it } from 'vitest';\nimport { total${i} } from '../src/mod${i}.js';\n\ndescribe('total${i}', () => {\n  it('sums', () => {\n    expect(total${i}([{ id: 'a', qty: 2 }])).toBe(${2 * (i % 97 + 1)});\n  });\n  it('is zero for no items', () => {\n    expect(total${i}([])).toBe(0);\n  });\n  it('ignores negative quantities', () => {\n    expect(total${i}([{ id: 'b', qty: -1 }])).toBeGreaterThanOrEqual(0);\n  });\n});\n`;
  return { path: `packages/p${i % 40}/test/mod${i}.test.ts`, base, head: base.replace("it('sums'", "it('sums one item'") };
};
const pySource: Gen = (i) => {
  const base = `"""Module ${i}."""\n\nimport json\n\n\ndef load_${i}(path):\n    try:\n        with open(path) as fh:\n            return json.load(fh)\n    except FileNotFoundError:\n        raise LookupError(path) from None\n\n\ndef total_${i}(items):\n    return sum(x["qty"] * ${i % 13 + 1} for x in items)\n`;
  return { path: `py/pkg${i % 30}/mod_${i}.py`, base, head: base.replace(`x["qty"] * ${i % 13 + 1}`, `max(0, x["qty"]) * ${i % 13 + 1}`) };
};
const pyTest: Gen = (i) => {
  const base = `import pytest\n\nfrom pkg${i % 30}.mod_${i} import total_${i}\n\n\ndef test_total():\n    assert total_${i}([{"qty": 1}]) == ${i % 13 + 1}\n\n\n@pytest.mark.parametrize("qty", [0, 1, 2])\ndef test_non_negative(qty):\n    assert total_${i}([{"qty": qty}]) >= 0\n`;
  return { path: `py/tests/test_mod_${i}.py`, base, head: base.replace('def test_total():', 'def test_total_one():') };
};
const goSource: Gen = (i) => {
  const base = `package p${i % 20}\n\nimport (\n\t"encoding/json"\n\t"fmt"\n\t"os"\n)\n\n// Load${i} reads items.\nfunc Load${i}(path string) ([]int, error) {\n\tdata, err := os.ReadFile(path)\n\tif err != nil {\n\t\treturn nil, fmt.Errorf("load ${i}: %w", err)\n\t}\n\tvar out []int\n\tif err := json.Unmarshal(data, &out); err != nil {\n\t\treturn nil, err\n\t}\n\treturn out, nil\n}\n\n// Total${i} sums.\nfunc Total${i}(xs []int) int {\n\ts := 0\n\tfor _, x := range xs {\n\t\ts += x * ${i % 7 + 1}\n\t}\n\treturn s\n}\n`;
  return { path: `go/p${i % 20}/mod${i}.go`, base, head: base.replace(`s += x * ${i % 7 + 1}`, `if x > 0 {\n\t\t\ts += x * ${i % 7 + 1}\n\t\t}`) };
};
const goTest: Gen = (i) => {
  const base = `package p${i % 20}\n\nimport "testing"\n\nfunc TestTotal${i}(t *testing.T) {\n\tcases := []struct{ in []int; want int }{\n\t\t{[]int{1}, ${i % 7 + 1}},\n\t\t{nil, 0},\n\t}\n\tfor _, c := range cases {\n\t\tif got := Total${i}(c.in); got != c.want {\n\t\t\tt.Errorf("Total${i} = %d, want %d", got, c.want)\n\t\t}\n\t}\n}\n`;
  return { path: `go/p${i % 20}/mod${i}_test.go`, base, head: base.replace('\t\t{nil, 0},', '\t\t{nil, 0},\n\t\t{[]int{-1}, 0},') };
};
const docs: Gen = (i) => ({ path: `docs/page${i}.md`, base: `# Page ${i}\n\nSome text.\n`, head: `# Page ${i}\n\nSome better text.\n` });

/** The mix of a large monorepo change: mostly sources, a fifth tests, some docs. */
const MIX: Array<[Gen, number]> = [[tsSource, 40], [tsTest, 15], [pySource, 12], [pyTest, 5], [goSource, 12], [goTest, 6], [docs, 10]];

function generate(n: number): Array<{ path: string; base: string; head: string }> {
  const out = [];
  const total = MIX.reduce((a, [, w]) => a + w, 0);
  let i = 0;
  for (const [gen, w] of MIX) {
    const count = Math.round((n * w) / total);
    for (let k = 0; k < count && out.length < n; k++) out.push(gen(i++));
  }
  while (out.length < n) out.push(docs(i++));
  return out;
}

function write(dir: string, files: Array<{ path: string; text: string }>): void {
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
}

const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@example.com' };
const git = (cwd: string, args: string[]): string => execFileSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });

const files = generate(FILES);
const dir = mkdtempSync(path.join(os.tmpdir(), 'suture-bench-guard-'));
const config = configSchema.parse({});
try {
  write(dir, files.map((f) => ({ path: f.path, text: f.base })));
  git(dir, ['init', '-q']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'base']);
  write(dir, files.map((f) => ({ path: f.path, text: f.head })));
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'head']);
  const diff = git(dir, ['diff', '--no-color', '--find-renames', 'HEAD~1', 'HEAD']);
  // Sandbox mode reads the base from the directory: put the base back on disk.
  const sandbox = mkdtempSync(path.join(os.tmpdir(), 'suture-bench-guard-sb-'));
  write(sandbox, files.map((f) => ({ path: f.path, text: f.base })));

  parseDiff(diff); // warm up
  const t0 = performance.now();
  const parsed = parseDiff(diff);
  const parseMs = performance.now() - t0;
  console.log(`guard benchmark: ${parsed.length} files changed, diff ${(diff.length / 1e6).toFixed(1)} MB, +${parsed.reduce((a, f) => a + f.added.length, 0)} -${parsed.reduce((a, f) => a + f.removed.length, 0)} lines`);
  console.log(`node ${process.version}, ${os.cpus().length} cpus (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`diff parse alone: ${parseMs.toFixed(0)} ms`);
  for (const mode of ['sandbox', 'git'] as const) {
    const times: number[] = [];
    const cpu: number[] = [];
    let decision = '';
    let findings = 0;
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      const c = process.cpuUsage();
      const v = mode === 'git' ? await judge({ diff }, { root: dir, config, base: 'HEAD~1', head: 'HEAD' }) : await judge({ diff }, { root: sandbox, config });
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      decision = v.decision;
      findings = v.findings.length;
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(`${mode.padEnd(8)} judge: wall median ${(median / 1000).toFixed(2)} s, best ${(times[0]! / 1000).toFixed(2)} s; this process's CPU median ${(cpu[Math.floor(cpu.length / 2)]! / 1000).toFixed(2)} s (git's own CPU not counted) over ${RUNS} runs -> ${decision}, ${findings} findings  [target < 2 s wall: ${median < 2000 ? 'met' : 'MISSED'}]`);
  }
  rmSync(sandbox, { recursive: true, force: true });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
