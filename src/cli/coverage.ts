import type { RegisterCommand } from './types.js';
import { notYet } from './not-yet.js';

export const registerCoverage: RegisterCommand = (program) => {
  program.command('coverage').description('(not yet available)').allowUnknownOption().allowExcessArguments().action(() => notYet('coverage'));
};
