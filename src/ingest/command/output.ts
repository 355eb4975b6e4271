import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import { EnvironmentError } from '../../errors.js';

/** Where the NDJSON goes: stdout, or a file that only appears (complete) when the run finishes. */
export interface EventSink {
  stream: Writable;
  /** Makes the output final (renames the temp file into place). */
  commit(): Promise<void>;
  /** Throws the output away (the temp file is removed; the target is left as it was). */
  abort(): Promise<void>;
}

export function stdoutSink(): EventSink {
  return { stream: process.stdout, commit: async () => {}, abort: async () => {} };
}

/** Writes to a temp file beside `target` and renames it over the target on commit: never a partial file. */
export async function fileSink(target: string): Promise<EventSink> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const stream: WriteStream = createWriteStream(tmp, { flags: 'wx' });
  try {
    await once(stream, 'open');
  } catch (err) {
    throw new EnvironmentError(`cannot write ${target}: ${(err as Error).message}`, { code: 'E_OUT_UNWRITABLE', hint: 'Check that the directory exists and is writable.', cause: err });
  }
  const close = async (): Promise<void> => {
    if (stream.closed) return;
    stream.end();
    await once(stream, 'close');
  };
  return {
    stream,
    async commit() {
      await close();
      await rename(tmp, target);
    },
    async abort() {
      await close().catch(() => {});
      await unlink(tmp).catch(() => {});
    },
  };
}
