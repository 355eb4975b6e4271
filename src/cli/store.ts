import type { RegisterCommand } from './types.js';
import { notYet } from './not-yet.js';

export const registerStore: RegisterCommand = (program) => {
  program.command('store').description('(not yet available)').allowUnknownOption().allowExcessArguments().action(() => notYet('store'));
};
