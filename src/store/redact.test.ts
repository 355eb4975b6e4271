import { describe, expect, it } from 'vitest';
import { redactUrl, scrubSecret } from './redact.js';

describe('redactUrl', () => {
  it('hides the password and password-like query parameters', () => {
    expect(redactUrl('postgres://ci:p%40ss@db.internal:5432/suture')).toBe('postgres://ci:****@db.internal:5432/suture');
    expect(redactUrl('postgresql://db/suture?user=ci&password=hunter2&sslmode=require')).toBe('postgresql://db/suture?user=ci&password=****&sslmode=require');
    expect(redactUrl('postgres://ci@db/suture')).toBe('postgres://ci@db/suture');
  });

  it('still hides the password when the URL does not parse', () => {
    expect(redactUrl('postgres://ci:hunter2@[bad/suture')).toBe('postgres://ci:****@[bad/suture');
  });
});

describe('scrubSecret', () => {
  it('removes the URL and its password from free text', () => {
    const url = 'postgres://ci:hunter2@db/suture';
    expect(scrubSecret(`cannot connect to ${url}; password hunter2 rejected`, url)).toBe('cannot connect to postgres://ci:****@db/suture; password **** rejected');
  });
});
