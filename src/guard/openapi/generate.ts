import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { childEnv } from '../../secrets/env.js';

/** Runs the project's spec generator in `root` and returns what it wrote (stdout or the output file). */
export function generateSpec(root: string, command: string, output: string | undefined, timeoutSeconds: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd: root, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      if (signal) return reject(new Error(`spec generator \`${command}\` was stopped after ${timeoutSeconds}s`));
      if (code !== 0) return reject(new Error(`spec generator \`${command}\` exited ${code}: ${Buffer.concat(err).toString('utf8').trim().split('\n').pop() ?? ''}`));
      try {
        resolve(output ? await readFile(path.resolve(root, output), 'utf8') : Buffer.concat(out).toString('utf8'));
      } catch (e) {
        reject(new Error(`spec generator did not write ${output}: ${(e as Error).message}`));
      }
    });
  });
}
