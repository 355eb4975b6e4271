import type { ReportParser } from './types.js';

/** Every report format suture reads, registered in one list (a conformance test walks it). */
export const parsers: ReportParser[] = [];
