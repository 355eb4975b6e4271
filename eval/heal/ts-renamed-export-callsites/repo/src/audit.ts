import { getUser } from './users';
export function auditLine(id: number, action: string): string {
  return `${getUser(id) ?? '#' + id} ${action}`;
}
