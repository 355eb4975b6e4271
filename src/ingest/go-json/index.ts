import type { TestResult } from '../../events/index.js';
import type { ReportParser } from '../types.js';
import { MalformedReportError } from '../errors.js';
import { DiagnosticIds } from '../results/ids.js';
import { RerunMerger } from '../results/reruns.js';
import { readLines } from '../input/lines.js';
import { OutputAttributor } from '../go-text/attribute.js';
import { packageResults, type GoConvertContext } from '../go-text/convert.js';
import { buildPackage } from '../go-text/lines.js';
import { GoTextMachine, noteResultLine } from '../go-text/machine.js';
import { newPackage, pushLine, restartTest, testOf, type GoPackage } from '../go-text/model.js';
import { PackageDirs } from '../go-text/package-dirs.js';
import { goEventSchema, type GoEvent } from './event.js';

/**
 * `go test -json`, streamed line by line. Handles what real streams do: non-JSON lines mixed in (go
 * 1.19 prints build errors as text; tests print to stdout), missing pass/fail events (a panic), output
 * attributed to the wrong test, and build failures (text, or build-output events in newer go).
 */
export const goJson: ReportParser = {
  format: 'go-json',
  sniff(head) {
    const lines = head.split('\n', 200).filter((l) => l.trim() !== '');
    const events = lines.filter((l) => /^\s*\{.*"Action"\s*:\s*"(run|output|pass|fail|skip|start|pause|cont|bench|build-output|build-fail)"/.test(l)).length;
    if (events === 0) return 0;
    return events >= Math.min(3, lines.length) ? 0.95 : 0.6;
  },
  async *parse(input, opts) {
    const run = new GoJsonRun({ opts, dirs: new PackageDirs(opts.goModule), ids: new DiagnosticIds() });
    const reruns = new RerunMerger();
    for await (const line of readLines(input)) for (const r of run.line(line.text)) yield* reruns.add(r);
    for (const r of run.end()) yield* reruns.add(r);
    yield* reruns.end();
    if (!run.recognised) throw new MalformedReportError(opts.displayName, 'no go test -json events found', { hint: 'Expected lines like {"Action":"run","Package":"...","Test":"TestX"} from `go test -json`.' });
  },
};

class GoJsonRun {
  #packages = new Map<string, { pkg: GoPackage; attr: OutputAttributor }>();
  #builds = new Map<string, string[]>();
  #text = new GoTextMachine();
  #events = 0;

  constructor(private readonly ctx: GoConvertContext) {}

  get recognised(): boolean {
    return this.#events > 0 || this.#text.recognised;
  }

  *line(text: string): Generator<TestResult> {
    const ev = text.trimStart().startsWith('{') ? this.#event(text) : undefined;
    if (!ev) {
      for (const pkg of this.#text.feed(text)) yield* packageResults(pkg, this.ctx);
      return;
    }
    this.#events++;
    yield* this.#handle(ev);
  }

  #event(text: string): GoEvent | undefined {
    try {
      const parsed = goEventSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined; // a test's own stdout that happens to start with "{"
    }
  }

  *#handle(ev: GoEvent): Generator<TestResult> {
    if (ev.Action === 'build-output' || ev.Action === 'build-fail') {
      const key = buildPackage(ev.ImportPath ?? '');
      const lines = this.#builds.get(key) ?? [];
      this.#builds.set(key, lines);
      if (ev.Output) for (const l of ev.Output.replace(/\n$/, '').split('\n')) lines.push(l);
      return;
    }
    const key = ev.Package ?? '';
    let entry = this.#packages.get(key);
    if (!entry) {
      entry = { pkg: newPackage(ev.Package ?? undefined), attr: new OutputAttributor() };
      this.#packages.set(key, entry);
    }
    const { pkg, attr } = entry;
    const test = ev.Test ?? undefined;
    switch (ev.Action) {
      case 'run':
        if (test) restartTest(pkg, test);
        return;
      case 'output':
      case 'bench':
        for (const l of (ev.Output ?? '').replace(/\n$/, '').split('\n')) {
          noteResultLine(pkg, l);
          const owner = attr.owner(l, test);
          pushLine(owner ? testOf(pkg, owner).output : pkg.output, l);
        }
        return;
      case 'pass':
      case 'fail':
      case 'skip':
        if (test) {
          const t = testOf(pkg, test);
          t.status = ev.Action;
          if (typeof ev.Elapsed === 'number') t.elapsedMs = Math.max(0, Math.round(ev.Elapsed * 1e6) / 1e3);
          return;
        }
        pkg.status = ev.Action;
        if (ev.FailedBuild) {
          const b = buildPackage(ev.FailedBuild);
          pkg.buildFailed = true;
          pkg.buildOutput = this.#builds.get(b) ?? this.#builds.get(key) ?? [];
          this.#builds.delete(b);
        }
        this.#packages.delete(key);
        yield* packageResults(pkg, this.ctx);
        return;
      default:
        return; // start, pause, cont: nothing to record
    }
  }

  /** Packages the stream never finished: their open tests are reported as cut off. */
  *end(): Generator<TestResult> {
    for (const { pkg } of this.#packages.values()) yield* packageResults(pkg, { ...this.ctx, truncated: true });
    this.#packages.clear();
    for (const pkg of this.#text.end()) yield* packageResults(pkg, this.ctx);
    for (const [importPath, lines] of this.#builds) {
      const p = newPackage(importPath);
      p.status = 'fail';
      p.buildFailed = true;
      p.buildOutput = lines;
      yield* packageResults(p, this.ctx);
    }
  }
}
