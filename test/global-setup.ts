import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Compiles src/ to dist/ so e2e tests exercise the real `suture` binary. Type errors do not stop the
 * emit (tsc still writes JS); `npm test` runs the strict typecheck separately before vitest.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const r = spawnSync(process.execPath, ['node_modules/typescript7/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`[global-setup] tsc reported errors (JS still emitted):\n${(r.stdout + r.stderr).slice(0, 4000)}\n`);
}
