import path from 'node:path';
import type { PlannedSuite } from '../../events/index.js';
import type { PackageInfo } from '../detect/package-info.js';
import { resolveOnPath } from '../exec/bin.js';
import { displayCommand } from '../exec/display.js';
import type { Invocation, Runner, SuiteContext, TestRef } from '../types.js';

type Build = 'maven' | 'gradle';

function detect(pkg: PackageInfo): PlannedSuite | null {
  if (pkg.has('pom.xml')) {
    const wrapper = pkg.has('mvnw');
    return { runner: 'surefire', detectedBy: `pom.xml present${wrapper ? ' (Maven wrapper)' : ''}`, command: `${wrapper ? './mvnw' : 'mvn'} -B test`, options: { build: 'maven', wrapper } };
  }
  const gradleFile = pkg.first(['build.gradle.kts', 'build.gradle', 'settings.gradle.kts', 'settings.gradle']);
  if (gradleFile) {
    const wrapper = pkg.has('gradlew');
    return { runner: 'surefire', detectedBy: `${gradleFile} present${wrapper ? ' (Gradle wrapper)' : ''}`, command: `${wrapper ? './gradlew' : 'gradle'} test --continue`, options: { build: 'gradle', wrapper } };
  }
  return null;
}

const build = (ctx: SuiteContext): Build => (ctx.suite.options?.build === 'gradle' ? 'gradle' : 'maven');
function bin(ctx: SuiteContext): string {
  const b = build(ctx);
  if (ctx.suite.options?.wrapper) return path.join(ctx.pkgAbs, b === 'maven' ? 'mvnw' : 'gradlew');
  const name = b === 'maven' ? 'mvn' : 'gradle';
  return resolveOnPath(name) ?? name;
}

/** Where the builds already write their JUnit XML (every module of a multi-module build). */
const REPORTS = { maven: '**/target/surefire-reports/TEST-*.xml', gradle: '**/build/test-results/**/TEST-*.xml' } as const;

/** JUnit 5 display names carry parameters ("adds(int)[1]"); the filters take the method name. */
const method = (t: TestRef) => (t.name ?? '').replace(/[([].*$/, '');
const testClass = (t: TestRef) => t.suite ?? '';

/** -Dtest=Class#m1+m2,Other#m3 (Surefire's own filter syntax). */
export function surefireFilter(tests: TestRef[]): string {
  const byClass = new Map<string, Set<string>>();
  for (const t of tests) {
    const set = byClass.get(testClass(t)) ?? new Set<string>();
    set.add(method(t));
    byClass.set(testClass(t), set);
  }
  return [...byClass].map(([cls, ms]) => `${cls}#${[...ms].join('+')}`).join(',');
}

function invocation(ctx: SuiteContext, filter?: TestRef[]): Invocation {
  const b = build(ctx);
  const reports = [{ path: REPORTS[b], glob: true }];
  if (b === 'maven') {
    // Surefire re-runs failures itself and writes <flakyFailure>/<rerunFailure>: the report carries the flaky evidence.
    const args = ['-B', '-Dstyle.color=never', 'test', `-Dsurefire.rerunFailingTestsCount=${ctx.flakyReruns}`];
    if (filter) args.push(`-Dtest=${surefireFilter(filter)}`, '-Dsurefire.failIfNoSpecifiedTests=false', '-DfailIfNoTests=false');
    return { argv: [bin(ctx), ...args], cwd: ctx.pkgAbs, reports, tool: 'mvn', installHint: 'install Maven (apt-get install maven) or add the Maven wrapper' };
  }
  const args = ['test', '--continue', '--console=plain'];
  for (const t of filter ?? []) args.push('--tests', `${testClass(t)}.${method(t)}`);
  return { argv: [bin(ctx), ...args], cwd: ctx.pkgAbs, reports, tool: 'gradle', installHint: 'install Gradle or add the Gradle wrapper' };
}

/**
 * Maven and Gradle: the build runs the tests and suture reads the Surefire/JUnit XML reports they
 * already write (only files written by this run count, stale ones from earlier builds are ignored).
 */
export const surefire: Runner = {
  id: 'surefire',
  label: 'Maven/Gradle (Surefire/JUnit XML)',
  detect,
  fullRun: (ctx) => invocation(ctx),
  targetedRun: (ctx, tests) => invocation(ctx, tests),
  nativeReruns: (ctx) => build(ctx) === 'maven' && ctx.flakyReruns > 0,
  reproCommand(ctx, test) {
    if (build(ctx) === 'maven') return displayCommand([bin(ctx), '-B', 'test', `-Dtest=${surefireFilter([test])}`, '-Dsurefire.failIfNoSpecifiedTests=false'], ctx.pkgAbs, ctx.root);
    return displayCommand([bin(ctx), 'test', '--tests', `${testClass(test)}.${method(test)}`], ctx.pkgAbs, ctx.root);
  },
};
