import { BENCH_RESULT, BUILD_HEADER, RESULT_LINE, STATE_LINE, SUMMARY_LINE, buildPackage } from './lines.js';
import { newPackage, pushLine, restartTest, testOf, type GoPackage } from './model.js';
import { OutputAttributor } from './attribute.js';

const STATUS = { PASS: 'pass', FAIL: 'fail', SKIP: 'skip' } as const;

/** Records a `--- PASS/FAIL/SKIP:` line as the named test's result unless a JSON action already gave one. */
export function noteResultLine(pkg: GoPackage, line: string): void {
  const m = RESULT_LINE.exec(line);
  if (m) {
    const t = testOf(pkg, m.groups!.name!);
    t.status ??= STATUS[m.groups!.status as keyof typeof STATUS];
    if (m.groups!.secs !== undefined) t.elapsedMs ??= Math.max(0, Number(m.groups!.secs) * 1000);
    return;
  }
  const b = BENCH_RESULT.exec(line);
  if (b) testOf(pkg, b.groups!.name!).status ??= 'pass';
}

/**
 * `go test -v` text, line by line. Packages print their tests first and their name last
 * ("ok  \tpkg\t0.1s"), so a package's tests are held until that line and then released together.
 * Compiler errors ("# pkg" blocks) are kept until "FAIL pkg [build failed]" names their package.
 */
export class GoTextMachine {
  #pkg: GoPackage = newPackage(undefined);
  #attr = new OutputAttributor();
  #buildBlock: string[] | undefined;
  #builds = new Map<string, string[]>();
  #sawGo = false;

  /** True once any line looked like go test output. */
  get recognised(): boolean {
    return this.#sawGo;
  }

  feed(line: string): GoPackage[] {
    const header = BUILD_HEADER.exec(line);
    if (header) {
      this.#sawGo = true;
      // "# pkg_test [pkg.test]": the bracket names the test binary, i.e. the package go test reports.
      const pkg = buildPackage(header.groups!.test ?? header.groups!.pkg!);
      this.#buildBlock = this.#builds.get(pkg) ?? [];
      this.#builds.set(pkg, this.#buildBlock);
      this.#buildBlock.push(line);
      return [];
    }
    const summary = SUMMARY_LINE.exec(line);
    if (this.#buildBlock && !summary && !STATE_LINE.test(line) && !RESULT_LINE.test(line)) {
      this.#buildBlock.push(line);
      return [];
    }
    this.#buildBlock = undefined;
    if (summary) return this.#summary(summary.groups!.status!, summary.groups!.pkg!, summary.groups!.why);
    if (STATE_LINE.test(line) || RESULT_LINE.test(line)) this.#sawGo = true;
    const run = STATE_LINE.exec(line);
    if (run?.groups!.what === 'RUN') restartTest(this.#pkg, run.groups!.name!);
    const owner = this.#attr.owner(line, undefined);
    noteResultLine(this.#pkg, line);
    if (/^(PASS|FAIL)\s*$/.test(line)) this.#pkg.status = line.trim() === 'PASS' ? 'pass' : 'fail';
    if (owner !== undefined) pushLine(testOf(this.#pkg, owner).output, line);
    else pushLine(this.#pkg.output, line);
    return [];
  }

  #summary(status: string, importPath: string, why: string | undefined): GoPackage[] {
    this.#sawGo = true;
    if (status === '?') return [];
    if (why && /build failed|setup failed/.test(why)) {
      const p = newPackage(importPath);
      p.status = 'fail';
      p.buildFailed = true;
      p.buildOutput = this.#builds.get(importPath) ?? [];
      if (!p.buildOutput.length) p.buildOutput = [`${why}`];
      this.#builds.delete(importPath);
      return [p];
    }
    const done = this.#pkg;
    done.importPath = importPath;
    done.status = status === 'ok' ? 'pass' : 'fail';
    done.output.push(`${status}\t${importPath}`);
    this.#pkg = newPackage(undefined);
    this.#attr.reset();
    return [done];
  }

  /** Build errors whose package never got a FAIL line; then the last package if it never named itself. */
  end(): GoPackage[] {
    const out: GoPackage[] = [];
    for (const [importPath, lines] of this.#builds) {
      const p = newPackage(importPath);
      p.status = 'fail';
      p.buildFailed = true;
      p.buildOutput = lines;
      out.push(p);
    }
    this.#builds.clear();
    // A test binary run directly prints no package line; the overall "FAIL" of `go test ./...` alone is no package.
    if (this.#pkg.tests.size || this.#pkg.output.some((l) => !/^(PASS|FAIL|exit status \d+)?\s*$/.test(l))) out.push(this.#pkg);
    this.#pkg = newPackage(undefined);
    return out;
  }
}
