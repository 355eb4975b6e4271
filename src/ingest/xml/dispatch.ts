import { JUNIT_ROOTS, JunitHandler } from '../junit/handler.js';
import { NUNIT_ROOTS, NunitHandler } from '../nunit/handler.js';
import { TRX_ROOTS, TrxHandler } from '../trx/handler.js';
import { XUNIT_ROOTS, XunitHandler } from '../xunit/handler.js';
import type { HandlerFactory } from './driver.js';

/**
 * Every XML report family, chosen by root element. All the XML parsers share this list, so whichever
 * one detection or `--format` picked, the file is read by the handler its root calls for.
 */
export const XML_REPORT_FACTORIES: readonly HandlerFactory[] = [
  (root, scanner, opts) => (JUNIT_ROOTS.has(root) ? new JunitHandler(scanner, opts) : undefined),
  (root, scanner, opts) => (TRX_ROOTS.has(root) ? new TrxHandler(scanner, opts) : undefined),
  (root, scanner, opts) => (NUNIT_ROOTS.has(root) ? new NunitHandler(scanner, opts) : undefined),
  (root, scanner, opts) => (XUNIT_ROOTS.has(root) ? new XunitHandler(scanner, opts) : undefined),
];
