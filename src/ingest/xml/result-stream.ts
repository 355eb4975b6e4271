/** One step of a producer: results ready now, and whether the input is finished or broke. */
export interface Batch<T> {
  items: T[];
  /** No more input: after these items the stream ends. */
  end?: boolean;
  /** The input broke: after these items the stream throws this. */
  error?: unknown;
}

/**
 * An AsyncGenerator that hands out results from batches. An `async function*` costs several promise
 * hops per `yield`; a report of 450,000 test cases would spend a sixth of its parse time on them. Here
 * `next()` returns an already-settled promise while a batch lasts and calls the producer only when it
 * is empty. Semantics match a generator: an error arrives after every result before it; `return()`
 * stops the producer (which closes the input).
 */
export class BatchedResults<T> implements AsyncGenerator<T, void, undefined> {
  private items: T[] = [];
  private at = 0;
  private finished = false;
  private pending: unknown = NONE;
  private running: Promise<IteratorResult<T, void>> | undefined;

  constructor(
    private readonly produce: () => Promise<Batch<T>>,
    private readonly stop: () => Promise<void>,
  ) {}

  next(): Promise<IteratorResult<T, void>> {
    if (this.at < this.items.length) return Promise.resolve({ done: false, value: this.items[this.at++]! });
    if (this.running) return this.running.then(() => this.next());
    if (this.pending !== NONE) {
      const err = this.pending;
      this.pending = NONE;
      this.finished = true;
      return Promise.reject(err);
    }
    if (this.finished) return Promise.resolve({ done: true, value: undefined });
    this.running = this.refill().then(() => this.next());
    return this.running;
  }

  /**
   * The same results a batch at a time (one per chunk of input): no promise per result at all. For
   * consumers that handle results in a loop of their own (the ingest command, the benchmark). Use
   * either this or `next()`, not both.
   */
  async *batches(): AsyncGenerator<T[], void, undefined> {
    let done = false;
    try {
      for (;;) {
        if (this.at < this.items.length) {
          const batch = this.at === 0 ? this.items : this.items.slice(this.at);
          this.items = [];
          this.at = 0;
          yield batch;
          continue;
        }
        if (this.pending !== NONE) {
          const err = this.pending;
          this.pending = NONE;
          this.finished = true;
          throw err;
        }
        if (this.finished) {
          done = true;
          return;
        }
        await this.refill();
      }
    } finally {
      // The consumer stopped early (break, an error of its own): stop the producer and close the input.
      if (!done) await this.return();
    }
  }

  private async refill(): Promise<void> {
    try {
      const batch = await this.produce();
      this.items = batch.items;
      this.at = 0;
      if (batch.error !== undefined) this.pending = batch.error;
      else if (batch.end) this.finished = true;
    } catch (err) {
      this.items = [];
      this.at = 0;
      this.pending = err;
    } finally {
      this.running = undefined;
    }
  }

  async return(): Promise<IteratorResult<T, void>> {
    if (!this.finished) {
      this.finished = true;
      this.items = [];
      this.pending = NONE;
      await this.stop();
    }
    return { done: true, value: undefined };
  }

  async throw(err: unknown): Promise<IteratorResult<T, void>> {
    await this.return();
    throw err;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

const NONE = Symbol('none');
