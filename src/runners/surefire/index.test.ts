import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PackageInfo } from '../detect/package-info.js';
import type { SuiteContext } from '../types.js';
import { surefire, surefireFilter } from './index.js';

const root = mkdtempSync(path.join(tmpdir(), 'suture-surefire-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function ctx(files: string[]): SuiteContext {
  for (const f of files) writeFileSync(path.join(root, f), '');
  const suite = surefire.detect(new PackageInfo(root, '.'));
  if (!suite || suite instanceof Promise) throw new Error('not detected');
  return { root, pkgDir: '.', pkgAbs: root, suite, reportDir: path.join(root, 'out'), flakyReruns: 2 };
}
const t = (suite: string, name: string) => ({ test_id: `${suite}::${name}`, framework: 'surefire', suite, name });

describe('surefire runner (Maven and Gradle)', () => {
  it('builds Surefire -Dtest filters grouped by class, without JUnit 5 parameter suffixes', () => {
    expect(surefireFilter([t('a.B', 'one'), t('a.B', 'two(int)[1]'), t('a.C', 'three')])).toBe('a.B#one+two,a.C#three');
  });

  it('Maven: full run re-runs failures natively and reads the surefire-reports this run wrote', () => {
    const c = ctx(['pom.xml']);
    expect(c.suite).toMatchObject({ detectedBy: 'pom.xml present', command: 'mvn -B test', options: { build: 'maven' } });
    const inv = surefire.fullRun(c);
    expect(inv.argv.slice(1)).toEqual(['-B', '-Dstyle.color=never', 'test', '-Dsurefire.rerunFailingTestsCount=2']);
    expect(inv.reports).toEqual([{ path: '**/target/surefire-reports/TEST-*.xml', glob: true }]);
    expect(surefire.nativeReruns?.(c)).toBe(true);
    expect(surefire.targetedRun!(c, [t('fx.CalcTest', 'multiplies')])!.argv.slice(5)).toEqual(['-Dtest=fx.CalcTest#multiplies', '-Dsurefire.failIfNoSpecifiedTests=false', '-DfailIfNoTests=false']);
  });

  it('Gradle (wrapper): --tests filters, build/test-results reports, suture re-runs flakes itself', () => {
    rmSync(path.join(root, 'pom.xml'));
    const c = ctx(['build.gradle.kts', 'gradlew']);
    expect(c.suite).toMatchObject({ detectedBy: 'build.gradle.kts present (Gradle wrapper)', command: './gradlew test --continue' });
    const inv = surefire.targetedRun!(c, [t('fx.CalcTest', 'multiplies'), t('fx.CalcTest', 'adds')])!;
    expect(inv.argv).toEqual([path.join(root, 'gradlew'), 'test', '--continue', '--console=plain', '--tests', 'fx.CalcTest.multiplies', '--tests', 'fx.CalcTest.adds']);
    expect(inv.reports[0]!.path).toBe('**/build/test-results/**/TEST-*.xml');
    expect(surefire.nativeReruns?.(c)).toBe(false);
    expect(surefire.reproCommand!(c, t('fx.CalcTest', 'multiplies'))).toBe("./gradlew test --tests fx.CalcTest.multiplies");
  });
});
