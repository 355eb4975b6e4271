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

  process.stdout.write('\n$ git diff\n');
  process.stdout.write(git('--no-pager', 'diff', '--', 'src') || '(no changes)\n');
  process.stdout.write(`\n$ ls .suture\n${git('ls-files', '--others', '--ignored', '--exclude-standard', '--', '.suture').trim() || '(none)'}\n`);
  process.exitCode = heal.status ?? 1;
} finally {
  if (!process.env.SUTURE_DEMO_KEEP) rmSync(repo, { recursive: true, force: true });
}
