const USERS = new Map([[1, 'ada'], [2, 'grace']]);
export function getUser(id: number): string | undefined {
  return USERS.get(id);
}
