const BANNED = new Set(['mallory']);
export async function isBanned(user: string): Promise<boolean> {
  await new Promise((r) => setTimeout(r, 1));
  return BANNED.has(user);
}
export async function canPost(user: string): Promise<boolean> {
  if (isBanned(user)) {
    return false;
  }
  return true;
}
