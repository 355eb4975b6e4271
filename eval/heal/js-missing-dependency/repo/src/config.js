import { parse } from 'yaml';
export function readConfig(text) {
  return { retries: 3, ...parse(text) };
}
