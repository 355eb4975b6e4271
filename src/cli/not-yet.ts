import { SutureError } from '../errors.js';

/** Temporary: a command whose stage has not landed yet says so instead of pretending. */
export function notYet(command: string): never {
  throw new SutureError(`'suture ${command}' is not available in this build yet`, { code: 'E_NOT_IMPLEMENTED' });
}
