import type { RegisterCommand } from './types.js';
import { notYet } from './not-yet.js';

export const registerTriage: RegisterCommand = (program) => {
  program.command('triage').description('(not yet available)').allowUnknownOption().allowExcessArguments().action(() => notYet('triage'));
};
