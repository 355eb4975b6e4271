/**
 * Turns real tool output captured in a test into FailureEvents, the way the ingest stage's build-log
 * extractors do, so fixer tests start from what the tools really print.
 */
import { XMLParser } from 'fast-xml-parser';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { toFailureEvent, type FailureEvent } from '../../../events/index.js';
import { vitestJson } from '../../../ingest/vitest-json/index.js';
import { failure, NODE_MODULES, run } from './temp-repo.js';

/** `src/a.ts(8,10): error TS2552: Cannot find name 'countr'. Did you mean 'counter'?` */
export function tscEvents(out: string, dir = ''): FailureEvent[] {
  return [...out.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/gm)].map((m) =>
    failure({ kind: 'typecheck', framework: 'tsc', test_id: `tsc:${m[1]}:${m[2]}:${m[4]}`, file: path.posix.join(dir, m[1]!), line: Number(m[2]), column: Number(m[3]), error_code: m[4], message: m[5]! }),
  );
}

/** `./shapes.go:16:9: undefined: countr` (go build / go vet / go test build failures). */
export function goEvents(out: string, dir = ''): FailureEvent[] {
  return [...out.matchAll(/^(?:vet: )?(?:\.\/)?([^\s:]+\.go):(\d+):(\d+): (.*)$/gm)].map((m) =>
    failure({ kind: 'build', framework: 'go', test_id: `go:${m[1]}:${m[2]}`, file: path.posix.join(dir, m[1]!), line: Number(m[2]), column: Number(m[3]), message: m[4]! }),
  );
}

/** rustc's human output: `error[E0425]: ...` followed by ` --> src/lib.rs:7:5`. */
export function cargoEvents(out: string, dir = ''): FailureEvent[] {
  return [...out.matchAll(/^error\[(E\d{4})\]: (.*)\n\s*--> ([^\s:]+):(\d+):(\d+)$/gm)].map((m) =>
    failure({ kind: 'build', framework: 'cargo', test_id: `cargo:${m[3]}:${m[4]}`, file: path.posix.join(dir, m[3]!), line: Number(m[4]), column: Number(m[5]), error_code: m[1], message: m[2]! }),
  );
}

/** Failed test cases of a JUnit XML report (pytest --junitxml). */
export function junitEvents(xml: string, framework = 'pytest'): FailureEvent[] {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testcase' || n === 'testsuite' }).parse(xml);
  const out: FailureEvent[] = [];
  for (const suite of doc.testsuites?.testsuite ?? doc.testsuite ?? []) {
    for (const tc of suite.testcase ?? []) {
      const f = tc.failure ?? tc.error;
      if (!f) continue;
      const message: string = f.message ?? '';
      out.push(
        failure({
          framework,
          test_id: `${tc.classname}::${tc.name}`,
          name: tc.name,
          file: tc.file,
          line: tc.line ? Number(tc.line) + 1 : undefined,
          message,
          error_class: /^(\w+(?:\.\w+)*):/.exec(message)?.[1]?.split('.').pop(),
          stack: typeof f === 'string' ? f : f['#text'],
        }),
      );
    }
  }
  return out;
}

/** Runs vitest with its JSON reporter in `dir` and reads the report with suture's own vitest parser. */
export async function vitestEvents(dir: string, ...args: string[]): Promise<{ code: number | null; events: FailureEvent[] }> {
  const report = path.join(dir, '..', `vitest-${Date.now()}.json`);
  const r = run(process.execPath, [path.join(NODE_MODULES, 'vitest', 'vitest.mjs'), 'run', '--reporter=json', `--outputFile=${report}`, ...args], dir);
  const events: FailureEvent[] = [];
  for await (const result of vitestJson.parse(createReadStream(report), { repoRoot: dir, displayName: report })) {
    const ev = toFailureEvent(result, { run_id: 'run-fixers-test', ts: '2026-01-01T00:00:00.000Z' });
    if (ev) events.push(ev);
  }
  return { code: r.code, events };
}
