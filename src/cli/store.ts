import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { EnvironmentError, InputError, UsageError } from '../errors.js';
import { NdjsonWriter, readLines } from '../events/ndjson.js';
import { isoBefore, storeExists, withStore, type ExportRow, type OpenStoreOptions } from '../store/index.js';
import { checkExportRow } from '../store/ops/transfer.js';
import type { RegisterCommand } from './types.js';

const rootOf = async (dir: string): Promise<OpenStoreOptions> => {
  const root = path.resolve(dir);
  return { root, config: await loadConfig(root) };
};

/** For commands that read or change existing history: a missing SQLite file is an error, not created. */
async function existing(dir: string): Promise<OpenStoreOptions> {
  const opts = await rootOf(dir);
  const where = storeExists(opts);
  if (!where.exists) {
    throw new EnvironmentError(`there is no store at ${where.location}`, {
      code: 'E_STORE_MISSING',
      hint: 'Run the command in the repository that holds .suture/, pass its directory, or set store.path in suture.yml.',
    });
  }
  return opts;
}

export const registerStore: RegisterCommand = (program) => {
  const store = program
    .command('store')
    .description('inspect and move the history store: info, prune, export, import');
  registerInfo(store);
  registerPrune(store);
  registerExport(store);
  registerImport(store);
};

function registerInfo(store: Command): void {
  store
    .command('info')
    .description('adapter, location (passwords redacted), schema version and row counts')
    .argument('[dir]', 'repository root', '.')
    .option('--json', 'print as JSON')
    .action(async (dir: string, flags: { json?: boolean }) => {
      const opts = await rootOf(dir);
      const where = storeExists(opts);
      if (!where.exists) {
        const info = { kind: where.kind, location: where.location, created: false };
        process.stdout.write(flags.json ? `${JSON.stringify(info, null, 2)}\n` : `adapter         ${where.kind}\nlocation        ${where.location} (not created yet)\n`);
        return;
      }
      await withStore(opts, async (s) => {
        const info = await s.info();
        if (flags.json) return void process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
        const total = Object.values(info.rows).reduce((a, b) => a + b, 0);
        process.stdout.write(
          `adapter         ${info.kind}\nlocation        ${info.location}\nschema version  ${info.schemaVersion} (this suture: ${info.latestVersion})\n` +
            `rows            ${total}\n` +
            Object.entries(info.rows).map(([t, n]) => `  ${t.padEnd(18)} ${String(n).padStart(10)}\n`).join(''),
        );
      });
    });
}

function registerPrune(store: Command): void {
  store
    .command('prune')
    .description('delete history older than a duration (playbooks, approvals and breaker state are kept)')
    .requiredOption('--older-than <duration>', 'e.g. 90d, 12w')
    .argument('[dir]', 'repository root', '.')
    .action(async (dir: string, flags: { olderThan: string }) => {
      const cutoff = isoBefore(flags.olderThan, Date.now(), '--older-than');
      await withStore(await existing(dir), async (s) => {
        const n = await s.prune(cutoff);
        process.stdout.write(`deleted ${n} rows older than ${cutoff} (${flags.olderThan}) from ${s.location}\n`);
      });
    });
}

function registerExport(store: Command): void {
  store
    .command('export')
    .description('write every row as NDJSON (to move history, e.g. from SQLite to PostgreSQL)')
    .argument('[dir]', 'repository root', '.')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--force', 'overwrite --out if it exists')
    .action(async (dir: string, flags: { out?: string; force?: boolean }) => {
      const out = flags.out ? path.resolve(flags.out) : undefined;
      if (out && existsSync(out) && !flags.force) {
        throw new UsageError(`${out} already exists`, { code: 'E_OUTPUT_EXISTS', hint: 'Choose another --out file or pass --force to replace it.' });
      }
      await withStore(await existing(dir), async (s) => {
        if (!out) return void (await new NdjsonWriter(process.stdout).writeAll(s.exportRows()));
        // Written beside the target and renamed at the end: a failed export never leaves half a file.
        const tmp = `${out}.${process.pid}.tmp`;
        const stream = createWriteStream(tmp);
        const writer = new NdjsonWriter(stream);
        try {
          await writer.writeAll(s.exportRows());
          stream.end();
          await finished(stream);
          renameSync(tmp, out);
        } catch (err) {
          stream.destroy();
          rmSync(tmp, { force: true });
          throw err;
        }
        process.stderr.write(`exported ${writer.count - 1} rows from ${s.location} to ${out}\n`);
      });
    });
}

async function* exportFile(file: string): AsyncGenerator<ExportRow> {
  const input = createReadStream(file);
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', reject);
  });
  try {
    await opened;
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as Error).message}`, { code: 'E_INPUT_READ', hint: "Pass a file written by 'suture store export'." });
  }
  for await (const { line, lineNo } of readLines(input, { source: file })) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new InputError(`${file}:${lineNo}: not valid JSON (${(err as Error).message})`, {
        code: 'E_STORE_IMPORT',
        hint: "Import only files written by 'suture store export' (one JSON object per line).",
      });
    }
    checkExportRow(value, `${file}:${lineNo}`);
    yield value as ExportRow;
  }
}

function registerImport(store: Command): void {
  store
    .command('import')
    .description('load an NDJSON export into this store (rows already present are skipped, so it can be re-run)')
    .argument('<file>', "a file written by 'suture store export'")
    .argument('[dir]', 'repository root', '.')
    .action(async (file: string, dir: string) => {
      const abs = path.resolve(file);
      await withStore(await rootOf(dir), async (s) => {
        const n = await s.importRows(exportFile(abs));
        process.stdout.write(`imported ${n} new rows from ${abs} into ${s.kind} ${s.location}\n`);
      });
    });
}
