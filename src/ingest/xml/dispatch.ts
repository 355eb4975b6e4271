import { JUNIT_ROOTS, JunitHandler } from '../junit/handler.js';
import type { HandlerFactory } from './driver.js';

/**
 * Every XML report family, chosen by root element. All four XML parsers share this list, so whichever
 * one detection or `--format` picked, the file is read by the handler its root calls for.
 */
export const XML_REPORT_FACTORIES: readonly HandlerFactory[] = [(root, scanner, opts) => (JUNIT_ROOTS.has(root) ? new JunitHandler(scanner, opts) : undefined)];
