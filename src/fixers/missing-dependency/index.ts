import { writeFile } from 'node:fs/promises';
import type { FailureEvent } from '../../events/index.js';
import { eventLocations, mapFrameFile } from '../shared/locations.js';
import { resolveInWorktree } from '../shared/worktree-path.js';
import type { Fixer, FixContext, FixResult } from '../types.js';
import { resolveGo } from './go.js';
import { resolveNpm } from './npm.js';
import { resolvePython } from './python.js';
import { missingModule, type MissingModule } from './specifier.js';
import type { DependencyOutcome, ResolveEnv } from './types.js';

/** The file that did the import, in the worktree: what the tool printed, else the innermost frame. */
function importerOf(event: FailureEvent, mod: MissingModule, worktree: string): string | undefined {
  if (mod.importer) {
    const abs = mapFrameFile(mod.importer, worktree) ?? resolveInWorktree(worktree, mod.importer);
    if (abs) return abs;
  }
  const ext = mod.ecosystem === 'python' ? /\.py$/ : mod.ecosystem === 'go' ? /\.go$/ : /\.[cm]?[jt]sx?$/;
  return eventLocations(event, worktree).find((l) => ext.test(l.file))?.abs;
}

const RESOLVERS: Record<MissingModule['ecosystem'], (m: MissingModule, importer: string | undefined, env: ResolveEnv) => Promise<DependencyOutcome>> = {
  npm: resolveNpm,
  python: resolvePython,
  go: resolveGo,
};

/**
 * A module imported but not declared: adds it to the manifest (package.json, requirements.txt or
 * pyproject.toml, go.mod) at the version a lockfile, the installed copy or the registry resolves.
 * Manifests are protected paths by default, so the guard usually turns this into a proposal.
 */
export const missingDependencyFixer: Fixer = {
  id: 'missing-dependency',
  cost: 'free',
  appliesTo: (_cluster, events) => events.some((e) => missingModule(e) !== undefined),
  async propose(ctx: FixContext): Promise<FixResult> {
    const env: ResolveEnv = { worktree: ctx.worktree, signal: ctx.signal, log: ctx.log, ...(ctx.scratchDir ? { scratchDir: ctx.scratchDir } : {}) };
    const seen = new Set<string>();
    const done: string[] = [];
    const refused: string[] = [];
    const passed: string[] = [];
    for (const event of ctx.events) {
      const mod = missingModule(event);
      if (!mod || seen.has(`${mod.ecosystem}:${mod.specifier}:${mod.typesOnly ?? false}`)) continue;
      seen.add(`${mod.ecosystem}:${mod.specifier}:${mod.typesOnly ?? false}`);
      const out = await RESOLVERS[mod.ecosystem](mod, importerOf(event, mod, ctx.worktree), env);
      if (out.kind === 'edit') {
        await writeFile(out.file, out.text);
        done.push(out.summary);
      } else if (out.kind === 'edited') done.push(out.summary);
      else if (out.kind === 'unfixable') refused.push(out.reason);
      else passed.push(out.reason);
    }
    if (done.length) return { kind: 'edited', summary: `${done.join('; ')}${refused.length ? `; not fixed: ${refused.join('; ')}` : ''}` };
    if (refused.length) return { kind: 'unfixable', reason: refused.join('; ') };
    return { kind: 'pass', reason: passed.join('; ') || 'no module-not-found failure' };
  },
};

export default missingDependencyFixer;
