import type { RegisterCommand } from './types.js';
import { notYet } from './not-yet.js';

export const registerStats: RegisterCommand = (program) => {
  program.command('stats').description('(not yet available)').allowUnknownOption().allowExcessArguments().action(() => notYet('stats'));
};
