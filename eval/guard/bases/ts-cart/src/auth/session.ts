import { createHmac, timingSafeEqual } from 'node:crypto';

export function sign(userId: string, secret: string): string {
  const mac = createHmac('sha256', secret).update(userId).digest('hex');
  return `${userId}.${mac}`;
}

export function verify(token: string, secret: string): string | undefined {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const userId = token.slice(0, dot);
  const expected = Buffer.from(sign(userId, secret));
  const actual = Buffer.from(token);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  return userId;
}
