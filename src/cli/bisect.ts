import type { RegisterCommand } from './types.js';
import { notYet } from './not-yet.js';

export const registerBisect: RegisterCommand = (program) => {
  program.command('bisect').description('(not yet available)').allowUnknownOption().allowExcessArguments().action(() => notYet('bisect'));
};
