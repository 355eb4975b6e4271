import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError } from '../errors.js';
import { configSchema, type SutureConfig } from './schema.js';

export const CONFIG_FILE = 'suture.yml';

/** Loads `suture.yml` from `root`; a missing file means all defaults. Errors name the file and line. */
export async function loadConfig(root: string, file = path.join(root, CONFIG_FILE)): Promise<SutureConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return configSchema.parse({});
    throw new ConfigError(`cannot read ${file}: ${(err as Error).message}`, { code: 'E_CONFIG_READ', cause: err });
  }
  return parseConfig(text, file);
}

export function parseConfig(text: string, file: string): SutureConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    throw new ConfigError(`${file}:${pos.line}:${pos.col}: invalid YAML: ${e.message.split('\n')[0]}`, {
      code: 'E_CONFIG_YAML',
      hint: 'Fix the YAML syntax; editors that read schema/suture.schema.json can check it as you type.',
    });
  }
  const result = configSchema.safeParse(doc.toJS() ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
  const where = node?.range ? `:${lineCounter.linePos(node.range[0]).line}` : '';
  throw new ConfigError(`${file}${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, {
    code: 'E_CONFIG_INVALID',
    hint: 'See schema/suture.schema.json or the README\'s configuration section.',
  });
}
