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
 * date line (the next non-blank line within two).
 */
export function isFurnitureAt(lines: readonly string[], i: number): boolean {
  const raw = lines[i];
  if (isFurnitureLine(raw)) return true;
  if (!PAGE_TITLE_RE.test(raw)) return false;
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    if (lines[k].trim() === '') continue;
    return STAMP_RE.test(lines[k]) && lines[k].replace(STAMP_RE, '').trim() === '';
  }
  return false;
}

/** Indices of the furniture lines of a filing's lines. */
export function furnitureLines(lines: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) if (isFurnitureAt(lines, i)) out.push(i);
  return out;
}
