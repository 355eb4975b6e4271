/**
 * Test helper (the ingest tests use it). The fixture reports hold the absolute paths of the checkout
 * that made them (/work/main). Most parsers only do string arithmetic with those, but JavaScript
 * reports that do not name a test's file are placed by reading the fixture project's test files, which
 * must exist where the report's paths point. On another checkout a copy of the report with the paths
 * rewritten to this checkout is read instead.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the reports were generated (see each generate.sh). */
export const MADE_IN = '/work/main/test/fixtures/reports/';
export const REPORTS = fileURLToPath(new URL('../../../test/fixtures/reports/', import.meta.url));

let copies: string | undefined;

/** A fixture report (`jest/junit.xml`) and its project (`jest/project`) as this checkout has them. */
export function fixtureReport(rel: string, project: string): { file: string; repoRoot: string } {
  const repoRoot = path.join(REPORTS, project);
  if (REPORTS === MADE_IN) return { file: path.join(REPORTS, rel), repoRoot };
  if (copies === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'suture-fixture-reports-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    copies = dir;
  }
  const file = path.join(copies, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, readFileSync(path.join(REPORTS, rel), 'utf8').replaceAll(MADE_IN, REPORTS));
  return { file, repoRoot };
}
