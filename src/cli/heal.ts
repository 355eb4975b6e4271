import type { RegisterCommand } from './types.js';
import { notYet } from './not-yet.js';

export const registerHeal: RegisterCommand = (program) => {
  program.command('heal').description('(not yet available)').allowUnknownOption().allowExcessArguments().action(() => notYet('heal'));
};
