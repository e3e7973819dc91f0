/**
 * Splitting a document into lines without losing a single offset.
 *
 * LSP positions count lines separated by \n, \r\n or \r, and characters in UTF-16 code units,
 * which is exactly what JavaScript string indices are. A UTF-8 BOM is a character of line 0
 * as far as the editor is concerned, so it stays in the line text and is masked later.
 */

/** Splits on \r\n, \n and \r (each is one line break), keeping empty last lines. */
export function splitLines(text: string): string[] {
  // Most text has no carriage return: the engine's own split is several times faster.
  if (!text.includes('\r')) return text.split('\n');
  const lines: string[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push(text.slice(start, i));
      start = i + 1;
    } else if (c === 13 /* \r */) {
      lines.push(text.slice(start, i));
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

/** True when a line holds nothing but whitespace (or is empty). */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0xfeff) return false;
  }
  return true;
}

/**
 * Converters wrap text greedily: a line breaks only where the next word would not fit. True when
 * `next`'s first word would have fitted on `line` within `width` columns (so the break between
 * them was not a wrap but the end of one text).
 */
export function nextWordFits(line: string, next: string, width: number): boolean {
  const nextWord = next.trimStart().split(' ', 1)[0];
  return line.trimEnd().length + 1 + nextWord.length <= width;
}
