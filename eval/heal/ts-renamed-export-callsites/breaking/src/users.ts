const USERS = new Map([[1, 'ada'], [2, 'grace']]);
export function findUser(id: number): string | undefined {
  return USERS.get(id);
}
