import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Compiles src/ to dist/ so e2e tests exercise the real `suture` binary. Type errors do not stop the
 * emit (tsc still writes JS); `npm test` runs the strict typecheck separately before vitest.
 *
 * The build goes to a scratch directory first and only changed files are moved into dist/, each by an
 * atomic rename: another test run spawning the CLI at the same moment never reads a half-written file.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const scratch = mkdtempSync(path.join(tmpdir(), 'suture-dist-'));
  try {
    const r = spawnSync(process.execPath, ['node_modules/typescript7/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', scratch], {
      cwd: root,
      encoding: 'utf8',
    });
    if (r.status !== 0) process.stderr.write(`[global-setup] tsc reported errors (JS still emitted):\n${(r.stdout + r.stderr).slice(0, 4000)}\n`);
    syncInto(scratch, path.join(root, 'dist'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function syncInto(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      syncInto(src, dst);
      continue;
    }
    const next = readFileSync(src);
    if (existsSync(dst) && readFileSync(dst).equals(next)) continue;
    const tmp = `${dst}.${process.pid}.tmp`;
    writeFileSync(tmp, next);
    renameSync(tmp, dst);
  }
}
