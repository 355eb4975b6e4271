import { builtinModules } from 'node:module';
import type { FailureEvent } from '../../events/index.js';

export type Ecosystem = 'npm' | 'python' | 'go';

/** A module the failure says could not be found, and (when the tool says) the file that imported it. */
export interface MissingModule {
  ecosystem: Ecosystem;
  specifier: string;
  /** Importing file as printed (absolute or repository-relative), when known. */
  importer?: string;
  /** TS7016: the package is installed but has no types; the fix is its @types package. */
  typesOnly?: boolean;
}

const NPM_PATTERNS: Array<{ re: RegExp; typesOnly?: boolean }> = [
  { re: /Cannot find package '([^']+)' imported from (\S+)/ },
  { re: /Failed to resolve import "([^"]+)" from "([^"]+)"/ },
  { re: /Cannot find module '([^']+)' from '([^']+)'/ },
  { re: /Could not find a declaration file for module '([^']+)'/, typesOnly: true },
  { re: /Cannot find module '([^']+)' or its corresponding type declarations/ },
  { re: /Cannot find module '([^']+)'/ },
];

/** What module each event is missing, or undefined when it is not a module-not-found failure. */
export function missingModule(event: FailureEvent): MissingModule | undefined {
  const text = `${event.message}\n${event.stack ?? ''}`;
  const py = /No module named '([\w.]+)'/.exec(text);
  if (py && (event.error_class === 'ModuleNotFoundError' || /ModuleNotFoundError/.test(text))) return { ecosystem: 'python', specifier: py[1]! };
  const go = /no required module provides package ([^\s;:]+)/.exec(text);
  if (go) return { ecosystem: 'go', specifier: go[1]! };
  for (const p of NPM_PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const requireStack = /Require stack:\n- (\S+)/.exec(text)?.[1];
    return { ecosystem: 'npm', specifier: m[1]!, importer: m[2] ?? requireStack, typesOnly: p.typesOnly };
  }
  return undefined;
}

/** `./x`, `../x`, `/abs`, `file:` — a path, never a package. */
export function isRelative(spec: string): boolean {
  return /^(\.{1,2}(\/|$)|\/|file:)/.test(spec);
}

export function isNodeBuiltin(spec: string): boolean {
  if (spec.startsWith('node:')) return true;
  return builtinModules.includes(spec.split('/')[0]!) || builtinModules.includes(spec);
}

/** The package a bare specifier names: `@scope/pkg/sub` -> `@scope/pkg`, `lodash/fp` -> `lodash`. */
export function packageName(spec: string): string | undefined {
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name) && name.length <= 214 ? name : undefined;
}

/** The DefinitelyTyped package for a package: `@types/node-fetch`, `@types/scope__pkg`. */
export function typesPackage(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}
