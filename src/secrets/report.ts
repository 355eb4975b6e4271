import { redactDeep } from './redact.js';
import { redact } from './registry.js';

/**
 * A redacted copy of anything a reporter is about to print or write (a HealResult, an attempt, a
 * progress event). Patch texts (`diff` fields) stay as they are: they are the user's own code, must
 * still apply, and a secret-shaped line in them already lives in the repository.
 */
export function redactForReport<T>(value: T): T {
  return walk(value);
}

function walk<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => walk(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'diff' ? v : walk(v);
    return out as T;
  }
  return value;
}

export { redactDeep };
