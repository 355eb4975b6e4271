import type { RegisterCommand } from './types.js';
import { notYet } from './not-yet.js';

export const registerRun: RegisterCommand = (program) => {
  program.command('run').description('(not yet available)').allowUnknownOption().allowExcessArguments().action(() => notYet('run'));
};
