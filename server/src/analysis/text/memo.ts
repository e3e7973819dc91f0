/**
 * Memoizing pure per-line work by the line's text. Filings repeat their printed boilerplate
 * verbatim (every filing of a document, every document of a batch), so the same lines come back
 * again and again. A bounded map: cleared when full, so memory stays flat on any input.
 */
export function memoByText<T>(fn: (text: string) => T, limit = 20000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      v = fn(text);
      if (cache.size >= limit) cache.clear();
      cache.set(text, v);
    }
    return v as T;
  };
}
