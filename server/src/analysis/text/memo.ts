/**
 * Memoizing pure per-line work by the line's text. Filings repeat their printed boilerplate
 * verbatim (every filing of a document, every document of a batch), so the same lines come back
 * again and again.
 *
 * Bounded with two generations rather than one map cleared when full: a batch of varied filings
 * fills the map with lines seen once (names, dates, amounts), and clearing it would throw the
 * boilerplate out with them. Here a full generation becomes the old one; a text found only in the
 * old generation moves to the new one, so lines that keep coming back survive every turnover and
 * lines seen once fall out after two. Memory stays flat (at most two generations).
 */
export class TextMemo<T> {
  private young = new Map<string, T>();
  private old = new Map<string, T>();

  constructor(private readonly limit = 20000) {}

  /** The value for `text`, computed by `fn` on a miss. */
  get(text: string, fn: (text: string) => T): T {
    const hit = this.young.get(text);
    if (hit !== undefined) return hit;
    let v = this.old.get(text);
    if (v === undefined) v = fn(text);
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(text, v);
    return v;
  }
}

/**
 * A record whose later stages keep their results beside it (see {@link FactsMemo}): one slot a
 * memo, never read or written but through that memo. The record's own stage creates it empty.
 */
export interface MemoRecord {
  readonly memos: unknown[];
}

/** Slots handed out to memos, one each, in the order the modules create them. */
let slotsGiven = 0;

/**
 * A stage's result per line-facts record, kept by the stage beside the record (never written
 * into its fields). Lines of one text share their facts record, so a result computed for one is
 * reused by every line and filing with the same text; a line whose facts are its own (a mask
 * rewritten by a grid reader) gets results of its own. Entries go with their record: each memo
 * owns one slot of the record's `memos`, an array index rather than a WeakMap lookup (a lookup
 * per line per stage, and WeakMaps of many entries slow every garbage collection).
 */
export class FactsMemo<V> {
  private readonly slot = slotsGiven++;

  get(facts: MemoRecord, fn: () => V): V {
    const memos = facts.memos;
    let v = memos[this.slot] as V | undefined;
    if (v === undefined) {
      v = fn();
      memos[this.slot] = v;
    }
    return v;
  }
}
