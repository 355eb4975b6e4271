import type { TestResult } from '../../events/test-result.js';
import { SHORT_ASCII_MAX, shortAscii, utf8 } from '../xml/decode.js';
import { attributeValue } from '../xml/value.js';
import type { BuildContext } from './build.js';
import type { CaseDraft } from './draft.js';

const SPACE = 32;
const AMP = 38;
const GT = 62;
const CR = 13;

/**
 * vitest's test names, `describe > ... > title` (written `&gt;`), read from the attribute's bytes: the
 * title after the last ` &gt; ` decoded on its own, the describe path before it decoded once per run of
 * cases that share it (a file's tests come together). The result is exactly what decoding the whole
 * name and splitting it at its last " > " gives; names this cannot read that way (a reference or `>` in
 * the title, a CR, spaces to trim) are left to the general path.
 */
export class VitestNameReader {
  /** The test's own title. */
  title = '';
  /** The describe path joined by " > ", or undefined at the top level of the file. */
  parents: string | undefined;
  private parentBytes = Buffer.alloc(256);
  private parentLen = -1;
  private parentText = '';

  /** Reads the name in `buf[start, end)`; false when the general path must decode it. */
  read(buf: Buffer, start: number, end: number): boolean {
    if (end <= start || buf[start] === SPACE || buf[end - 1] === SPACE) return false;
    // Backwards to the last reference: it must be the " &gt; " that ends the describe path.
    let i = end - 1;
    let bits = 0;
    for (; i >= start; i--) {
      const c = buf[i]!;
      if (c === AMP) break;
      if (c === GT || c === CR) return false;
      bits |= c;
    }
    if (i < start) {
      this.title = titleOf(buf, start, end, bits);
      this.parents = undefined;
      return true;
    }
    // `i` is the `&` of " &gt; ": a space before and after, and a describe path before it.
    if (i - 1 <= start || buf[i - 1] !== SPACE || buf[i + 1] !== 103 || buf[i + 2] !== 116 || buf[i + 3] !== 59 || buf[i + 4] !== SPACE) return false;
    const parents = this.parentsOf(buf, start, i - 1);
    if (parents.charCodeAt(0) === SPACE) return false;
    this.parents = parents;
    this.title = titleOf(buf, i + 5, end, bits);
    return true;
  }

  private parentsOf(buf: Buffer, start: number, end: number): string {
    const len = end - start;
    const kept = this.parentBytes;
    if (len === this.parentLen) {
      let same = true;
      for (let k = 0; k < len; k++) {
        if (kept[k] !== buf[start + k]) {
          same = false;
          break;
        }
      }
      if (same) return this.parentText;
    }
    this.parentText = attributeValue(buf, start, end);
    if (len <= kept.length) {
      buf.copy(kept, 0, start, end);
      this.parentLen = len;
    } else this.parentLen = -1;
    return this.parentText;
  }
}

/** The title's text; `bits` is every byte of it OR-ed together (below 0x80: all ASCII). */
function titleOf(buf: Buffer, start: number, end: number, bits: number): string {
  return bits < 0x80 && end - start <= SHORT_ASCII_MAX ? shortAscii(buf, start, end) : utf8(buf, start, end);
}

/**
 * The result of a passing vitest case whose name `VitestNameReader` read, built without the general
 * path's work (verdict, id scheme, location): the same fields in the same order as `buildResult` gives
 * it. Undefined when the case needs the general path (its file is outside the repository, it has a
 * line to place, or its name is the file's, which vitest uses for a file that failed to load).
 */
export class VitestPassBuilder {
  private lastPrefix: string | undefined;
  private lastParents: string | undefined;
  private idHead = '';

  constructor(private readonly ctx: BuildContext) {}

  build(draft: CaseDraft, reader: VitestNameReader): TestResult | undefined {
    if (draft.line !== undefined) return undefined;
    const classname = draft.classname;
    const known = this.ctx.js.vitestFile(classname);
    if (known === undefined) return undefined;
    const title = reader.title;
    const parents = reader.parents;
    const nameLength = parents === undefined ? title.length : parents.length + 3 + title.length;
    if (classname !== undefined && classname.length === nameLength) return undefined;
    const prefix = this.ctx.js.vitestPrefix()!;
    if (prefix !== this.lastPrefix || parents !== this.lastParents) {
      this.lastPrefix = prefix;
      this.lastParents = parents;
      this.idHead = parents === undefined ? prefix : `${prefix}${parents} > `;
    }
    const testId = this.idHead + title;
    const ms = draft.durationMs;
    const pkg = this.ctx.package;
    if (parents !== undefined && ms !== undefined && pkg === undefined) {
      return { kind: 'test', framework: 'vitest', test_id: testId, status: 'passed', name: title, suite: parents, duration_ms: ms, file: known };
    }
    const result: TestResult = { kind: 'test', framework: 'vitest', test_id: testId, status: 'passed', name: title };
    if (parents !== undefined) result.suite = parents;
    if (ms !== undefined) result.duration_ms = ms;
    if (pkg) result.package = pkg;
    result.file = known;
    return result;
  }
}
