/**
 * Page furniture of a printed page: what a browser prints around every page of a filing saved as
 * PDF (the date and time and the page's title at the top, the address and `1/2` at the bottom),
 * read back by a PDF-to-text tool or OCR. None of it is the filing's: left in place it reads as a
 * new filing's title ("SEC Form 4" on every page) or as rows and footnote text.
 *
 * Kept minimal and on its own: lines are recognised by their own shape, plus the page title just
 * after a date line. The caller blanks them (line numbers stay) and reports them.
 */

/** The browser's date and time (`12/3/26, 11:40 AM`), alone or followed by the page title. */
const STAMP_RE = /^\s*\d{1,2}\/\d{1,2}\/\d{2,4},\s*\d{1,2}:\d{2}(?:\s*[AP]\.?M\.?)?(?=\s|$)/i;
/** The page's address, alone or followed by the page counter. */
const ADDRESS_RE = /^\s*(?:file|https?):\/\/\S+(?:\s+\d{1,3}\s*\/\s*\d{1,3})?\s*$/i;
/** The page counter `1/2` alone on its line. */
const COUNTER_RE = /^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/;
/** A page title as browsers print EDGAR's (`SEC FORM 4`, `SEC Form 3/A`): short, naming the form. */
const PAGE_TITLE_RE = /^\s*(?:SEC\s+)?FORM\s+[345](?:\s*\/\s*A)?\s*$/i;

/** Cheap pre-test: every furniture line holds a `/` or `:`. */
function mayBeFurniture(raw: string): boolean {
  return raw.length < 200 && (raw.includes('/') || raw.includes(':'));
}

/** Whether a line is furniture by its own text (stamp, address, counter). */
export function isFurnitureLine(raw: string): boolean {
  if (!mayBeFurniture(raw)) return false;
  return STAMP_RE.test(raw) || ADDRESS_RE.test(raw) || COUNTER_RE.test(raw);
}

/**
 * Whether line `i` is furniture: by its own text, or as the page title printed right after the
 * date line (the next non-blank line within two), or anywhere in a new page's first lines (after
 * a page's footer and the next page's date line: OCR reads the header's blocks in its own order).
 */
export function isFurnitureAt(lines: readonly string[], i: number): boolean {
  const raw = lines[i];
  if (isFurnitureLine(raw)) return true;
  if (!PAGE_TITLE_RE.test(raw)) return false;
  let nonBlank = 0;
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    if (lines[k].trim() === '') continue;
    nonBlank++;
    if (!STAMP_RE.test(lines[k])) continue;
    if (nonBlank === 1 && lines[k].replace(STAMP_RE, '').trim() === '') return true;
    for (let f = k - 1; f >= 0 && f >= k - 4; f--) if (ADDRESS_RE.test(lines[f]) || COUNTER_RE.test(lines[f])) return true;
    break;
  }
  // The same text printed beside an earlier page's date line is the page title.
  const title = raw.trim();
  for (let k = i - 1; k >= 0 && k >= i - TITLE_LOOKBACK; k--) {
    const l = lines[k];
    if (l.length > title.length && l.trimEnd().endsWith(title) && STAMP_RE.test(l) && l.replace(STAMP_RE, '').trim() === title) return true;
  }
  return false;
}

/** How far back (lines) a page title is looked for beside a date line: a few pages. */
const TITLE_LOOKBACK = 400;

/** A line that is only a page title as browsers print EDGAR's (`SEC FORM 4`). */
export function isPageTitle(raw: string): boolean {
  return PAGE_TITLE_RE.test(raw);
}

/** Indices of the furniture lines of a filing's lines. */
export function furnitureLines(lines: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) if (isFurnitureAt(lines, i)) out.push(i);
  return out;
}
