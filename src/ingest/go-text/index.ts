import type { ReportParser } from '../types.js';
import { MalformedReportError } from '../errors.js';
import { DiagnosticIds } from '../results/ids.js';
import { RerunMerger } from '../results/reruns.js';
import { readLines } from '../input/lines.js';
import { packageResults } from './convert.js';
import { GoTextMachine } from './machine.js';
import { PackageDirs } from './package-dirs.js';

/** `go test -v` output as text (also what CI logs of go test hold). */
export const goText: ReportParser = {
  format: 'go-text',
  sniff(head) {
    const lines = head.split('\n', 400);
    let score = 0;
    for (const l of lines) {
      if (/^=== RUN\s+\S/.test(l) || /^\s*--- (PASS|FAIL|SKIP): \S/.test(l)) score += 2;
      else if (/^(ok|FAIL)\s+\S+\s+([\d.]+s|\(cached\)|\[(build|setup) failed\])/.test(l)) score += 2;
      else if (/^# \S+( \[\S+\.test\])?$/.test(l)) score += 1;
    }
    // go -json lines mention the same markers inside JSON strings; leave those to go-json.
    if (/^\s*\{"(Time|Action|ImportPath)"/m.test(head)) return 0;
    return score >= 4 ? 0.8 : score >= 2 ? 0.5 : 0;
  },
  async *parse(input, opts) {
    const machine = new GoTextMachine();
    const ctx = { opts, dirs: new PackageDirs(opts.goModule), ids: new DiagnosticIds() };
    const reruns = new RerunMerger();
    let any = false;
    for await (const line of readLines(input)) {
      for (const pkg of machine.feed(line.text)) {
        any = true;
        for (const r of packageResults(pkg, ctx)) yield* reruns.add(r);
      }
    }
    for (const pkg of machine.end()) {
      any = true;
      for (const r of packageResults(pkg, { ...ctx, truncated: pkg.importPath === undefined && pkg.status === undefined })) yield* reruns.add(r);
    }
    yield* reruns.end();
    if (!any && !machine.recognised) throw new MalformedReportError(opts.displayName, 'no go test output found (no "=== RUN", "--- FAIL:" or "ok/FAIL <package>" lines)');
  },
};
