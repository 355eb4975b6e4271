import { decided, pattern } from './define.js';
import type { Rule } from './types.js';

/** Go compiler, vet, modules and test runtime. */
export const goRules: Rule[] = [
  pattern('go:oom', 'out-of-memory', ['runtime: out of memory', 'cannot allocate memory'], /fatal error: runtime: out of memory|runtime: cannot allocate memory/),
  pattern('go:test-timeout', 'timeout', ['test timed out after'], /panic: test timed out after/),
  pattern('go:member', 'api-contract-mismatch', ['undefined (type', 'has no field or method', 'too many arguments in call', 'not enough arguments in call', 'too many return values', 'not enough return values', 'assignment mismatch', 'does not implement', 'missing method'], /undefined \(type .* has no (?:field or method|method)|has no field or method|(?:too many|not enough) arguments in call to|(?:too many|not enough) return values|assignment mismatch: \d+ variables? but|does not implement [\w.]+ \((?:missing|wrong type for) method/),
  decided('go:undefined', ['undefined: '], /\bundefined: ([\w.]+)/, (_s, m) => ({ category: m && m[1]!.includes('.') ? 'api-contract-mismatch' : 'undefined-name' })),
  pattern('go:type', 'type', ['cannot use ', 'mismatched types', 'invalid operation', 'cannot convert', 'non-boolean condition', 'missing return', 'is not a type', 'not an expression', 'untyped'], /cannot use .* as .* (?:value|type)|mismatched types|invalid operation:|cannot convert .* to type|non-boolean condition|missing return\b|is not a type\b|\(type\) is not an expression|\(untyped \w+ constant(?: \d+)?\) .* overflows/),
  pattern('go:syntax', 'syntax', ['syntax error', 'expected ', 'non-declaration statement', 'newline in string', 'string literal not terminated'], /syntax error: |: expected '[^']+', found|non-declaration statement outside function body|newline in string|string literal not terminated|rune literal not terminated/),
  pattern('go:unused', 'style', ['declared but not used', 'declared and not used', 'imported and not used'], /declared (?:but|and) not used|imported and not used/),
  pattern('go:module-missing', 'dependency-missing', ['no required module provides package', 'cannot find package', 'missing go.sum entry', 'does not contain package', 'is not in goroot', 'is not in std', 'module lookup disabled', 'unknown revision', 'cannot find module providing package', 'go: '], /no required module provides package|cannot find package|missing go\.sum entry|module .* found(?: \(.*\))?, but does not contain package|is not in GOROOT|is not in std|module lookup disabled by GOPROXY=off|unknown revision|cannot find module providing package|go: [\w./-]+@[\w.-]+: (?:reading|invalid version)/),
  pattern('go:mod-config', 'configuration-error', ['go.mod', 'build constraints exclude', 'cannot find main module', 'updates to go.mod needed', 'go.work'], /errors parsing go\.mod|go\.mod:\d+: |go: cannot find main module|go\.mod file not found|updates to go\.mod needed|build constraints exclude all Go files|go: inconsistent vendoring|go\.work/),
  pattern('go:race', 'runtime-error', ['data race', 'race detected'], /WARNING: DATA RACE|race detected during execution/),
  pattern('go:deadlock', 'runtime-error', ['all goroutines are asleep'], /all goroutines are asleep - deadlock/),
  pattern('go:panic', 'runtime-error', ['panic: '], /^panic: (?!test timed out)/m),
  pattern('go:file', 'file-not-found', ['no such file or directory', 'cannot find the file'], /(?:open|stat|lstat|read) [^:]+: (?:no such file or directory|The system cannot find the file)/),
];

/** Go test output with no other signal: t.Errorf lines are the test's own assertions. Tried after the generic rules. */
export const goLateRules: Rule[] = [
  // t.Errorf/t.Fatalf output ("x_test.go:12: got 3, want 4") with no panic above it.
  decided('go:test-assert', ['_test.go:'], /_test\.go:\d+: /, (s) => (s.kind === 'test' ? { category: 'assertion-failure' } : undefined)),
];

/** rustc (messages without an error index), cargo and Rust runtime panics. */
export const rustRules: Rule[] = [
  pattern('rust:oom', 'out-of-memory', ['memory allocation of'], /memory allocation of \d+ bytes failed/),
  pattern('rust:env-macro', 'environment-variable', ['environment variable', 'notpresent'], /environment variable `\w+` not defined(?: at compile time)?|NotPresent/),
  pattern('rust:assert', 'assertion-failure', ['assertion', 'assert_eq', 'assert_ne'], /assertion `left (?:==|!=) right` failed|assertion failed: |assertion failed\(|panicked at .*assertion/),
  pattern('rust:unwrap-io', 'file-not-found', ['kind: notfound', 'os { code: 2'], /kind: NotFound|Os \{ code: 2,/),
  pattern('rust:unwrap-perm', 'permission-denied', ['kind: permissiondenied', 'os { code: 13'], /kind: PermissionDenied|Os \{ code: 13,/),
  pattern('rust:unwrap-net', 'network-timeout', ['connectionrefused', 'timedout', 'os { code: 111', 'failed to lookup address'], /kind: (?:ConnectionRefused|TimedOut|ConnectionReset)|Os \{ code: 111,|failed to lookup address information/),
  pattern('rust:runtime-panic', 'runtime-error', ['unwrap()', 'expect()', 'has overflowed its stack', 'index out of bounds', 'with overflow', 'divide by zero', 'slice index', 'byte index', 'already borrowed'], /called `(?:Option|Result)::(?:unwrap|expect)\(\)`|has overflowed its stack|index out of bounds|attempt to \w+ with overflow|attempt to divide by zero|slice index starts at|byte index \d+ is (?:not a char boundary|out of bounds)|already (?:mutably )?borrowed/),
  // Any other panic in a Rust test is the test's own assert!/panic!: an assertion, as go's t.Errorf is.
  decided('rust:panic', ['panicked at', 'panic'], /panicked at|^panic$/m, (s) => ({ category: s.kind === 'test' || s.framework === 'cargo-test' ? 'assertion-failure' : 'runtime-error' })),
  pattern('rust:syntax', 'syntax', ['expected one of', 'unclosed delimiter', 'unexpected closing delimiter', 'unterminated double quote', 'expected expression', 'expected item', 'expected identifier', 'unexpected token', 'unknown start of token'], /expected one of .* found|this file contains an unclosed delimiter|unexpected closing delimiter|mismatched closing delimiter|unterminated double quote string|expected (?:expression|item|identifier|type|pattern|`[^`]+`)(?:, or `[^`]+`)*, found|unknown start of token/),
  pattern('rust:unused', 'style', ['unused', 'clippy::', '#[deny(', '#[warn(', 'rustfmt', 'diff in'], /unused (?:variable|import|mut|function|assignment)|clippy::|implied by `#\[deny\(|-D warnings|^Diff in .* at line \d+:/m),
  pattern('cargo:dependency', 'dependency-missing', ['no matching package', 'failed to select a version', 'failed to get', '--offline', 'failed to load source for dependency', 'no matching package named', 'could not find'], /no matching package (?:named|found)|failed to select a version for|failed to get `[\w-]+` as a dependency|attempting to make an HTTP request, but --offline was specified|failed to load source for dependency|could not find `[\w-]+` in (?:registry|`\w+`)/),
  pattern('cargo:manifest', 'configuration-error', ['failed to parse manifest', 'could not parse input as toml', 'unknown field', 'missing field', 'invalid type', 'toml'], /failed to parse manifest at|could not parse input as TOML|TOML parse error|unused manifest key|invalid type: .* expected/),
  pattern('cargo:no-manifest', 'file-not-found', ['could not find `cargo.toml`'], /could not find `Cargo\.toml`/),
];
