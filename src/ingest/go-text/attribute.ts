import { BENCH_START, indentWidth, LOG_LINE, PANIC_LINE, RESULT_LINE, STATE_LINE } from './lines.js';

/**
 * Decides which test an output line belongs to. go test gets this wrong in two known ways (and
 * test2json passes the mistakes on): output printed after a `--- FAIL:` line is buffered output whose
 * indentation, not its position, says which (sub)test logged it; and output of parallel tests lands
 * under whichever test printed last. Rules:
 *  - a `--- X: name` line belongs to `name`, and starts a block of buffered output;
 *  - inside such a block, a log line indented 4*(d+1) belongs to the block's test or its ancestor at depth d;
 *  - a continuation line (no file:line) belongs to whoever owned the line before it;
 *  - otherwise the test named by the event (JSON) or by the last `=== RUN/CONT/NAME` line (text).
 */
export class OutputAttributor {
  #block: { name: string; depth: number } | undefined;
  #lastOwner: string | undefined;
  #running: string | undefined;
  /** The last top-level test that printed `--- FAIL`: go prints its panic right after that line. */
  #lastFailed: string | undefined;
  /** A panic is being printed (its goroutine dump is unindented): everything goes to its owner. */
  #panicOwner: string | undefined;

  /** Text mode: the test the last `=== RUN/CONT/NAME` line named. */
  get running(): string | undefined {
    return this.#running;
  }

  reset(): void {
    this.#block = undefined;
    this.#lastOwner = undefined;
    this.#running = undefined;
    this.#lastFailed = undefined;
    this.#panicOwner = undefined;
  }

  owner(line: string, eventTest: string | undefined): string | undefined {
    const state = STATE_LINE.exec(line) ?? BENCH_START.exec(line);
    if (state) {
      this.#block = undefined;
      this.#panicOwner = undefined;
      const name = state.groups!.name!;
      if (state.groups!.what !== 'PAUSE') this.#running = name;
      this.#lastOwner = name;
      return name;
    }
    const result = RESULT_LINE.exec(line);
    if (result) {
      const name = result.groups!.name!;
      this.#block = { name, depth: depthOf(name) };
      this.#lastOwner = name;
      this.#panicOwner = undefined;
      if (depthOf(name) === 0 && result.groups!.indent === '') {
        // A top-level test finished: unindented output after this is the package's (or a panic's).
        if (this.#running === name || this.#running?.startsWith(`${name}/`)) this.#running = undefined;
        this.#lastFailed = result.groups!.status === 'FAIL' ? name : undefined;
      }
      return name;
    }
    if (this.#panicOwner !== undefined && eventTest === undefined) return this.#panicOwner;
    if (eventTest === undefined && PANIC_LINE.test(line) && !/^\s/.test(line)) {
      const owner = this.#running ?? this.#lastFailed;
      if (owner !== undefined) {
        this.#panicOwner = owner;
        return owner;
      }
    }
    const fallback = eventTest ?? this.#running;
    const log = LOG_LINE.exec(line);
    if (log) {
      let owner = fallback;
      if (this.#block) {
        const d = Math.max(0, Math.round(indentWidth(log.groups!.indent!) / 4) - 1);
        owner = d >= this.#block.depth ? this.#block.name : ancestorAt(this.#block.name, d);
      }
      this.#lastOwner = owner;
      return owner;
    }
    if (/^\s+\S/.test(line) && this.#lastOwner !== undefined) return this.#lastOwner;
    this.#lastOwner = fallback;
    return fallback;
  }
}

export function depthOf(name: string): number {
  return name.split('/').length - 1;
}

export function ancestorAt(name: string, depth: number): string {
  return name.split('/').slice(0, depth + 1).join('/');
}
