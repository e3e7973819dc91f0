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
 * A stage's result per line-facts record, kept by the stage beside the record (never written
 * into it). Lines of one text share their facts record, so a result computed for one is reused
 * by every line and filing with the same text; a line whose facts are its own (a mask rewritten
 * by a grid reader) gets results of its own. Entries go with their record (a WeakMap).
 */
export class FactsMemo<V> {
  private readonly map = new WeakMap<object, V>();

  get(facts: object, fn: () => V): V {
    let v = this.map.get(facts);
    if (v === undefined) {
      v = fn();
      this.map.set(facts, v);
    }
    return v;
  }
}
