/**
 * Where a JSON text stops being valid. Only called after JSON.parse has failed: V8 often says just
 * "Unexpected token '}', ... is not valid JSON" with no position, and users need the line to look at.
 * A small iterative scanner (no recursion, builds no values) returns the offset of the first bad
 * character, or text.length when the text ends early.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  // Stack of containers: '{' expects key next, ':' expects value in object, '[' expects value in array.
  const stack: string[] = [];
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const str = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  const NUM = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  // Returns false on error (i points at it); true when a scalar was read or a container was opened.
  const value = (): boolean => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      return true;
    }
    if (c === '"') return str();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return true;
      }
    }
    NUM.lastIndex = i;
    if (NUM.exec(text)) {
      i = NUM.lastIndex;
      return true;
    }
    return false;
  };
  if (!value()) return Math.min(i, n);
  for (;;) {
    ws();
    const top = stack[stack.length - 1];
    if (top === undefined) return i < n ? i : -1;
    if (i >= n) return n;
    const c = text[i];
    switch (top) {
      case '{': // object just opened: a key or '}'
      case 'k': // after ',' in an object: a key
        if (c === '}' && top === '{') {
          stack.pop();
          i++;
          break;
        }
        if (c !== '"' || !str()) return i;
        ws();
        if (text[i] !== ':') return Math.min(i, n);
        i++;
        stack[stack.length - 1] = '}';
        if (!value()) return Math.min(i, n);
        break;
      case '[': // array just opened: a value or ']'
      case 'v': // after ',' in an array: a value
        if (c === ']' && top === '[') {
          stack.pop();
          i++;
          break;
        }
        stack[stack.length - 1] = ']';
        if (!value()) return Math.min(i, n);
        break;
      default: // '}' or ']': after a member or element, expect ',' or the closer
        if (c === ',') {
          stack[stack.length - 1] = top === '}' ? 'k' : 'v';
          i++;
        } else if (c === top) {
          stack.pop();
          i++;
        } else return i;
    }
  }
}
