import type { RegisterCommand } from './types.js';
import { notYet } from './not-yet.js';

export const registerDetect: RegisterCommand = (program) => {
  program.command('detect').description('(not yet available)').allowUnknownOption().allowExcessArguments().action(() => notYet('detect'));
};
