import { readFile } from 'node:fs/promises';
import { parse } from 'dotenv';
import { glob } from 'tinyglobby';
import { looksSecretName } from './patterns.js';
import { MIN_SECRET_LENGTH } from './redact.js';

export const DEFAULT_ENV_FILES = ['.env', '.env.*', '**/.env', '**/.env.*', '**/*.env'];
const IGNORE = ['**/node_modules/**', '**/.git/**', '**/.venv/**', '**/venv/**', '**/vendor/**', '**/target/**', '**/dist/**'];
const MAX_FILE_BYTES = 256 * 1024;

/**
 * The values of the repository's dotenv files worth redacting: every value of a secret-named key,
 * and any other value that looks like a credential rather than a setting (long, high entropy, no
 * spaces, not a plain URL or path). `PORT=3000` or `NODE_ENV=development` stay readable.
 */
export async function dotenvSecrets(root: string, patterns: string[] = DEFAULT_ENV_FILES): Promise<{ values: string[]; files: string[] }> {
  const files = await glob(patterns, { cwd: root, dot: true, ignore: IGNORE, deep: 6, absolute: true, onlyFiles: true });
  const values: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    if (text.length > MAX_FILE_BYTES) continue;
    for (const [name, value] of Object.entries(parse(text))) {
      if (looksSecretName(name) ? value.trim().length >= MIN_SECRET_LENGTH : looksLikeCredential(value)) values.push(value);
    }
  }
  return { values, files };
}

/** High-entropy tokens: at least 12 characters, no spaces, mixed character classes, not a bare URL or path. */
export function looksLikeCredential(value: string): boolean {
  const v = value.trim();
  if (v.length < 12 || /\s/.test(v)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@]*$/i.test(v) || /^[./~]/.test(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
  return classes >= 2 && entropy(v) >= 3;
}

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}
