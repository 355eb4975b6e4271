import type { RegisterCommand } from './types.js';
import { registerIngest } from './ingest.js';
import { registerDetect } from './detect.js';
import { registerRun } from './run.js';
import { registerTriage } from './triage.js';
import { registerHeal } from './heal.js';
import { registerBisect } from './bisect.js';
import { registerGuard } from './guard.js';
import { registerCoverage } from './coverage.js';
import { registerStats } from './stats.js';
import { registerStore } from './store.js';

/** Every command, in the order `suture --help` lists them: the pipeline's order. */
export const commands: RegisterCommand[] = [
  registerDetect,
  registerRun,
  registerIngest,
  registerTriage,
  registerHeal,
  registerBisect,
  registerGuard,
  registerCoverage,
  registerStats,
  registerStore,
];
