import type { RegisterCommand } from './types.js';
import { notYet } from './not-yet.js';

export const registerIngest: RegisterCommand = (program) => {
  program.command('ingest').description('(not yet available)').allowUnknownOption().allowExcessArguments().action(() => notYet('ingest'));
};
