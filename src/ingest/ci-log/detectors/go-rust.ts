import type { Detector, Finding } from '../types.js';
import { blockEnd, dedent, finding, repoPath } from './util.js';

const GO_DIAG = /^(?:vet: )?(\.{0,2}\/?[\w./@-]*\.go):(\d+):(\d+): (.+)$/;
const VET_ANALYZER = /format %|has arg .* of wrong type|possible misuse of|unreachable code|composite literal uses unkeyed fields|self-assignment of|passes lock by value|copies lock value|loop variable .* captured|struct field tag|result of .* call not used|should have signature|call has arguments but no formatting directives|missing argument for|is not a pointer|possible formatting directive/;
const GO_FAIL = /^(\s*)--- FAIL: (\S+) \([\d.]+s\)$/;
const GO_STOP = /^(?:\s*--- (?:FAIL|PASS|SKIP)|=== (?:RUN|PAUSE|CONT)|FAIL\s|ok\s|PASS$|FAIL$|panic: |exit status \d+)/;

/** go build/vet/test: compiler diagnostics, "--- FAIL" tests with their t.Error lines, panics, module errors. */
export const goDetector: Detector = {
  id: 'go',
  sniff: (t) => t.includes('.go:') || t.includes('--- FAIL') || t.includes('panic: ') || /(?:^|\n)(?:go|pattern \S+): /.test(t) || t.includes('runtime: out of memory') || t.includes('go.mod'),
  detect(lines, ctx) {
    const out: Finding[] = [];
    let pkg: string | undefined;
    let inTest: string | undefined;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (/^# \S+/.test(l)) {
        pkg = l.slice(2).trim();
        continue;
      }
      const f = GO_FAIL.exec(l);
      if (f) {
        const end = blockEnd(lines, i + 1, (x) => GO_STOP.test(x));
        let body = dedent(lines.slice(i + 1, end));
        if (body.length === 0) {
          // go test -v prints the test's output before its "--- FAIL" line, after "=== RUN".
          let k = i - 1;
          while (k >= 0 && k > i - 200 && !new RegExp(`^=== (?:RUN|CONT)\\s+${f[2]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).test(lines[k]!)) k--;
          if (k >= 0 && k > i - 200) body = dedent(lines.slice(k + 1, i).filter((x) => !/^=== (?:RUN|PAUSE|CONT)|^\s*--- (?:PASS|SKIP)/.test(x)));
        }
        const loc = /^([\w./-]+_test\.go):(\d+): /.exec(body[0] ?? '');
        inTest = f[2];
        if (body.length === 0) continue; // a parent test failing because a subtest did
        out.push(finding(ctx, i, 1, { kind: 'test', framework: 'go-test', test_id: f[2], name: f[2], file: repoPath(loc?.[1], ctx), line: loc ? Number(loc[2]) : undefined, message: body.join('\n').slice(0, 4000) }, end));
        i = end - 1;
        continue;
      }
      if (/^panic: /.test(l) || /^fatal error: /.test(l)) {
        const end = blockEnd(lines, i + 1, (x) => /^(?:FAIL|ok|exit status)\s|^FAIL$/.test(x));
        // "runtime: out of memory: cannot allocate ..." precedes "fatal error: out of memory".
        const pre = /^fatal error: /.test(l) && /^runtime: /.test(lines[i - 1] ?? '') ? [lines[i - 1]!] : [];
        const body = [...pre, ...lines.slice(i, end)];
        const gor = body.findIndex((b) => /^goroutine \d+ \[/.test(b));
        const message = (gor === -1 ? body.slice(0, 6) : body.slice(0, gor)).filter((b) => b.trim() !== '').join('\n');
        const frame = body.map((b) => /^\s+(\/\S+\.go):(\d+)/.exec(b)).find((m) => m !== null && !/\/(?:go|src)\/(?:runtime|testing)\//.test(m[1]!) && !/\/usr\/(?:local\/)?(?:lib\/)?go/.test(m[1]!));
        const running = /^panic: test timed out[\s\S]*?running tests:\s*\n\s+(\S+)/.exec(body.join('\n'))?.[1];
        const test = running ?? inTest;
        out.push(finding(ctx, i, 1, { kind: test ? 'test' : 'runtime', framework: test ? 'go-test' : 'go', test_id: test, name: test, file: repoPath(frame?.[1], ctx), line: frame ? Number(frame[2]) : undefined, error_class: /^panic: runtime error/.test(l) ? 'runtime.Error' : /^fatal error/.test(l) ? 'fatal error' : 'panic', message, stack: body.join('\n').slice(0, 4000) }, end));
        i = end - 1;
        continue;
      }
      const d = GO_DIAG.exec(l);
      if (d) {
        // Continuation lines ("\thave (int)\n\twant (int, int)") belong to the diagnostic.
        let end = i + 1;
        while (end < lines.length && /^\t/.test(lines[end]!)) end++;
        const message = [d[4]!, ...lines.slice(i + 1, end).map((x) => x.trim())].join('\n');
        // go vet prints the compiler's errors too; only its analyzers' findings are vet's own.
        const vet = /^vet: /.test(l) || VET_ANALYZER.test(d[4]!);
        out.push(finding(ctx, i, 1, { kind: vet ? 'lint' : 'build', framework: vet ? 'go-vet' : 'go-build', suite: pkg, file: repoPath(d[1], ctx), line: Number(d[2]), column: Number(d[3]), message }, end));
        i = end - 1;
        continue;
      }
      const mod = /^(?:go: |pattern \S+: )(.+)$/.exec(l);
      if (mod && !/^go: (?:downloading|finding|extracting|added|upgraded|to add module requirements)/.test(l)) {
        let end = i + 1;
        while (end < lines.length && /^\t|^\s{2,}/.test(lines[end]!)) end++;
        out.push(finding(ctx, i, 0.9, { kind: 'build', framework: 'go', message: [l, ...lines.slice(i + 1, end).map((x) => x.trim())].join('\n') }, end));
        i = end - 1;
      }
    }
    return out;
  },
};

const RUST_DIAG = /^error(?:\[(E\d{4})\])?: (.+)$/;
const RUST_WRAPPER = /^(?:aborting due to|could not compile|Recipe|build failed|test failed, to rerun|\d+ previous errors?|failed to run custom build command|process didn't exit successfully)/;

/** rustc/cargo/clippy diagnostics, cargo's own errors, test panics, rustfmt diffs. */
export const rustDetector: Detector = {
  id: 'rust',
  sniff: (t) => t.includes('error[E') || t.includes('error: ') || t.includes('panicked at') || t.includes('Diff in ') || t.includes('memory allocation of'),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const d = RUST_DIAG.exec(l);
      if (d && !RUST_WRAPPER.test(d[2]!)) {
        const end = blockEnd(lines, i + 1, (x) => /^(?:error|warning)(?:\[[\w:]+\])?: /.test(x) || (/^\S/.test(x) && !/^\s*(?:-->|\||=|\d+ \|)/.test(x)));
        const block = lines.slice(i + 1, end);
        const loc = block.map((b) => /^\s*--> (.+?):(\d+):(\d+)/.exec(b)).find((m) => m !== null);
        const lint = block.map((b) => /(clippy::[\w_]+)|#\[deny\((\w+)\)\]|`-D ([\w-]+)`/.exec(b)).find((m) => m !== null);
        const file = loc?.[1];
        const isManifest = file !== undefined && /Cargo\.(?:toml|lock)$/.test(file);
        const clippy = lint?.[1] !== undefined;
        const cargoOwn = !d[1] && !loc && /package|manifest|dependency|registry|offline|version|Cargo\.toml|workspace|lock file/i.test(d[2]!);
        const framework = clippy ? 'clippy' : isManifest || cargoOwn ? 'cargo' : 'rustc';
        const message = [d[2]!, ...block.filter((b) => /^\s*(?:=\s*(?:note|help):|Caused by:)|^\s{2}[A-Za-z`]/.test(b)).map((b) => b.trim()).slice(0, 4)].join('\n');
        out.push(finding(ctx, i, 1, { kind: clippy ? 'lint' : 'build', framework, file: repoPath(file, ctx), line: loc ? Number(loc[2]) : undefined, column: loc ? Number(loc[3]) : undefined, error_code: d[1] ?? lint?.[1] ?? lint?.[2], message, stack: [l, ...block].join('\n').slice(0, 4000) }, end));
        i = end - 1;
        continue;
      }
      const t = /^---- (\S+) stdout ----$/.exec(l);
      if (t) {
        const end = blockEnd(lines, i + 1, (x) => /^---- \S+ stdout ----$|^failures:$|^test result:/.test(x));
        const body = lines.slice(i + 1, end);
        const p = body.findIndex((b) => /panicked at/.test(b));
        const at = p === -1 ? null : /panicked at (?:'.*', )?([^\s:]+\.rs):(\d+):(\d+)/.exec(body[p]!);
        const msgLines = p === -1 ? body : body.slice(p + 1).filter((b) => !/^note: run with `RUST_BACKTRACE/.test(b));
        const inline = p !== -1 ? /panicked at '(.*)', /.exec(body[p]!)?.[1] : undefined;
        const message = (inline ?? dedent(msgLines).join('\n')).trim() || body.join('\n').trim();
        out.push(finding(ctx, i, 1, { kind: 'test', framework: 'cargo-test', test_id: t[1], name: t[1], file: repoPath(at?.[1], ctx), line: at ? Number(at[2]) : undefined, error_class: 'panic', message: message.slice(0, 4000), stack: body.join('\n').slice(0, 4000) }, end));
        i = end - 1;
        continue;
      }
      const diff = /^Diff in (.+?)(?: at line (\d+)|:(\d+)):?$/.exec(l);
      if (diff) {
        const end = blockEnd(lines, i + 1, (x) => /^Diff in /.test(x));
        out.push(finding(ctx, i, 1, { kind: 'lint', framework: 'rustfmt', file: repoPath(diff[1], ctx), line: diff[2] ?? diff[3] ? Number(diff[2] ?? diff[3]) : undefined, message: `rustfmt: code is not formatted (${l.trim()})` }, end));
        i = end - 1;
        continue;
      }
      const panic = /^thread '([^']+)'(?: \(\d+\))? panicked at (?:'(.*)', )?([^\s:]+\.rs):(\d+):(\d+):?$/.exec(l);
      if (panic) {
        const end = blockEnd(lines, i + 1, (x) => /^note: |^test \S+ \.\.\. |^thread '|^failures:|^error: /.test(x));
        const testName = lines.slice(end, end + 400).map((x) => /^test (\S+) \.\.\. FAILED$/.exec(x)?.[1]).find((n) => n === panic[1]) ?? (panic[1] !== 'main' ? panic[1] : undefined);
        const message = (panic[2] ?? lines.slice(i + 1, end).join('\n')).trim() || l;
        out.push(finding(ctx, i, 0.95, { kind: testName ? 'test' : 'runtime', framework: testName ? 'cargo-test' : 'rust', test_id: testName, name: testName, file: repoPath(panic[3], ctx), line: Number(panic[4]), error_class: 'panic', message: message.slice(0, 2000), stack: lines.slice(i, end).join('\n') }, end));
        i = end - 1;
        continue;
      }
      if (/^memory allocation of \d+ bytes failed/.test(l)) out.push(finding(ctx, i, 1, { kind: 'runtime', framework: 'rust', message: l }));
    }
    return out;
  },
};
