// The scoring loops of RankedIndex#search and the typed arrays they work in (see ranked-index.ts).
import type { PostingList } from './posting-list.ts';

// minisearch's defaults, spelled out because the scores must be computed exactly as it does.
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * The working set of one search, kept between searches so that a search allocates little. Its hot
 * loops are small methods of their own: V8 optimises each once, whatever mix of branches a query
 * takes (one large function was deoptimised again and again by queries that took new branches).
 */
export class Scratch {
  /** Per document, during a search: 0 = not met yet, −1 = filtered out, n > 0 = candidate in slot n − 1. */
  slotOf = new Int32Array(0);
  /** The documents filtered out, to reset `slotOf` after the search. */
  rejected = new Int32Array(0);
  rejectedCount = 0;
  /** Per candidate slot: the document, and the last step (query term, rarest first) that matched it. */
  candidates = new Int32Array(0);
  step = new Int32Array(0);
  /** Per candidate: where minisearch first meets it among the last query term's matches (for ties). */
  firstSeen = new Int32Array(0);
  /** Per candidate, `stride` scores: one per distinct query term. */
  scores = new Float64Array(0);
  stride = 1;
  count = 0;
  /** Candidates matched by the current step so far. */
  left = 0;
  /** The current search's filter: the records by short id, and the filter's remembered verdicts. */
  records: readonly unknown[] = [];
  filter: ((doc: never) => boolean) | undefined;
  verdicts: Uint8Array | undefined;

  grow(capacity: number): void {
    this.slotOf = new Int32Array(capacity);
    this.rejected = new Int32Array(capacity);
    this.candidates = new Int32Array(capacity);
    this.step = new Int32Array(capacity);
    this.firstSeen = new Int32Array(capacity);
  }

  begin(stride: number, maxCandidates: number): void {
    this.count = 0;
    this.rejectedCount = 0;
    this.stride = stride;
    const size = maxCandidates * stride;
    if (this.scores.length < size) this.scores = new Float64Array(Math.max(size, this.scores.length * 2));
  }

  /** Clears what the search marked per document, ready for the next one. */
  finish(): void {
    for (let i = 0; i < this.count; i++) this.slotOf[this.candidates[i]!] = 0;
    for (let i = 0; i < this.rejectedCount; i++) this.slotOf[this.rejected[i]!] = 0;
    this.filter = undefined;
  }

  /** Whether the filter lets the document through, asked once per document and filter. */
  admits(doc: number): boolean {
    const verdicts = this.verdicts;
    // A discarded document's verdicts are set to 2 (RankedIndex#discard).
    if (verdicts && verdicts[doc]) return verdicts[doc] === 1;
    const record = this.records[doc];
    if (record === undefined) return false;
    if (!this.filter) return true;
    const pass = this.filter(record as never);
    if (verdicts) verdicts[doc] = pass ? 1 : 2;
    return pass;
  }

  /** The rarest term (step 0): every document with it becomes a candidate, unless the filter says no. */
  collect(list: PostingList, factors: Float64Array, once: Float64Array, w: number, idf: number, q: number, seenAs: number): void {
    const { pairs, size } = list;
    const { slotOf, candidates, scores, firstSeen, step, stride } = this;
    const { k, d } = BM25;
    for (let i = 0; i < 2 * size; i += 2) {
      const doc = pairs[i]!;
      const mark = slotOf[doc]!;
      if (mark < 0) continue;
      let slot = mark - 1;
      if (mark === 0) {
        if (!this.admits(doc)) {
          slotOf[doc] = -1;
          this.rejected[this.rejectedCount++] = doc;
          continue;
        }
        slot = this.count++;
        slotOf[doc] = slot + 1;
        candidates[slot] = doc;
        step[slot] = 0;
        for (let j = slot * stride; j < slot * stride + stride; j++) scores[j] = 0;
        firstSeen[slot] = seenAs;
      }
      const tf = pairs[i + 1]!;
      scores[slot * stride + q]! += w * (idf * (tf === 1 ? once[doc]! : d + tf * (k + 1) / (tf + factors[doc]!)));
    }
    this.left = this.count;
  }

  /** A later term (step `now`), through its posting list: scores the candidates in it. */
  accumulate(list: PostingList, factors: Float64Array, once: Float64Array, w: number, idf: number, q: number, seenAs: number, now: number, last: boolean): void {
    const { pairs, size } = list;
    const { slotOf, step, scores, firstSeen, stride } = this;
    const { k, d } = BM25;
    for (let i = 0; i < 2 * size; i += 2) {
      const doc = pairs[i]!;
      const mark = slotOf[doc]!;
      if (mark <= 0) continue;
      const slot = mark - 1;
      const was = step[slot]!;
      if (was !== now) {
        if (was !== now - 1) continue; // missed an earlier term
        step[slot] = now;
        this.left++;
        if (last) firstSeen[slot] = seenAs;
      }
      const tf = pairs[i + 1]!;
      scores[slot * stride + q]! += w * (idf * (tf === 1 ? once[doc]! : d + tf * (k + 1) / (tf + factors[doc]!)));
    }
  }

  /** A later term with far more documents than there are candidates: looks each candidate up. */
  probe(list: PostingList, factors: Float64Array, once: Float64Array, w: number, idf: number, q: number, seenAs: number, now: number, last: boolean): void {
    const { candidates, step, scores, firstSeen, stride } = this;
    const { k, d } = BM25;
    for (let slot = 0; slot < this.count; slot++) {
      const was = step[slot]!;
      if (was < now - 1) continue;
      const doc = candidates[slot]!;
      const tf = list.frequencyOf(doc);
      if (!tf) continue;
      if (was !== now) {
        step[slot] = now;
        this.left++;
        if (last) firstSeen[slot] = seenAs;
      }
      scores[slot * stride + q]! += w * (idf * (tf === 1 ? once[doc]! : d + tf * (k + 1) / (tf + factors[doc]!)));
    }
  }

  /** a ranks before b: higher score, then minisearch's first-seen order, then the order of adding. */
  before(sa: number, a: number, sb: number, b: number): boolean {
    if (sa !== sb) return sa > sb;
    const fa = this.firstSeen[a]!;
    const fb = this.firstSeen[b]!;
    return fa !== fb ? fa < fb : this.candidates[a]! < this.candidates[b]!;
  }

  /**
   * The best `keep` candidates, best first, as [slot, score] pairs. A candidate's score is its terms'
   * scores added in query order (`order`: the distinct term of each query word), as minisearch adds
   * them, times the number of distinct terms, as minisearch multiplies; a heap keeps the worst of the
   * best at its root.
   */
  top(order: readonly number[], keep: number, final: number): [number, number][] {
    const { step, scores, stride, count } = this;
    const slots = new Int32Array(keep);
    const best = new Float64Array(keep);
    let size = 0;
    for (let slot = 0; slot < count; slot++) {
      if (step[slot] !== final) continue;
      let score = scores[slot * stride + order[0]!]!;
      for (let i = 1; i < order.length; i++) score = score + scores[slot * stride + order[i]!]!;
      score *= stride;
      // Most candidates score below the worst of the best so far: out without the full comparison.
      if (size === keep && score < best[0]!) continue;
      if (size < keep) {
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (!this.before(best[parent]!, slots[parent]!, score, slot)) break;
          slots[i] = slots[parent]!;
          best[i] = best[parent]!;
          i = parent;
        }
        slots[i] = slot;
        best[i] = score;
      } else if (keep > 0 && this.before(score, slot, best[0]!, slots[0]!)) {
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= size) break;
          const r = l + 1;
          const worse = r < size && this.before(best[l]!, slots[l]!, best[r]!, slots[r]!) ? r : l;
          if (!this.before(score, slot, best[worse]!, slots[worse]!)) break;
          slots[i] = slots[worse]!;
          best[i] = best[worse]!;
          i = worse;
        }
        slots[i] = slot;
        best[i] = score;
      }
    }
    const ranked = Array.from({ length: size }, (_, i): [number, number] => [slots[i]!, best[i]!]);
    return ranked.sort(([a, sa], [b, sb]) => (this.before(sa, a, sb, b) ? -1 : 1));
  }
}
