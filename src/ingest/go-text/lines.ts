/** The line shapes of `go test` output (with -v, inside -json Output fields, or as plain text). */

/** "--- FAIL: TestX/sub (0.01s)", old "(0.10 seconds)", benchmarks without a duration. */
export const RESULT_LINE = /^(?<indent>\s*)--- (?<status>PASS|FAIL|SKIP): (?<name>\S+)(?: \((?<secs>-?[\d.]+)(?:s| seconds)\))?\s*$/;

/** "=== RUN   TestX", "=== CONT  TestX", "=== PAUSE TestX", "=== NAME  TestX" (go 1.20+). */
export const STATE_LINE = /^=== (?<what>RUN|CONT|PAUSE|NAME)\s+(?<name>\S+)\s*$/;

/** A benchmark starting (go prints its bare name before its logs): "BenchmarkError". */
export const BENCH_START = /^(?<name>Benchmark\S+?)\s*$/;

/** A benchmark's measurement: "BenchmarkParse-8   1000000   1042 ns/op". */
export const BENCH_RESULT = /^(?<name>Benchmark\S+?)(?:-\d+)?\s+\d+\s+[\d.]+ ns\/op/;

/** "ok  \tpkg\t0.160s", "ok  \tpkg\t(cached)", "FAIL\tpkg\t0.151s", "FAIL\tpkg [build failed]", "?   \tpkg\t[no test files]". */
export const SUMMARY_LINE = /^(?<status>ok|FAIL|\?)\s+(?<pkg>[^\s[]+)(?:\s+\[(?<why>[^\]]+)\]|\s+\(cached\)|\s+[\d.]+s|\s+coverage:.*|\s*$)/;

/** "# example.com/pkg [example.com/pkg.test]": the compiler's header before build errors. */
export const BUILD_HEADER = /^# (?<pkg>\S+)(?: \[(?<test>\S+)\])?\s*$/;

/** "./x_test.go:12:5: undefined: y" / "pkg/x.go:3: msg" (compiler and vet diagnostics). */
export const DIAGNOSTIC = /^(?<file>[^\s:][^:]*\.go):(?<line>\d+)(?::(?<column>\d+))?: (?<message>.*)$/;

/** A t.Log/t.Error line: "    calc_test.go:14: message" (indent shows nesting after a result line). */
export const LOG_LINE = /^(?<indent>\s*)(?<file>[\w.\-+]+\.go):(?<line>\d+): ?(?<text>.*)$/;

/** "panic: assignment to entry in nil map [recovered]". */
export const PANIC_LINE = /^\s*panic: (?<text>.*?)(?: \[recovered\])?\s*$/;

export function indentWidth(s: string): number {
  let w = 0;
  for (const c of s) w += c === '\t' ? 4 : 1;
  return w;
}

/** The package a build header or build-output ImportPath names: "pkg [pkg.test]" and "pkg.test" are pkg. */
export function buildPackage(importPath: string): string {
  return importPath.replace(/\s+\[.*\]$/, '').replace(/\.test$/, '');
}
