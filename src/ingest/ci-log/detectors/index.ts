import type { Detector } from '../types.js';
import { buildLogDetectors } from './buildlog.js';
import { goDetector, rustDetector } from './go-rust.js';
import { jestDetector, mochaDetector, nodeTestDetector, vitestDetector } from './js-tests.js';
import { cDetector, jvmDetector } from './jvm-c.js';
import { pythonMiscDetector, pytestDetector, unittestDetector } from './py-tests.js';
import { awsDetector, coverageDetector, eslintCrashDetector, docsDetector, dockerDetector, formatDetector, gitDetector, nodeErrorDetector, pipDetector, shellDetector, yarnPnpmDetector } from './tools.js';

/**
 * Every CI-log detector, registered in one list. Order is priority: a detector's blocks are claimed
 * first, so a later, more generic detector does not report the same lines again (a Python traceback
 * inside a unittest block is the unittest failure, not a second error).
 */
export const detectors: Detector[] = [
  jestDetector,
  vitestDetector,
  mochaDetector,
  nodeTestDetector,
  pytestDetector,
  unittestDetector,
  goDetector,
  rustDetector,
  jvmDetector,
  ...buildLogDetectors,
  pythonMiscDetector,
  coverageDetector,
  pipDetector,
  yarnPnpmDetector,
  dockerDetector,
  awsDetector,
  gitDetector,
  cDetector,
  docsDetector,
  formatDetector,
  eslintCrashDetector,
  nodeErrorDetector,
  shellDetector,
];
