import type { TestResult } from '../../events/index.js';
import type { ParseOptions } from '../types.js';
import { reportErrorFor } from './errors.js';
import { XmlFault } from './fault.js';
import { Locator } from './locator.js';
import { NameTable, nameKey } from './names.js';
import { utf8Chunks } from './prolog.js';
import { BatchedResults, type Batch } from './result-stream.js';
import { XmlScanner, type ScanHandler } from './scanner.js';
import type { Tag } from './tag.js';

export type XmlParseOptions = ParseOptions & { displayName: string };

/** A report format's event handler: turns scanner calls into TestResults, queued in `out`. */
export interface XmlReportHandler extends ScanHandler {
  readonly names: NameTable;
  /** Results ready to hand out; the driver takes them after every chunk. */
  out: TestResult[];
  /** The document ended well: flush anything held back and report the stated totals. */
  finish(): void;
  /** The document broke: flush what was complete, so it is yielded before the error. */
  abort(): void;
}

/** Builds the handler for a root element, or returns undefined when the root is not its format. */
export type HandlerFactory = (root: string, scanner: XmlScanner, opts: XmlParseOptions) => XmlReportHandler | undefined;

/**
 * Streams an XML report through the scanner and the handler its root element selects, handing out
 * every TestResult as soon as the chunk that completed it has been scanned. On a broken document it
 * hands out everything complete before the break, then throws a ReportParseError naming
 * file:line:column.
 */
export function parseXmlReport(input: NodeJS.ReadableStream, opts: XmlParseOptions, factories: readonly HandlerFactory[]): AsyncGenerator<TestResult, void, undefined> {
  const locator = new Locator(opts.sourcePath ?? filePathOf(input));
  const root = new RootPicker(factories, opts);
  const scanner = new XmlScanner(root, ROOT_NAMES);
  root.scanner = scanner;
  const chunks = utf8Chunks(input as AsyncIterable<Buffer>, () => locator.countStream());

  const take = (): TestResult[] => {
    const handler = root.chosen;
    if (handler === undefined || handler.out.length === 0) return [];
    const ready = handler.out;
    handler.out = [];
    return ready;
  };

  const broke = async (err: unknown): Promise<Batch<TestResult>> => {
    root.chosen?.abort();
    const items = take();
    // A read error (missing file, EISDIR) passes through as it is, after the results before it.
    if (!(err instanceof XmlFault)) return { items, error: err };
    return { items, error: reportErrorFor(opts.displayName, err, await locator.position(err.offset)) };
  };

  const produce = async (): Promise<Batch<TestResult>> => {
    for (;;) {
      let step: IteratorResult<Buffer>;
      try {
        step = await chunks.next();
      } catch (err) {
        return broke(err);
      }
      try {
        if (step.done) {
          scanner.end();
          root.chosen!.finish();
          return { items: take(), end: true };
        }
        if (scanner.bytesReceived === 0 && step.value[0] === 0xef && step.value[1] === 0xbb && step.value[2] === 0xbf) locator.sawBom();
        if (locator.counting) locator.feed(step.value);
        scanner.write(step.value);
      } catch (err) {
        return broke(err);
      }
      const items = take();
      if (items.length !== 0) return { items };
    }
  };

  return new BatchedResults(produce, async () => {
    await chunks.return(undefined);
  });
}

const ROOT_NAMES = new NameTable([]);

/** Stands in as the scanner's handler until the root element names the format. */
class RootPicker implements ScanHandler {
  scanner!: XmlScanner;
  chosen: XmlReportHandler | undefined;

  constructor(
    private readonly factories: readonly HandlerFactory[],
    private readonly opts: XmlParseOptions,
  ) {}

  onOpen(tag: Tag): void {
    const name = tag.name();
    const local = name.slice(name.indexOf(':') + 1);
    for (const make of this.factories) {
      const handler = make(local, this.scanner, this.opts);
      if (handler === undefined) continue;
      this.chosen = handler;
      this.scanner.handler = handler;
      this.scanner.names = handler.names;
      tag.nameId = handler.names.lookup(tag.buf, tag.nameStart + name.length - local.length, tag.nameEnd, nameKey(local).hash);
      handler.onOpen(tag);
      return;
    }
    throw new XmlFault('E_REPORT_NOT_TEST_REPORT', tag.offset, `the root element <${name}> is not a test report suture reads`);
  }

  onClose(): void {}
  onText(): void {}
}

/** The file behind an fs.ReadStream opened from its start (used to find line numbers on error). */
function filePathOf(input: NodeJS.ReadableStream): string | undefined {
  const s = input as { path?: unknown; start?: unknown };
  if (typeof s.path === 'string' && (s.start === undefined || s.start === 0)) return s.path;
  return undefined;
}
