import type { Template } from '../lib.js';
import { goTemplates } from './go.js';
import { javascriptTemplates, jsHarnessTemplates, nodeTemplates } from './javascript.js';
import { jsToolTemplates } from './js-tools.js';
import { jvmTemplates } from './jvm-c.js';
import { pythonTemplates } from './python.js';
import { pythonToolTemplates } from './python-tools.js';
import { rustTemplates } from './rust.js';
import { shellTemplates } from './shell.js';
import { typescriptTemplates } from './typescript.js';

/** Every template, in the order examples are written. */
export const templates: Template[] = [
  ...pythonTemplates,
  ...pythonToolTemplates,
  ...javascriptTemplates,
  ...nodeTemplates,
  ...jsHarnessTemplates,
  ...typescriptTemplates,
  ...jsToolTemplates,
  ...goTemplates,
  ...rustTemplates,
  ...jvmTemplates,
  ...shellTemplates,
];
