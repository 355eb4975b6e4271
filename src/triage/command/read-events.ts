import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError } from '../../errors.js';
import { readEvents, type FailureEvent } from '../../events/index.js';

/** Reads failure events from an NDJSON file or stdin ("-"); errors name the file and line. */
export async function readEventFile(input: string, stdin: NodeJS.ReadableStream): Promise<FailureEvent[]> {
  const source = input === '-' ? 'stdin' : input;
  const stream = (input === '-' ? stdin : createReadStream(input)) as Readable;
  const opened = new Promise<void>((resolve, reject) => {
    if (input === '-') return resolve();
    stream.once('open', () => resolve());
    stream.once('error', (e: NodeJS.ErrnoException) =>
      reject(new InputError(`cannot read ${input}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`, { code: 'E_INPUT_READ', hint: 'Pass an NDJSON file of failure events (from `suture ingest`) or - for stdin.' })),
    );
  });
  await opened;
  const out: FailureEvent[] = [];
  for await (const ev of readEvents(stream, { source })) out.push(ev);
  return out;
}
