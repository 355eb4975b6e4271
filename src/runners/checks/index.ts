import type { CheckDetector } from '../types.js';
import { cargoChecks } from './cargo.js';
import { goChecks } from './go.js';
import { nodeChecks } from './node.js';
import { pythonChecks } from './python.js';

/** Every check detector, registered in one list. */
export const checkDetectors: CheckDetector[] = [nodeChecks, pythonChecks, goChecks, cargoChecks];
