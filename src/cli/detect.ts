import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { assertDirectory, detectPlan } from '../runners/index.js';
import { formatPlan } from '../runners/present/plan-text.js';
import type { RegisterCommand } from './types.js';

export const registerDetect: RegisterCommand = (program) => {
  program
    .command('detect')
    .description('show what suture would run here: packages, test frameworks, checks, commands, and why')
    .argument('[dir]', 'repository root', '.')
    .option('--json', 'print the TestPlan as JSON')
    .action(async (dir: string, flags: { json?: boolean }) => {
      const root = path.resolve(dir);
      assertDirectory(root);
      const plan = await detectPlan(root, await loadConfig(root));
      process.stdout.write(flags.json ? `${JSON.stringify(plan, null, 2)}\n` : formatPlan(plan));
    });
};
