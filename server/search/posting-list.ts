// One term's postings in one field of the search index: the documents that have the term and how
// often, as [document, frequency] pairs in one Int32Array — about 8 bytes a posting, where the
// Map<number, number> of minisearch's own index took about 40 (most of the index's memory on a large
// study). Documents get ever higher short ids and are indexed one at a time, so a list is always in
// ascending document order: appending keeps it sorted, and a document is looked up by bisection.

export class PostingList {
  /** doc₀, tf₀, doc₁, tf₁, …; capacity beyond `size` pairs is unused. */
  pairs: Int32Array;
  size = 1;

  constructor(doc: number, times: number) {
    this.pairs = new Int32Array(2);
    this.pairs[0] = doc;
    this.pairs[1] = times;
  }

  /** `times` more occurrences of the term in `doc`, the document being indexed (the last one, or a new one). */
  count(doc: number, times: number): void {
    const end = 2 * this.size;
    if (this.pairs[end - 2] === doc) {
      this.pairs[end - 1]! += times;
      return;
    }
    if (end === this.pairs.length) {
      const grown = new Int32Array(Math.max(4, end * 2));
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[end] = doc;
    this.pairs[end + 1] = times;
    this.size++;
  }

  /** How often the term is in `doc`; 0 if it is not. */
  frequencyOf(doc: number): number {
    const pairs = this.pairs;
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = pairs[2 * mid]!;
      if (at === doc) return pairs[2 * mid + 1]!;
      if (at < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Keeps only the documents `keep` says yes to, in order. */
  retain(keep: (doc: number) => boolean): void {
    const pairs = this.pairs;
    let n = 0;
    for (let i = 0; i < this.size; i++) {
      const doc = pairs[2 * i]!;
      if (!keep(doc)) continue;
      pairs[2 * n] = doc;
      pairs[2 * n + 1] = pairs[2 * i + 1]!;
      n++;
    }
    this.size = n;
  }

  /**
   * Gives the documents new numbers (`to[doc]`, −1 for one that is gone), which must keep their order
   * (a vacuum numbers the documents that are left 0, 1, 2, … as they were added).
   */
  renumber(to: Int32Array): void {
    const pairs = this.pairs;
    let n = 0;
    for (let i = 0; i < this.size; i++) {
      const doc = to[pairs[2 * i]!]!;
      if (doc < 0) continue;
      pairs[2 * n] = doc;
      pairs[2 * n + 1] = pairs[2 * i + 1]!;
      n++;
    }
    this.size = n;
  }

  /** Gives back the room kept for growth (a list grows by doubling: up to half of it unused). */
  trim(): void {
    if (this.pairs.length > 2 * this.size + 2) this.pairs = this.pairs.slice(0, 2 * this.size);
  }
}

/** A term's postings per field (by field number); a field without the term has none. */
export type FieldPostings = (PostingList | undefined)[];
