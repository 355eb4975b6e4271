// `npm run demo`: heals the bundled broken example with no API key and no network.
// Copies examples/broken-invoice to a temporary git repository (node_modules linked from suture's
// own), runs `suture heal --apply` on it with live progress, shows the resulting diff, cleans up.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = path.join(ROOT, 'examples', 'broken-invoice');
const env = { ...process.env, GIT_AUTHOR_NAME: 'suture demo', GIT_AUTHOR_EMAIL: 'demo@example.com', GIT_COMMITTER_NAME: 'suture demo', GIT_COMMITTER_EMAIL: 'demo@example.com' };

if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
  process.stdout.write('building suture (npm run build)...\n');
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

const repo = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'suture-demo-')));
try {
  cpSync(EXAMPLE, repo, { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'broken invoice example');

  process.stdout.write(`\n$ cd ${repo}\n$ suture heal --apply\n\n`);
  const heal = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'suture.js'), 'heal', '--apply'], { cwd: repo, env, stdio: 'inherit' });

  process.stdout.write(`\n$ ls .suture\n${git('ls-files', '--others', '--ignored', '--exclude-standard', '--', '.suture').trim() || '(none)'}\n`);
  // Fixes below the confidence threshold (or that the guard wants reviewed) are verified proposals:
  // here the demo plays the reviewer and applies them, as a person would after reading the report.
  const proposals = path.join(repo, '.suture', 'patches', 'proposed.patch');
  if (existsSync(proposals)) {
    process.stdout.write('\n# a reviewer reads .suture/heal-report.md and accepts the verified proposals:\n$ git apply .suture/patches/proposed.patch\n');
    git('apply', proposals);
  }
  process.stdout.write('\n$ git diff\n');
  process.stdout.write(git('--no-pager', 'diff', '--', 'src') || '(no changes)\n');
  process.stdout.write('\n$ npx vitest run && npx tsc --noEmit\n');
  const tests = spawnSync('sh', ['-c', './node_modules/.bin/vitest run && ./node_modules/.bin/tsc --noEmit && echo "all green"'], { cwd: repo, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8' });
  process.stdout.write(`${tests.stdout.split('\n').filter((l) => /Test Files|Tests |all green|error/.test(l)).join('\n')}\n`);
  process.exitCode = tests.status === 0 ? 0 : heal.status ?? 1;
} finally {
  if (!process.env.SUTURE_DEMO_KEEP) rmSync(repo, { recursive: true, force: true });
}
