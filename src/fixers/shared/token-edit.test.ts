import { describe, expect, it } from 'vitest';
import { findOccurrences, maskStringsAndComments, planTokenEdit } from './token-edit.js';

describe('planTokenEdit', () => {
  const text = 'const a = 1;\nreturn countr + other.countr; // countr\n';

  it('replaces the token covering the column and nothing else', () => {
    const r = planTokenEdit(text, { line: 2, column: 8, from: 'countr', to: 'counter', role: 'any' });
    expect(r).toMatchObject({ ok: true, text: 'const a = 1;\nreturn counter + other.countr; // countr\n' });
  });

  it('picks by role when no column is given, and refuses when the line has several candidates', () => {
    expect(planTokenEdit(text, { line: 2, from: 'countr', to: 'x', role: 'member' })).toMatchObject({ ok: true, after: 'return countr + other.x; // countr' });
    expect(planTokenEdit(text, { line: 2, from: 'countr', to: 'x', role: 'any' })).toMatchObject({ ok: false, reason: expect.stringMatching(/2 times .* ambiguous/) });
  });

  it('refuses a stale position: wrong column, missing token, missing line', () => {
    expect(planTokenEdit(text, { line: 2, column: 1, from: 'countr', to: 'x', role: 'any' })).toMatchObject({ ok: false, reason: expect.stringMatching(/stale/) });
    expect(planTokenEdit(text, { line: 1, from: 'countr', to: 'x', role: 'any' })).toMatchObject({ ok: false, reason: expect.stringMatching(/stale/) });
    expect(planTokenEdit(text, { line: 9, from: 'countr', to: 'x', role: 'any' })).toMatchObject({ ok: false, reason: expect.stringMatching(/does not exist/) });
  });

  it('keeps CRLF line endings', () => {
    expect(planTokenEdit('a\r\nfoo bar\r\n', { line: 2, from: 'foo', to: 'baz', role: 'name' })).toMatchObject({ ok: true, text: 'a\r\nbaz bar\r\n' });
  });
});

describe('findOccurrences', () => {
  it('matches whole identifiers outside strings and comments only', () => {
    expect(findOccurrences('x = "name" + name + names # name', 'name', 'any', 'python')).toEqual([13]);
    expect(findOccurrences("f(`name ${x}`, 'name', name) // name", 'name', 'any', 'js')).toEqual([23]);
  });

  it('sees the code inside a JS template literal and a Python f-string, not their text', () => {
    const js = 'return `hello ${getUser(id) ?? `#${getUser}`} getUser ${ {a: 1}.a }`;';
    expect(findOccurrences(js, 'getUser', 'name', 'js')).toEqual([16, 35]);
    expect(maskStringsAndComments(js, 'js')).toContain('{a: 1}.a');
    const py = 'msg = f"{get_user(uid)} get_user {{get_user}}" + "get_user" + rf"{get_user}"';
    expect(findOccurrences(py, 'get_user', 'name', 'python')).toEqual([9, 66]);
  });

  it("treats a Rust lifetime as code, not as an unterminated char literal", () => {
    expect(maskStringsAndComments("fn f<'a>(x: &'a str) -> countr", 'rust')).toContain('countr');
  });
});
