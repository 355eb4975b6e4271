import type { RegisterCommand } from './types.js';
import { notYet } from './not-yet.js';

export const registerGuard: RegisterCommand = (program) => {
  program.command('guard').description('(not yet available)').allowUnknownOption().allowExcessArguments().action(() => notYet('guard'));
};
