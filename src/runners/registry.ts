import type { Runner } from './types.js';
import { bun } from './bun/index.js';
import { cargoRunner } from './cargo/index.js';
import { command } from './command/index.js';
import { goRunner } from './go/index.js';
import { jest } from './jest/index.js';
import { mocha } from './mocha/index.js';
import { nodeTest } from './node-test/index.js';
import { pytest } from './pytest/index.js';
import { surefire } from './surefire/index.js';
import { terraform } from './terraform/index.js';
import { vitest } from './vitest/index.js';

/** Every runner, one per folder of src/runners (the conformance test checks both directions). */
export const runners: Runner[] = [vitest, jest, mocha, nodeTest, bun, pytest, goRunner, cargoRunner, surefire, terraform, command];

export function runnerById(id: string): Runner | undefined {
  return runners.find((r) => r.id === id);
}

/** Runners that share the JavaScript ecosystem: one test script usually picks one of them. */
export const JS_RUNNERS = new Set(['vitest', 'jest', 'mocha', 'node-test', 'bun']);
