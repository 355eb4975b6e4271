import type { Gen, Template } from '../lib.js';
import { crates, envVars } from '../words.js';

const rs = (x: Omit<Template, 'lang'>): Template => ({ lang: 'rust', ...x });

/** A single-file crate compiled with rustc, as a build step or a pre-commit check would. */
function rustc(g: Gen, code: string): { files: Record<string, string>; cmd: string } {
  const f = `src/${g.pick(['main', 'lib', g.noun()])}.rs`;
  const lib = !f.endsWith('main.rs');
  return { files: { [f]: lib ? code : code + '\nfn main() {}\n' }, cmd: `rustc --edition 2021 ${lib ? '--crate-type lib ' : ''}${g.pick(['', '-D warnings ', '--error-format=human '])}${f} -o /tmp/rustc-out-${g.int(1, 1e9)}` };
}

function cargoProject(g: Gen, lib: string, tests = '', deps = ''): Record<string, string> {
  const name = `${g.noun()}_${g.noun()}`;
  return { 'Cargo.toml': `[package]\nname = "${name}"\nversion = "0.${g.int(1, 9)}.0"\nedition = "2021"\n\n[dependencies]\n${deps}`, 'src/lib.rs': lib + (tests ? `\n#[cfg(test)]\nmod tests {\n    use super::*;\n\n${tests}\n}\n` : '') };
}

function cargoTest(g: Gen, lib: string, body: string): { files: Record<string, string>; cmd: string } {
  return { files: cargoProject(g, lib, `    #[test]\n    fn ${g.snake()}() {\n${body}\n    }`), cmd: g.pick(['cargo test --offline', 'cargo test --offline -q', 'cargo test --offline -- --nocapture']) };
}

export const rustTemplates: Template[] = [
  rs({ id: 'rust-undefined', tool: 'rustc', stage: 'compile', category: 'undefined-name', n: 12, expect: /E0425|E0412|E0422/, make: (g) => rustc(g, `pub fn ${g.snake()}(x: i32) -> i32 {\n    let ${g.noun()} = x * 2;\n    ${g.snake()}(x) + ${g.noun()}_total\n}\n`) }),
  rs({
    id: 'rust-method-missing', tool: 'rustc', stage: 'compile', category: 'api-contract-mismatch', n: 12, expect: /E0599|E0609|E0560/,
    make: (g) => {
      const T = g.pascal(), f = g.noun();
      return rustc(g, `pub struct ${T} {\n    pub ${f}: String,\n}\n\npub fn use_it(v: &${T}) -> usize {\n    ${g.pick([`v.${g.snake()}()`, `v.${g.noun()}_count`, `v.${f}.${g.snake()}()`])}\n}\n`);
    },
  }),
  rs({ id: 'rust-arity', tool: 'rustc', stage: 'compile', category: 'api-contract-mismatch', n: 10, expect: /E0061/, make: (g) => { const f = g.snake(); return rustc(g, `pub fn ${f}(a: i32, b: i32) -> i32 {\n    a + b\n}\n\npub fn call() -> i32 {\n    ${f}(${g.pick(['1', '1, 2, 3', ''])})\n}\n`); } }),
  rs({
    id: 'rust-mismatched', tool: 'rustc', stage: 'compile', category: 'type', n: 14, expect: /E0308|E0277|E0369/,
    make: (g) => rustc(g, g.pick([`pub fn ${g.snake()}() -> i32 {\n    "${g.noun()}"\n}\n`, `pub fn ${g.snake()}(x: u32) -> u64 {\n    x\n}\n`, `pub fn ${g.snake()}(a: i32, b: f64) -> f64 {\n    a + b\n}\n`, `pub fn ${g.snake()}() -> String {\n    ${g.int(1, 99)}\n}\n`, `pub fn ${g.snake()}(v: Vec<i32>) -> i32 {\n    v.iter().sum::<String>()\n}\n`])),
  }),
  rs({ id: 'rust-borrow', tool: 'rustc', stage: 'compile', category: 'type', n: 10, expect: /E0382|E0502|E0499|E0505|E0384|E0596/, make: (g) => rustc(g, g.pick([`pub fn ${g.snake()}() -> usize {\n    let ${g.noun()}s = vec![1, 2];\n    let moved = ${g.noun()}s;\n    ${g.noun()}s.len() + moved.len()\n}\n`.replace(/(\w+)s = vec!\[1, 2\];\n    let moved = (\w+)s;\n    (\w+)s\.len/, 'items = vec![1, 2];\n    let moved = items;\n    items.len'), `pub fn ${g.snake()}() {\n    let x = ${g.int(1, 9)};\n    x = 2;\n    let _ = x;\n}\n`, `pub fn ${g.snake()}() {\n    let v = vec![1];\n    v.push(2);\n}\n`, `pub fn ${g.snake()}(v: &mut Vec<i32>) {\n    let first = &v[0];\n    v.push(*first);\n}\n`])) }),
  rs({ id: 'rust-syntax', tool: 'rustc', stage: 'compile', category: 'syntax', n: 12, expect: /expected|unclosed delimiter|unexpected closing/, make: (g) => rustc(g, g.pick([`pub fn ${g.snake()}() -> i32 {\n    let x = 1\n    x\n}\n`, `pub fn ${g.snake()}( -> i32 {\n    1\n}\n`, `pub fn ${g.snake()}() {\n    if true {\n        let _ = 1;\n}\n`, `pub struct ${g.pascal()} {\n    a: i32\n    b: i32,\n}\n`, `pub fn ${g.snake()}() -> i32 {\n    1 +\n}\n`])) }),
  rs({ id: 'rust-unresolved-import', tool: 'rustc', stage: 'compile', category: 'import', n: 10, expect: /E0432|E0433/, make: (g) => rustc(g, `mod ${g.noun()} {\n    pub fn ${g.snake()}() {}\n}\n\nuse crate::${g.noun()}::${g.snake()};\n\npub fn x() {\n    ${g.snake()}();\n}\n`.replace(/mod (\w+) \{/, 'mod $1 {').replace(/use crate::(\w+)::/, (m) => m)) }),
  rs({ id: 'rust-crate-missing', tool: 'rustc', stage: 'compile', category: 'dependency-missing', n: 10, expect: /E0432|E0433|E0463|unlinked crate|undeclared crate/, make: (g) => rustc(g, `use ${g.pick(crates).replace(/-/g, '_')}::${g.pascal()};\n\npub fn x() {}\n`) }),
  rs({ id: 'rust-unused-deny', tool: 'rustc', stage: 'compile', category: 'style', n: 8, expect: /unused|never used|dead_code/, cause: /^error: /, make: (g) => rustc(g, `#![deny(warnings)]\n\n${g.pick([`pub fn ${g.snake()}() {\n    let ${g.noun()} = ${g.int(1, 9)};\n}\n`, `use std::collections::HashMap;\n\npub fn ${g.snake()}() {}\n`, `fn ${g.snake()}() {}\n\npub fn x() {}\n`, `pub fn ${g.snake()}() -> i32 {\n    let mut x = 1;\n    x\n}\n`])}`) }),
  rs({ id: 'cargo-offline-dependency', tool: 'cargo', stage: 'dependency-install', category: 'dependency-missing', n: 10, expect: /no matching package|failed to get|--offline|failed to select|failed to load source/, make: (g) => ({ files: cargoProject(g, 'pub fn x() {}\n', '', `${g.pick(crates)} = "${g.int(0, 1)}.${g.int(1, 9)}"\n`), cmd: g.pick(['cargo build --offline', 'cargo fetch --offline', 'cargo test --offline']) }) }),
  rs({ id: 'cargo-manifest-invalid', tool: 'cargo', stage: 'compile', category: 'configuration-error', n: 8, expect: /failed to parse manifest|TOML|could not parse|unknown field|invalid|unclosed table|Cargo\.toml:\d+/, make: (g) => ({ files: { 'Cargo.toml': g.pick([`[package]\nname = "${g.noun()}"\nversion = "0.1.0"\nedition = "2021"\n[dependencies\n`, `[package]\nname = "${g.noun()}"\nversion = 1\nedition = "2021"\n`, `[package]\nname = "${g.noun()}"\nversion = "0.1.0"\nedition = "2099"\n`, `[package]\nname = "${g.noun()}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n${g.noun()} = { verison = "1" }\n`]), 'src/lib.rs': '' }, cmd: g.pick(['cargo build --offline', 'cargo check --offline', 'cargo test --offline']) }) }),
  rs({
    id: 'cargo-test-assert', tool: 'cargo-test', stage: 'test', category: 'assertion-failure', n: 14, expect: /assertion|panicked/,
    make: (g) => {
      const f = g.snake(), a = g.int(1, 30), b = g.int(1, 30);
      return cargoTest(g, `pub fn ${f}(a: i32, b: i32) -> i32 {\n    a * b\n}\n`, g.pick([`        assert_eq!(${f}(${a}, ${b}), ${a + b});`, `        assert!(${f}(${a}, ${b}) < ${a}, "${g.noun()} should be small");`, `        assert_ne!(${f}(${a}, 1), ${a});`, `        let got = ${f}(${a}, ${b});\n        assert_eq!(got, ${a * b + 1}, "unexpected ${g.noun()} total");`]));
    },
  }),
  rs({ id: 'cargo-test-panic', tool: 'cargo-test', stage: 'test', category: 'runtime-error', n: 12, expect: /panicked/, make: (g) => cargoTest(g, `pub fn first(v: &[i32]) -> Option<i32> {\n    v.first().copied()\n}\n`, g.pick([`        let v: Vec<i32> = vec![];\n        first(&v).unwrap();`, `        let v = vec![1, 2];\n        let _ = v[${g.int(2, 9)}];`, `        let r: Result<i32, String> = Err("${g.noun()} failed".into());\n        r.unwrap();`, `        let x: u8 = ${g.int(200, 255)};\n        let _ = x + std::hint::black_box(${g.int(100, 200)});`, `        let d = std::hint::black_box(0);\n        let _ = ${g.int(1, 9)} / d;`])) }),
  rs({ id: 'cargo-test-file', tool: 'cargo-test', stage: 'test', category: 'file-not-found', n: 8, expect: /NotFound|No such file/, make: (g) => cargoTest(g, 'pub fn x() {}\n', `        let s = std::fs::read_to_string("${g.pick(['tests/fixtures', 'data', 'assets'])}/${g.noun()}.${g.pick(['json', 'toml', 'txt'])}").unwrap();\n        assert!(!s.is_empty());`) }),
  rs({
    id: 'cargo-test-env', tool: 'cargo-test', stage: 'test', category: 'environment-variable', n: 8, expect: /NotPresent|environment variable|panicked/,
    make: (g) => {
      const v = g.pick(envVars);
      const r = cargoTest(g, 'pub fn x() {}\n', g.pick([`        let url = std::env::var("${v}").unwrap();\n        assert!(!url.is_empty());`, `        let url = std::env::var("${v}").expect("${v} must be set");\n        assert!(!url.is_empty());`]));
      return { ...r, cmd: `env -u ${v} ${r.cmd}` };
    },
  }),
  rs({ id: 'rustfmt-check', tool: 'rustfmt', stage: 'lint', category: 'style', n: 8, expect: /Diff in/, make: (g) => ({ files: cargoProject(g, `pub fn ${g.snake()}( a:i32,b :i32)->i32{a+b}\n`), cmd: 'cargo fmt --check' }) }),
  rs({ id: 'clippy-deny', tool: 'clippy', stage: 'lint', category: 'style', n: 8, expect: /clippy::|error:/, make: (g) => ({ files: cargoProject(g, g.pick([`pub fn ${g.snake()}(v: &Vec<i32>) -> usize {\n    v.len()\n}\n`, `pub fn ${g.snake()}(x: i32) -> bool {\n    if x > 0 { return true; } else { return false; }\n}\n`, `pub fn ${g.snake()}(s: &String) -> usize {\n    s.len()\n}\n`, `pub fn ${g.snake()}(v: Vec<i32>) -> i32 {\n    let mut n = 0;\n    for i in 0..v.len() {\n        n += v[i];\n    }\n    n\n}\n`])), cmd: 'cargo clippy --offline -q -- -D warnings' }) }),
];
