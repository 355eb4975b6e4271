import { getUser } from './users';
export function greet(id: number): string {
  return `hello ${getUser(id) ?? 'stranger'}`;
}
