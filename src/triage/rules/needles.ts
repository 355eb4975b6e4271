/**
 * Aho-Corasick over the rules' needles: one pass over the text finds every needle that occurs
 * (overlapping ones included), so deciding which rules can match costs O(text) instead of one
 * `includes` per needle per rule. Hand-written because it is ~60 lines and sits on the hot path.
 */
export class NeedleSet {
  readonly #goto: Array<Map<number, number>> = [new Map()];
  readonly #fail: number[] = [0];
  readonly #out: number[][] = [[]];
  readonly needles: string[];

  constructor(needles: Iterable<string>) {
    this.needles = [...new Set(needles)];
    this.needles.forEach((n, id) => {
      let s = 0;
      for (let i = 0; i < n.length; i++) {
        const c = n.charCodeAt(i);
        let next = this.#goto[s]!.get(c);
        if (next === undefined) {
          next = this.#goto.length;
          this.#goto.push(new Map());
          this.#fail.push(0);
          this.#out.push([]);
          this.#goto[s]!.set(c, next);
        }
        s = next;
      }
      this.#out[s]!.push(id);
    });
    // Breadth-first failure links.
    const queue: number[] = [];
    for (const s of this.#goto[0]!.values()) queue.push(s);
    while (queue.length) {
      const r = queue.shift()!;
      for (const [c, s] of this.#goto[r]!) {
        queue.push(s);
        let f = this.#fail[r]!;
        while (f !== 0 && !this.#goto[f]!.has(c)) f = this.#fail[f]!;
        const g = this.#goto[f]!.get(c);
        this.#fail[s] = g !== undefined && g !== s ? g : 0;
        this.#out[s]!.push(...this.#out[this.#fail[s]!]!);
      }
    }
  }

  /** Ids (indices into `needles`) of every needle that occurs in `text`. */
  find(text: string): Set<number> {
    const found = new Set<number>();
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = this.#goto[s]!.get(c);
      while (next === undefined && s !== 0) {
        s = this.#fail[s]!;
        next = this.#goto[s]!.get(c);
      }
      s = next ?? 0;
      const out = this.#out[s]!;
      for (let k = 0; k < out.length; k++) found.add(out[k]!);
    }
    return found;
  }
}
