/**
 * Page furniture: what a browser prints on every page around the filing, and what PDF readers put
 * between pages. Set aside before anything else reads the text, and reported (never dropped
 * silently): a browser's print header (date and time, then the page title) and footer (the page's
 * address, then the page number `1/2`), and the form feed that `pdftotext` and tesseract put at
 * the start of each page after the first.
 *
 * `pdftotext -layout` keeps header and footer on one line each (`12/3/26, 11:40 AM    SEC FORM 4`,
 * `file:///…/x.html    1/2`; OCR the same with one space); reading order (`pdftotext`, OCR) gives
 * each part a line of its own, with blank lines between. OCR reads a page block by block, so a
 * page title may also come lines below its header: the text a header printed beside its date and
 * time is the page title wherever it stands alone later. Line-local patterns are specific enough on their own (a date with a
 * time after a comma, a `file://` address); the lone parts (a page title, `1/2`, an `https://`
 * address) count only next to the others.
 *
 * Linear in the number of lines: each line is tested once, and each lone part looks at most a few
 * non-blank lines around it.
 */

export type FurnitureKind = 'print-header' | 'page-title' | 'print-footer' | 'page-number' | 'form-feed';

export interface Furniture {
  /** 0-based line in the lines given. */
  line: number;
  kind: FurnitureKind;
  /** The text set aside (for a form feed: the character alone). */
  text: string;
  /** Offsets in the line of the text set aside. */
  start: number;
  end: number;
}

/** Date (numeric, any common order and separator, or ISO), a comma, a time: what browsers print. */
const DATE_TIME = String.raw`(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}),?\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?`;
/** The header: date and time, and on the same line (fixed-width reading) the page title after a gap. */
const HEADER_RE = new RegExp(String.raw`^(\f?)\s*${DATE_TIME}(?:\s+(\S.{0,150}?))?\s*$`);
/** The footer: the page's address, and on the same line the page number after a gap. */
const FOOTER_RE = /^(\f?)\s*(file:\/\/|https?:\/\/)\S+(?:\s+(\d{1,3})\s?\/\s?(\d{1,3}))?\s*$/;
/** The page number alone (reading order): `1/2`. */
const PAGE_NUMBER_RE = /^\f?\s*(\d{1,3})\s?\/\s?(\d{1,3})\s*$/;
/** How many non-blank lines a lone part looks across for the rest of its header or footer. */
const NEAR = 2;

/** Furniture in `lines`, in line order. A line with a form feed and text after it reports both. */
export function findFurniture(lines: readonly string[]): Furniture[] {
  const out: Furniture[] = [];
  const kinds: (FurnitureKind | null)[] = new Array(lines.length).fill(null);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.length > 400 || !/[\d:]/.test(raw)) continue;
    if (HEADER_RE.test(raw)) kinds[i] = 'print-header';
    else {
      const f = FOOTER_RE.exec(raw);
      // A lone https:// address may be text of the filing (a footnote's link): only file:// is sure.
      if (f && (f[2] === 'file://' || f[3] !== undefined)) kinds[i] = 'print-footer';
    }
  }
  // Lone parts of reading-order headers and footers, next to a sure part. Without a sure part or
  // a form feed anywhere (most filings), only the last non-blank line can be one (a page number
  // or an address where the text ends): the other lines need no second look.
  let sure = false;
  for (let i = 0; i < lines.length && !sure; i++) if (kinds[i] || lines[i]!.includes('\f')) sure = true;
  let from = 0;
  if (!sure) for (from = lines.length - 1; from > 0 && !lines[from]!.trim(); ) from--;
  const titles = new Set<string>();
  // Every page prints the same title (the HTML page's <title>): the titles printed beside a date
  // and time anywhere say what a lone line under another page's date and time must be.
  const allTitles = new Set<string>();
  for (let i = from; i < lines.length; i++) {
    const title = kinds[i] === 'print-header' ? HEADER_RE.exec(lines[i]!)![2] : undefined;
    if (title) allTitles.add(title.trim());
  }
  for (let i = from; i < lines.length; i++) {
    if (kinds[i] === 'print-header') {
      const title = HEADER_RE.exec(lines[i]!)![2];
      if (title) titles.add(title.trim());
    }
    if (kinds[i]) continue;
    const raw = lines[i]!;
    if (titles.size && titles.has(raw.trim())) {
      kinds[i] = 'page-title';
      continue;
    }
    const number = PAGE_NUMBER_RE.exec(raw);
    if (number && Number(number[1]) >= 1 && Number(number[1]) <= Number(number[2]) && (near(kinds, lines, i, -1, 'print-footer') || nextPageStarts(lines, kinds, i))) {
      kinds[i] = 'page-number';
      continue;
    }
    const f = FOOTER_RE.exec(raw);
    if (f && (near(kinds, lines, i, 1, 'page-number') || nextPageStarts(lines, kinds, i))) {
      kinds[i] = 'print-footer';
      continue;
    }
    // The page title right under a lone date and time (the title is the HTML page's <title>).
    if (raw.trim() && raw.trim().length <= 100 && (!allTitles.size || allTitles.has(raw.trim())) && previousNonBlank(lines, i, (j) => kinds[j] === 'print-header' && !HEADER_RE.exec(lines[j]!)![2])) {
      kinds[i] = 'page-title';
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const ff = raw.indexOf('\f');
    const kind = kinds[i];
    if (ff >= 0) out.push({ line: i, kind: 'form-feed', text: '\f', start: ff, end: ff + 1 });
    if (kind) {
      const start = raw.search(/[^\s\f]/);
      const end = raw.trimEnd().length;
      if (start >= 0) out.push({ line: i, kind, text: raw.slice(start, end), start, end });
    }
  }
  return out;
}

/** The nearest non-blank line before (`dir` -1) or after (+1) `i`, within NEAR, has `kind`. */
function near(kinds: readonly (FurnitureKind | null)[], lines: readonly string[], i: number, dir: -1 | 1, kind: FurnitureKind): boolean {
  let seen = 0;
  for (let j = i + dir; j >= 0 && j < lines.length && seen < NEAR; j += dir) {
    if (!lines[j]!.trim()) continue;
    if (kinds[j] === kind) return true;
    seen++;
  }
  return false;
}

/** The next non-blank line opens a page (a form feed or a print header), or the text ends. */
function nextPageStarts(lines: readonly string[], kinds: readonly (FurnitureKind | null)[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const raw = lines[j]!;
    if (raw.includes('\f') || kinds[j] === 'print-header') return true;
    if (raw.trim()) return false;
  }
  return true;
}

function previousNonBlank(lines: readonly string[], i: number, test: (j: number) => boolean): boolean {
  for (let j = i - 1, seen = 0; j >= 0 && seen < 1; j--) {
    if (!lines[j]!.replace(/\f/g, '').trim()) continue;
    if (test(j)) return true;
    seen++;
  }
  return false;
}

/**
 * Line `i` is the page title of a print header (the line after a lone date and time), not a
 * filing's own title: a page break must not open a new filing. Looks at a few lines above only.
 */
export function isPageTitleAt(lines: readonly string[], i: number): boolean {
  const raw = lines[i];
  if (raw === undefined || raw.trim().length > 100) return false;
  for (let j = i - 1, seen = 0; j >= 0 && seen < 1 && i - j <= 4; j--) {
    const above = lines[j]!;
    if (!above.replace(/\f/g, '').trim()) continue;
    const m = above.length <= 400 ? HEADER_RE.exec(above) : null;
    if (m && !m[2]) return true;
    seen++;
  }
  // A bare form title in a later page's first lines (after a page break and that page's date and
  // time): the reading order may put one of the page's cells between header and title.
  if (isBareFormTitle(raw)) {
    for (let j = i - 1; j >= 0 && i - j <= 8; j--) {
      const above = lines[j]!;
      if (above.length > 400 || !HEADER_RE.test(above)) continue;
      if (above.includes('\f')) return true;
      for (let k = j - 1; k >= 0 && j - k <= 4; k--) if (PAGE_NUMBER_RE.test(lines[k]!) || FOOTER_RE.test(lines[k]!)) return true;
      break;
    }
  }
  // The same text printed beside an earlier page's date and time (OCR read this one elsewhere).
  const title = raw.trim();
  if (!title) return false;
  for (let j = i - 1; j >= 0 && i - j <= TITLE_LOOKBACK; j--) {
    const above = lines[j]!;
    if (above.length > title.length && above.length <= 400 && above.trimEnd().endsWith(title)) {
      const m = HEADER_RE.exec(above);
      if (m && m[2]?.trim() === title) return true;
    }
  }
  return false;
}

/** How far back (lines) a page title is looked for beside a header's date and time: a few pages. */
const TITLE_LOOKBACK = 400;

/** A line that is only a form's title as a page title prints it (`SEC FORM 4`, `Form 3/A`). */
export function isBareFormTitle(raw: string): boolean {
  return raw.length < 40 && /^\s*(?:SEC\s+)?FORM\s+[345](?:\s*\/\s*A)?\s*$/i.test(raw);
}

/** The line with every piece of furniture on it blanked (same length: offsets stay). */
export function blankFurniture(raw: string, pieces: readonly Furniture[]): string {
  let out = raw;
  for (const p of pieces) out = out.slice(0, p.start) + ' '.repeat(p.end - p.start) + out.slice(p.end);
  return out;
}

/** What a piece of furniture is, for the report. */
export function describeFurniture(f: Furniture): string {
  switch (f.kind) {
    case 'print-header': return `a browser's print header (date and time of printing) set aside: "${f.text}"`;
    case 'page-title': return `the page title of a browser's print header set aside: "${f.text}"`;
    case 'print-footer': return `a browser's print footer (the page's address) set aside: "${f.text}"`;
    case 'page-number': return `a page number set aside: "${f.text}"`;
    case 'form-feed': return 'a page break (form feed) set aside';
  }
}
