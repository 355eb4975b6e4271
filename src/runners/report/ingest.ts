import type { EventKind, TestResult } from '../../events/index.js';

/** The ingest stage's facade (src/ingest/index.ts), as the runners use it. */
interface IngestFacade {
  parseReport(
    pathOrStream: string | NodeJS.ReadableStream,
    opts: { repoRoot: string; format?: string; package?: string; displayName?: string },
  ): AsyncIterable<TestResult>;
  extractBuildLog(text: string, opts: { repoRoot: string; tool?: string; kind?: EventKind; package?: string }): TestResult[] | Promise<TestResult[]>;
}

let facade: Promise<IngestFacade> | undefined;

// Loaded lazily: detection and `suture detect` never need the parsers.
function load(): Promise<IngestFacade> {
  const spec = '../../ingest/index.js';
  facade ??= import(spec) as Promise<IngestFacade>;
  return facade;
}

export async function* parseReport(file: string, opts: { repoRoot: string; format?: string; package?: string }): AsyncGenerator<TestResult> {
  const f = await load();
  yield* f.parseReport(file, { ...opts, displayName: file });
}

export async function extractBuildLog(text: string, opts: { repoRoot: string; tool?: string; kind?: EventKind; package?: string }): Promise<TestResult[]> {
  const f = await load();
  return await f.extractBuildLog(text, opts);
}
