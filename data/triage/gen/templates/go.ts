import type { Gen, Template } from '../lib.js';
import { envVars, goModules } from '../words.js';

const go = (x: Omit<Template, 'lang'>): Template => ({ lang: 'go', ...x });

function modPath(g: Gen): string {
  return g.pick([`github.com/${g.noun()}/${g.noun()}`, `example.com/${g.noun()}`, `gitlab.com/${g.noun()}-team/${g.noun()}`, g.noun()]);
}

function capital(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** A module with one package holding `code`; `go build ./...` or `go vet ./...` compiles it. */
function goProject(g: Gen, code: string, extra: Record<string, string> = {}): { files: Record<string, string>; cmd: string } {
  const pkg = g.pick(['internal/' + g.noun(), 'pkg/' + g.noun(), g.noun(), 'cmd/' + g.noun()]);
  const name = pkg.startsWith('cmd/') ? 'main' : pkg.split('/').pop()!;
  const body = name === 'main' ? code.replace(/^package \w+/, 'package main') + '\nfunc main() {}\n' : code.replace(/^package \w+/, `package ${name}`);
  return { files: { 'go.mod': `module ${modPath(g)}\n\ngo 1.19\n`, [`${pkg}/${g.noun()}.go`]: body, ...extra }, cmd: g.pick(['go build ./...', 'go vet ./...', 'go build -v ./...', 'go test ./...']) };
}

function goTest(g: Gen, body: string, imports: string[], flags = ''): { files: Record<string, string>; cmd: string } {
  const pkg = g.noun();
  const test = `Test${g.pascal()}`;
  return {
    files: { 'go.mod': `module ${modPath(g)}\n\ngo 1.19\n`, [`${pkg}/${pkg}_test.go`]: `package ${pkg}\n\nimport (\n${imports.map((i) => `\t"${i}"`).join('\n')}\n)\n\nfunc ${test}(t *testing.T) {\n${body}\n}\n` },
    cmd: `go test ${flags}${g.pick(['', '-v ', '-count=1 '])}./...`,
  };
}

export const goTemplates: Template[] = [
  go({ id: 'go-undefined', tool: 'go', stage: 'compile', category: 'undefined-name', n: 14, expect: /undefined: \w+$/m, make: (g) => goProject(g, `package x\n\nfunc ${capital(g.camel())}(n int) int {\n\treturn ${g.camel()}(n) + 1\n}\n`) }),
  go({
    id: 'go-member', tool: 'go', stage: 'compile', category: 'api-contract-mismatch', n: 14, expect: /has no field or method|undefined \(type/,
    make: (g) => {
      const T = g.pascal(), f = capital(g.noun()), m = capital(g.camel());
      return goProject(g, `package x\n\ntype ${T} struct {\n\t${f} string\n}\n\nfunc Use(v ${T}) string {\n\treturn v.${g.chance(0.5) ? m + '()' : capital(g.noun()) + 'ID'}\n}\n`);
    },
  }),
  go({
    id: 'go-arity', tool: 'go', stage: 'compile', category: 'api-contract-mismatch', n: 12, expect: /arguments in call|return values|assignment mismatch/,
    make: (g) => {
      const f = capital(g.camel());
      const call = g.pick([`${f}(1, 2, 3)`, `${f}(1)`]);
      return goProject(g, g.chance(0.7) ? `package x\n\nfunc ${f}(a int, b int) int {\n\treturn a + b\n}\n\nvar Result = ${call}\n` : `package x\n\nfunc ${f}() (int, error) {\n\treturn 1, nil\n}\n\nfunc Use() int {\n\tv := ${f}()\n\treturn v\n}\n`);
    },
  }),
  go({
    id: 'go-type', tool: 'go', stage: 'compile', category: 'type', n: 16, expect: /cannot use|mismatched types|invalid operation|cannot convert/,
    make: (g) => {
      const v = g.camel();
      return goProject(g, g.pick([
        `package x\n\nfunc ${capital(v)}() string {\n\tvar n int = ${g.int(1, 99)}\n\treturn n\n}\n`,
        `package x\n\nfunc ${capital(v)}(a int, b float64) float64 {\n\treturn a + b\n}\n`,
        `package x\n\nvar ${capital(v)} int = "${g.noun()}"\n`,
        `package x\n\nfunc ${capital(v)}(s string) int {\n\treturn s * 2\n}\n`,
        `package x\n\nfunc ${capital(v)}(xs []int) []string {\n\treturn xs\n}\n`,
      ]));
    },
  }),
  go({
    id: 'go-syntax', tool: 'go', stage: 'compile', category: 'syntax', n: 14, expect: /syntax error|expected/,
    make: (g) => {
      const f = capital(g.camel());
      return goProject(g, g.pick([`package x\n\nfunc ${f}(a int) int {\n\treturn a +\n}\n`, `package x\n\nfunc ${f}() {\n\tif true {\n\t\treturn\n\t\n}\n`, `package x\n\nfunc ${f}() {\n\tx := []int{1, 2\n\t_ = x\n}\n`, `package x\n\nfunc ${f}(a int {\n}\n`, `package x\n\nvar ${f} = map[string]int{"a": 1 "b": 2}\n`, `package x\n\nfunc ${f}() string {\n\treturn "${g.noun()}\n}\n`]));
    },
  }),
  go({
    id: 'go-unused', tool: 'go', stage: 'compile', category: 'style', n: 12, expect: /declared (but|and) not used|imported and not used/,
    make: (g) => goProject(g, g.chance(0.5) ? `package x\n\nimport "${g.pick(['fmt', 'os', 'strings', 'time', 'errors', 'sort'])}"\n\nfunc ${capital(g.camel())}() int {\n\treturn 1\n}\n` : `package x\n\nfunc ${capital(g.camel())}() int {\n\t${g.camel()} := ${g.int(1, 9)}\n\treturn 1\n}\n`),
  }),
  go({
    id: 'go-module-missing', tool: 'go', stage: 'compile', category: 'dependency-missing', n: 14, expect: /no required module provides package|cannot find package|module lookup disabled|missing go\.sum/,
    make: (g) => {
      const m = g.pick(goModules);
      const alias = m.split('/').pop()!.replace(/\W/g, '');
      return goProject(g, `package x\n\nimport ${alias} "${m}"\n\nvar _ = ${alias}.${g.pascal()}\n`);
    },
  }),
  go({ id: 'go-mod-invalid', tool: 'go', stage: 'compile', category: 'configuration-error', n: 8, expect: /go\.mod|go: /, make: (g) => ({ files: { 'go.mod': g.pick([`module ${modPath(g)}\n\ngo 1.19\n\nrequire (\n\tgithub.com/${g.noun()}/${g.noun()}\n)\n`, `module\n\ngo 1.19\n`, `module ${modPath(g)}\n\ngo 1.19\n${g.noun()} something\n`, `module ${modPath(g)}\n\ngo one.nineteen\n`]), 'main.go': 'package main\n\nfunc main() {}\n' }, cmd: g.pick(['go build ./...', 'go vet ./...', 'go test ./...']) }) }),
  go({ id: 'go-no-module', tool: 'go', stage: 'compile', category: 'configuration-error', n: 5, expect: /go\.mod file not found|cannot find main module|not in a module|does not contain main module/, make: (g) => ({ files: { [`${g.noun()}/main.go`]: 'package main\n\nfunc main() {}\n' }, cmd: g.pick(['go build ./...', 'go test ./...', 'go vet ./...']) }) }),
  go({
    id: 'go-test-assert', tool: 'go-test', stage: 'test', category: 'assertion-failure', n: 18, expect: /--- FAIL/, cause: /_test\.go:\d+: /,
    make: (g) => {
      const a = g.int(1, 50), b = g.int(1, 50);
      return goTest(g, '\t_ = strings.ToUpper\n' + g.pick([
        `\tgot := ${a} * ${b}\n\twant := ${a + b}\n\tif got != want {\n\t\tt.Errorf("${g.camel()}() = %d, want %d", got, want)\n\t}`,
        `\tgot := strings.ToUpper("${g.noun()}")\n\tif got != "${g.noun()}" {\n\t\tt.Fatalf("unexpected result: got %q", got)\n\t}`,
        `\titems := []string{"${g.noun()}", "${g.noun()}"}\n\tif len(items) != ${g.int(3, 9)} {\n\t\tt.Errorf("expected %d items, got %d", ${g.int(3, 9)}, len(items))\n\t}`,
        `\tif ok := strings.HasPrefix("${g.noun()}", "${g.noun()}x"); !ok {\n\t\tt.Error("${g.noun()} should have the prefix")\n\t}`,
      ]), ['strings', 'testing']);
    },
  }),
  go({
    id: 'go-test-panic', tool: 'go-test', stage: 'test', category: 'runtime-error', n: 14, expect: /panic: /,
    make: (g) => goTest(g, g.pick([
      `\txs := []int{1, 2, 3}\n\ti := ${g.int(3, 9)}\n\t_ = xs[i]\n\t_ = strings.ToUpper`,
      `\tvar m map[string]int\n\tm["${g.noun()}"] = 1\n\t_ = strings.ToUpper`,
      `\ttype node struct{ next *node; v int }\n\tvar n *node\n\t_ = n.v\n\t_ = strings.ToUpper`,
      `\tpanic("${g.noun()} invariant violated")\n\t_ = strings.ToUpper`,
      `\tvar i interface{} = "${g.noun()}"\n\t_ = i.(int)\n\t_ = strings.ToUpper`,
    ]), ['strings', 'testing']),
  }),
  go({ id: 'go-test-timeout', tool: 'go-test', stage: 'test', category: 'timeout', n: 8, expect: /test timed out/, make: (g) => goTest(g, `\ttime.Sleep(${g.int(3, 6)} * time.Second)`, ['testing', 'time'], `-timeout ${g.pick(['1s', '2s'])} `) }),
  go({ id: 'go-test-file', tool: 'go-test', stage: 'test', category: 'file-not-found', n: 10, expect: /no such file or directory/, make: (g) => goTest(g, `\tdata, err := os.ReadFile("testdata/${g.noun()}.${g.pick(['json', 'golden', 'txt'])}")\n\tif err != nil {\n\t\tt.Fatal(err)\n\t}\n\t_ = data`, ['os', 'testing']) }),
  go({
    id: 'go-test-env', tool: 'go-test', stage: 'test', category: 'environment-variable', n: 10, expect: /FAIL/, cause: /_test\.go:\d+: /,
    make: (g) => {
      const v = g.pick(envVars);
      const r = goTest(g, `\tv := os.Getenv("${v}")\n\tif v == "" {\n\t\tt.Fatal(${g.pick([`"${v} is not set"`, `"environment variable ${v} is required"`, `"missing ${v} in environment"`, `"${v} must be set to run integration tests"`])})\n\t}`, ['os', 'testing']);
      return { ...r, cmd: `env -u ${v} ${r.cmd}` };
    },
  }),
  go({ id: 'go-test-network', tool: 'go-test', stage: 'test', category: 'network-timeout', n: 10, expect: /connection refused|no such host|dial tcp/, make: (g) => goTest(g, `\tresp, err := http.Get("http://${g.pick(['127.0.0.1:1', '127.0.0.1:9', 'localhost:6379', `${g.noun()}.invalid`])}/${g.noun()}")\n\tif err != nil {\n\t\tt.Fatalf("request failed: %v", err)\n\t}\n\tresp.Body.Close()`, ['net/http', 'testing']) }),
  go({ id: 'go-oom', tool: 'go', stage: 'test', category: 'out-of-memory', n: 6, expect: /out of memory|cannot allocate memory/, make: (g) => ({ files: { 'go.mod': `module ${g.noun()}\n\ngo 1.19\n`, 'main.go': `package main\n\nimport "fmt"\n\nfunc main() {\n\tvar keep [][]byte\n\tfor i := 0; ; i++ {\n\t\tkeep = append(keep, make([]byte, ${g.pick([64, 128, 256])}<<20))\n\t\tfmt.Sprint(len(keep))\n\t}\n}\n` }, cmd: `go build -o app . && (ulimit -v ${g.pick([600000, 800000])}; ./app)` }) }),
  go({
    id: 'go-cover-gate', tool: 'go-test', stage: 'coverage', category: 'policy-violation', n: 8, expect: /coverage/, cause: /below|threshold/,
    make: (g) => {
      const fns = g.distinct(g.int(3, 5), () => capital(g.camel()));
      const min = g.pick([70, 75, 80, 85, 90]);
      return {
        files: {
          'go.mod': `module ${modPath(g)}\n\ngo 1.19\n`,
          'calc/calc.go': `package calc\n\n${fns.map((f, i) => `func ${f}(x int) int {\n\tif x > ${i} {\n\t\treturn x * ${i + 2}\n\t}\n\treturn ${i}\n}\n`).join('\n')}`,
          'calc/calc_test.go': `package calc\n\nimport "testing"\n\nfunc Test${fns[0]}(t *testing.T) {\n\tif ${fns[0]}(10) != 20 {\n\t\tt.Fatal("bad")\n\t}\n}\n`,
          'scripts/coverage.sh': `#!/usr/bin/env bash\nset -euo pipefail\ngo test -coverprofile=coverage.out ./...\ntotal=$(go tool cover -func=coverage.out | awk '/^total:/ {print substr($3, 1, length($3)-1)}')\necho "total coverage: \${total}%"\nif awk -v t="$total" -v m="${min}" 'BEGIN {exit !(t < m)}'; then\n  echo "${g.pick(['FAIL: coverage', 'Coverage', 'ERROR: total coverage'])} \${total}% is below the ${g.pick(['required', 'minimum'])} threshold of ${min}%"\n  exit 1\nfi\n`,
        },
        cmd: 'bash scripts/coverage.sh',
      };
    },
  }),
  go({
    id: 'gofmt-check', tool: 'gofmt', stage: 'lint', category: 'style', n: 10, expect: /diff|\.go/,
    make: (g) => ({ files: { 'go.mod': `module ${g.noun()}\n\ngo 1.19\n`, [`${g.noun()}.go`]: `package main\n\nfunc ${g.camel()}( a int )int{\nreturn a+1}\n\nfunc main() {}\n` }, cmd: g.pick(['out=$(gofmt -d .); echo "$out"; test -z "$out"', 'out=$(gofmt -l .); if [ -n "$out" ]; then echo "gofmt needs to be run on:"; echo "$out"; exit 1; fi']) }),
  }),
  go({
    id: 'go-vet-printf', tool: 'go-vet', stage: 'lint', category: 'type', n: 8, expect: /format %|wrong type|arg /,
    make: (g) => ({ ...goProject(g, `package x\n\nimport "fmt"\n\nfunc ${capital(g.camel())}(name string, n int) string {\n\treturn fmt.Sprintf("${g.noun()} %d: %s", name, n)\n}\n`), cmd: g.pick(['go vet ./...', 'go test ./...']) }),
  }),
];
