import type { Migration } from './types.js';
import { core } from './001-core.js';
import { teams } from './002-teams.js';

export type { Migration } from './types.js';

/** Every migration, oldest first. Append only: the position is the version. */
export const MIGRATIONS: readonly Migration[] = [core, teams];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
