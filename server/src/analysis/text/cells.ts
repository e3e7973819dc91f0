/**
 * Cells and typed tokens of a masked line.
 *
 * A cell is text between cell borders (tabs, after masking also pipes and box verticals) or
 * between runs of two or more spaces (fixed-width layouts). Tokens are the words of a cell,
 * classified by what a filing's value cells can hold: dates, amounts, prices, single letters
 * (codes, A/D, D/I), footnote references, and words.
 */
import { LINE_BREAK, SUPERSCRIPT_DIGITS, superscriptNumber, type MaskedLine } from '../layout/mask';

export interface Cell {
  /** Offsets in the line (trimmed text). For an empty cell start === end. */
  start: number;
  end: number;
  text: string;
  /** Number of cell borders before this cell: the column index in tabbed and grid layouts. */
  col: number;
  /** Number of `<br>` line breaks before this piece inside its cell (0 for most). */
  brk: number;
}

/**
 * No form has more than ~20 columns; a line with hundreds of cells is noise, and later stages
 * compare cells with each other, so only this many are kept.
 */
export const MAX_CELLS = 200;

/** Splits a masked line into cells; empty cells between borders are kept (they are columns). */
export function splitCells(masked: MaskedLine): Cell[] {
  const text = masked.text;
  const segments: { start: number; end: number; col: number }[] = [];
  let segStart = 0;
  let col = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 9) {
      segments.push({ start: segStart, end: i, col });
      segStart = i + 1;
      col++;
    }
  }
  if (masked.bordered) {
    if (segments.length && isBlankRange(text, segments[0].start, segments[0].end)) segments.shift();
    const last = segments[segments.length - 1];
    if (segments.length && isBlankRange(text, last.start, last.end)) segments.pop();
  }
  const cells: Cell[] = [];
  const bordered = segments.length > 1;
  for (const seg of segments) {
    const before = cells.length;
    const col = seg.col - (masked.bordered ? 1 : 0);
    // Line breaks (<br>) split a cell into lines of the same column.
    let from = seg.start;
    let brk = 0;
    for (let i = seg.start; i <= seg.end; i++) {
      if (i === seg.end || text[i] === LINE_BREAK) {
        splitOnWideSpace(text, from, i, col, brk, cells);
        from = i + 1;
        brk++;
      }
    }
    if (cells.length === before && bordered) {
      cells.push({ start: seg.start, end: seg.start, text: '', col, brk: 0 });
    }
    if (cells.length >= MAX_CELLS) break;
  }
  return cells.length > MAX_CELLS ? cells.slice(0, MAX_CELLS) : cells;
}

function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

/** Splits [start, end) on runs of 2+ spaces; pushes the non-empty pieces. */
function splitOnWideSpace(text: string, start: number, end: number, col: number, brk: number, out: Cell[]): void {
  let i = start;
  while (i < end) {
    while (i < end && text.charCodeAt(i) === 32) i++;
    if (i >= end) break;
    const pieceStart = i;
    let lastNonSpace = i;
    while (i < end) {
      if (text.charCodeAt(i) === 32) {
        if (i + 1 < end && text.charCodeAt(i + 1) === 32) break;
        if (i + 1 >= end) break;
      } else lastNonSpace = i;
      i++;
    }
    out.push({ start: pieceStart, end: lastNonSpace + 1, text: text.slice(pieceStart, lastNonSpace + 1), col, brk });
  }
}

// ---------------------------------------------------------------------------------------------

export type TokenType = 'date' | 'number' | 'money' | 'letter' | 'ref' | 'word' | 'empty' | 'check';

export interface Token {
  type: TokenType;
  /** The value text without attached footnote references (e.g. "519" of "519^(1)"). */
  text: string;
  start: number;
  end: number;
  /** Index of the cell in its line, so alignment can tell cell borders apart from spaces. */
  cell: number;
  /** Absolute document line of the token (a logical row can span several lines). */
  line: number;
  /** Footnote ids attached to this token ("519^(1)" → ["1"]); for a `ref` token, its own ids. */
  refs: string[];
  /** Ranges (line offsets) of each attached reference marker. */
  refSpans: { id: string; start: number; end: number }[];
  /** For `ref` tokens: written as a superscript (`^(1)`, `<sup>`), so it belongs to the value before. */
  superscript?: boolean;
  /** OCR turned a reference after the value into a glyph (`S®`, `$12.34©`, `757,756)`): its number is lost. */
  unreadRef?: boolean;
  /** A letter written in parentheses ("(A)", "(D)"): a sub-column label or a direction, never a code. */
  paren?: boolean;
  /** "(A)" / "(D)" marker that was glued before a number: which sub-column the number sits in. */
  marker?: 'A' | 'D';
}

const DATE_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$|^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMBER_RE = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$|^\.\d+$/;
/**
 * A footnote reference at the end of a word: "(1)", "^(1)", a superscript written "^(1)^", a
 * bracketed "[1]", or superscript digits "¹" / "¹²" (text taken from a PDF keeps them as such).
 */
const REF_TAIL_RE = /(\^?\((\d{1,2})\)\^?|\[(\d{1,2})\]|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))$/;

/** The id a REF_TAIL_RE match names ("(01)" → "1", "¹²" → "12"). */
function refId(m: RegExpExecArray): string {
  if (m[4] !== undefined) return String(superscriptNumber(m[4]));
  return String(Number(m[2] ?? m[3]));
}

/** Splits a cell into typed tokens. */
export function tokenizeCell(lineText: string, cell: Cell, cellIndex: number, line: number): Token[] {
  if (cell.start === cell.end) {
    return [{ type: 'empty', text: '', start: cell.start, end: cell.start, cell: cellIndex, line, refs: [], refSpans: [] }];
  }
  const words: { start: number; end: number }[] = [];
  let i = cell.start;
  while (i < cell.end) {
    while (i < cell.end && lineText.charCodeAt(i) === 32) i++;
    if (i >= cell.end) break;
    const s = i;
    while (i < cell.end && lineText.charCodeAt(i) !== 32) i++;
    words.push({ start: s, end: i });
  }
  const tokens: Token[] = [];
  for (let w = 0; w < words.length; w++) {
    const { start, end } = words[w];
    let raw = lineText.slice(start, end);
    // "$ 2.64": a lone dollar sign belongs to the number after it.
    if (raw === '$' && w + 1 < words.length) {
      const next = words[w + 1];
      const nextRaw = lineText.slice(next.start, next.end);
      if (/^\d/.test(nextRaw) || /^\.\d/.test(nextRaw)) {
        const tok = classify(nextRaw, next.start, cellIndex, line);
        if (tok.type === 'number') {
          tok.type = 'money';
          tok.start = start;
          tokens.push(tok);
          w++;
          continue;
        }
      }
    }
    // "(A)"/"(D)" glued in front of an amount ("(A) 62,500"): a sub-column marker, not a value.
    if ((raw === '(A)' || raw === '(D)') && w + 1 < words.length) {
      const next = words[w + 1];
      const tok = classify(lineText.slice(next.start, next.end), next.start, cellIndex, line);
      if (tok.type === 'number') {
        tok.marker = raw === '(A)' ? 'A' : 'D';
        tokens.push(tok);
        w++;
        continue;
      }
    }
    if (raw.length === 0) continue;
    // A table rule OCR read as a character between cells ("200,000 | A"): no value.
    if (OCR_RULE_RE.test(raw)) continue;
    tokens.push(classify(raw, start, cellIndex, line));
    raw = '';
  }
  return tokens;
}

/** A rule read by OCR as a character of its own: `|`, `_`, `—`. */
const OCR_RULE_RE = /^[|_—–]+$/;
/** What OCR makes of a superscript reference glued to a value: `®`, `©`, `@`, `™`, a quote, a lone `)`. */
const OCR_REF_GLYPH_RE = /[®©@“”’™]$/;
/**
 * An abbreviation in capitals with the reference after it read as one lower-case letter (`LPw`,
 * `L.P.o`): a filer writes "LP", "L.P." or a plural "LPs", never a capital abbreviation ending so.
 */
const OCR_ABBREVIATION_REF_RE = /^((?:[A-Z]\.){2,}|[A-Z]{2,})([a-rt-z])$/;
/**
 * OCR_REF_GLYPH_RE's reading after a word of letters, where a question mark, an ampersand or a glyph and the
 * reference's closing parenthesis stand too (`Footnote?`, `Footnote?”`, `L.P.&`, `LLC®)`): a
 * filer's word in a row's cell never ends so. A closing quote before a parenthesis
 * (`(the “Trust”)`) is the filer's; an opening one there is OCR's.
 */
const OCR_WORD_REF_TAIL_RE = /^(\p{L}[\p{L}.]*?\p{L}\.?)([®©@™&][®©@“”’™?&]?\)?|\d{1,2}[®©@™]?\)|\?[®©@“”’™&]?|“[®©@™?&)]?|[”’][®©@™?&])$/u;
/**
 * A superscript reference OCR read as a token of its own, its number lost: `@`, `@)`, `®`,
 * `(o)`, `Q)`, `©)` (the small "(1)" printed above the line comes out as a round glyph in
 * parentheses, or as one of the glyphs above).
 */
const OCR_LONE_REF_RE = /^(?:[@®©]{1,2}\)?|\(?[@®©oOQe]\)\)?|\([@®©oOQe])$/;
/**
 * The same read as a mark of two characters in parentheses, or before a lone closing one
 * (`Me)`, `(Me)`, `ws)`, `a6)`, `(ea)`, `(@)`): no word of a row is so short and closes a
 * parenthesis so. A capital alone (`A)`, the end of "(Class A)"), a Roman numeral and a number
 * (a heading's column number, "8)") are not marks.
 */
const OCR_SHORT_REF_RE = /^\(?(?![A-Z]\)|I{1,2}\)|\d+\))[\p{L}\d@®©\[]{1,2}\)\)?$/u;
/** A cell's rule OCR glued to the value beside it (`9,244,580}`, `]7,583]`, `$28.8164]`). */
const OCR_RULE_EDGE_RE = /^[\]|{}]$/;
/**
 * A price with what OCR made of its superscript reference after it: a symbol, alone or with a
 * digit or symbol more (`$987.54¢9`, `$0.3621%`, `$886.39?`, `$880.34@»`, `$988.61°`). A price
 * cell holds the price and its references only, so the symbols cannot be part of the value.
 */
const OCR_PRICE_TAIL_RE = /^(\$(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([^\p{L}\d\s$.,|\]{}()][^\s]{0,2})$/u;
/**
 * The dollar sign read as a letter s (`s0`, `s46.92`, `S0®`): a price, when what follows is zero or
 * has cents (a code with a glued reference, "S10", is not one).
 */
const OCR_DOLLAR_AS_S_RE = /^[sS](0|\d+\.\d+|0\.\d+)(\S{0,2})$/;
/**
 * An amount with thousands separators whose last group has more than three digits: the extra
 * digits are a superscript reference OCR glued to it (`3,1332` is 3,133 with "(2)", `6,2740` is
 * 6,274 with a reference read as "0", `877,97302)`).
 */
const OCR_GROUPED_TAIL_RE = /^(\d{1,3}(?:,\d{3})+)(\d{1,2})\)?$/;

/** Classifies one whitespace-free word, detaching trailing footnote references. */
export function classify(raw: string, start: number, cell: number, line: number): Token {
  // A rule glued before a value ("|$150.84", "]7,583"): not part of it.
  // ("[1]" is a bracketed reference, not a rule.)
  if (raw.length > 1 && /^[|\]{}][$\d]/.test(raw)) return classify(raw.slice(1), start + 1, cell, line);
  const tok = classifyWord(raw, start, cell, line);
  if (tok.type !== 'word' || tok.refs.length) return tok;
  if (OCR_LONE_REF_RE.test(raw) || OCR_SHORT_REF_RE.test(raw)) return { ...tok, type: 'ref', text: '', unreadRef: true };
  const ocr = ocrGlued(raw, start, cell, line);
  if (ocr) return ocr;
  // A rule glued after a value ("9,244,580}", "$5.6016™]"): the value, and what stands before the rule.
  if (raw.length > 1 && OCR_RULE_EDGE_RE.test(raw.slice(-1)) && !raw.includes('[') && /[\d®©@“”’™]$/.test(raw.slice(0, -1))) {
    const inner = classify(raw.slice(0, -1), start, cell, line);
    if (inner.type !== 'word') return inner;
  }
  const abbreviation = OCR_ABBREVIATION_REF_RE.exec(raw);
  if (abbreviation) return { ...classifyWord(abbreviation[1]!, start, cell, line), end: start + raw.length, unreadRef: true };
  const wordTail = OCR_WORD_REF_TAIL_RE.exec(raw);
  if (wordTail && !(wordTail[2]!.length === 1 && OCR_REF_GLYPH_RE.test(raw))) {
    const inner = classifyWord(wordTail[1]!, start, cell, line);
    if (inner.type === 'word') return { ...inner, end: start + raw.length, unreadRef: true };
  }
  // OCR's reading of a superscript reference: the value before it stands, the reference is unread.
  const glyph = OCR_REF_GLYPH_RE.test(raw) ? 1 : 0;
  const paren = !glyph && raw.endsWith(')') && !raw.includes('(') ? 1 : 0;
  if (!glyph && !paren) return tok;
  // A quote OCR made of the reference's opening parenthesis ("3,939\")").
  const cut = paren && /\d["“”'’]\)$/.test(raw) ? 2 : 1;
  const inner = classifyWord(raw.slice(0, -cut), start, cell, line);
  // A lone ")" only after an amount: column numbers of the printed headings end with one ("8)").
  const amount = inner.type === 'money' || (inner.type === 'number' && /\d{3}|[,.]/.test(inner.text));
  const valueLike = paren ? amount : amount || inner.type === 'number' || inner.type === 'date' || inner.type === 'letter';
  if (!(valueLike || (glyph && inner.type === 'word' && /^[A-Za-z]{2,}$/.test(inner.text)))) return tok;
  return { ...inner, end: inner.end + cut, unreadRef: true };
}

/** A value with OCR's reading of its reference glued on (see the patterns above), or undefined. */
function ocrGlued(raw: string, start: number, cell: number, line: number): Token | undefined {
  const price = OCR_PRICE_TAIL_RE.exec(raw);
  if (price) {
    const inner = classifyWord(price[1]!, start, cell, line);
    return inner.type === 'money' ? { ...inner, end: start + raw.length, unreadRef: true } : undefined;
  }
  const dollar = OCR_DOLLAR_AS_S_RE.exec(raw);
  if (dollar) {
    // What follows the amount can only be a reference OCR read as a symbol.
    if (dollar[2] && !/^[^\p{L}\d\s]/u.test(dollar[2])) return undefined;
    const inner = classifyWord(dollar[1]!, start + 1, cell, line);
    if (inner.type !== 'number') return undefined;
    return { ...inner, type: 'money', start, end: start + raw.length, ...(dollar[2] ? { unreadRef: true } : {}) };
  }
  const grouped = OCR_GROUPED_TAIL_RE.exec(raw);
  if (grouped) {
    const value = grouped[1]!;
    const markerStart = start + value.length;
    const id = String(Number(grouped[2]));
    const inner = classifyWord(value, start, cell, line);
    return { ...inner, end: start + raw.length, refs: [id], refSpans: [{ id, start: markerStart, end: start + raw.length }] };
  }
  return undefined;
}

function classifyWord(raw: string, start: number, cell: number, line: number): Token {
  const refSpans: { id: string; start: number; end: number }[] = [];
  // A "^" is left where the line wrapped the next reference: "Stock^(2)^".
  let body = raw.length > 1 && raw.endsWith('^') ? raw.slice(0, -1) : raw;
  // Peel references off the end: "P(1)(2)", "519^(1)", "2,000(3)". Only a word ending the way
  // a reference ends can hold one (most words do not: no pattern is run on them).
  for (let guard = 0; guard < 8 && endsLikeRef(body); guard++) {
    const m = REF_TAIL_RE.exec(body);
    if (!m) break;
    const markerStart = start + body.length - m[1].length;
    refSpans.unshift({ id: refId(m), start: markerStart, end: markerStart + m[1].length });
    body = body.slice(0, body.length - m[1].length);
  }
  const refs = refSpans.map((r) => r.id);
  const end = start + raw.length;
  // A wrap inside "519^(1)" leaves "519^" with "(1)" on the next line.
  if (body.length > 1 && body.endsWith('^')) body = body.slice(0, -1);
  if (body === '' || body === '^') {
    return { type: 'ref', text: '', start, end, cell, line, refs, refSpans, superscript: raw.startsWith('^') };
  }
  const bodyEnd = start + body.length;
  // Trailing punctuation OCR leaves on values ("2,000." or "D,").
  const trimmed = endsInPunctuation(body) ? body.replace(/[.,;:]+$/, '') : body;
  // Each token is one literal (its fields in one order), not a shared part spread into it.
  if (DATE_RE.test(trimmed)) return { type: 'date', text: trimmed, start, end: bodyEnd, cell, line, refs, refSpans };
  if (trimmed.startsWith('$')) {
    const num = trimmed.slice(1);
    if (NUMBER_RE.test(num)) return { type: 'money', text: num, start, end: bodyEnd, cell, line, refs, refSpans };
  }
  if (NUMBER_RE.test(trimmed)) return { type: 'number', text: trimmed, start, end: bodyEnd, cell, line, refs, refSpans };
  if (body === '☒' || body === '☐') return { type: 'check', text: body, start, end: bodyEnd, cell, line, refs, refSpans };
  if (body.length === 3 && body.charCodeAt(0) === 40 && body.charCodeAt(2) === 41) {
    const paren = /^\(([A-Z])\)$/.exec(body);
    if (paren) return { type: 'letter', text: paren[1]!, start, end: bodyEnd, cell, line, refs, refSpans, paren: true };
  }
  if (body.length === 1 && /^[A-Z]$/.test(body)) return { type: 'letter', text: body, start, end: bodyEnd, cell, line, refs, refSpans };
  // A capital OCR read in lower case, or twice ("s", "Ss"): only letters whose two cases print
  // alike in shape, so "a" or "Ab" stay words.
  if (body.length <= 2) {
    const twin = /^([CKOPSUVWXZ])?([ckopsuvwxz])$/.exec(body);
    if (twin && (!twin[1] || twin[1].toLowerCase() === twin[2])) return { type: 'letter', text: twin[2]!.toUpperCase(), start, end: bodyEnd, cell, line, refs, refSpans };
  }
  return { type: 'word', text: body, start, end: bodyEnd, cell, line, refs, refSpans };
}

/**
 * The word ends the way a {@link REF_TAIL_RE} match ends: ")" or ")^", "]", or a superscript
 * digit. Only then can a footnote reference end it.
 */
function endsLikeRef(body: string): boolean {
  const n = body.length;
  if (n === 0) return false;
  const last = body.charCodeAt(n - 1);
  if (last === 41 || last === 93) return true;
  if (last === 94) return body.charCodeAt(n - 2) === 41;
  return last > 127 && SUPERSCRIPT_DIGITS.includes(body[n - 1]!);
}

/** The word ends in one of . , ; : */
function endsInPunctuation(body: string): boolean {
  const c = body.charCodeAt(body.length - 1);
  return c === 46 || c === 44 || c === 59 || c === 58;
}

/**
 * A word among a row's values on a printed page read by OCR, read as the reference it is (`t` is
 * the token at `i` of `line`, the tokens in their order): a lone "2)" or "(2" is a reference whose
 * other parenthesis OCR lost (the column numbers of the printed headings, "8)", never stand among
 * a row's values), and the ownership form after the amount with the reference's digit glued on
 * ("11,241,580 D2") is the form and that reference.
 */
export function referenceOnValuesLine(t: Token, i: number, line: readonly Token[]): Token {
  if (t.type !== 'word') return t;
  const form = /^([DI])(\d{1,2})$/.exec(t.text);
  const before = line[i - 1];
  if (form && before && (before.type === 'number' || before.type === 'money')) {
    const id = String(Number(form[2]));
    return { ...t, type: 'letter', text: form[1]!, end: t.start + 1, refs: [id], refSpans: [{ id, start: t.start + 1, end: t.end }] };
  }
  const m = /^\(?(\d{1,2})\)$|^\((\d{1,2})$/.exec(t.text);
  if (!m) return t;
  const id = String(Number(m[1] ?? m[2]));
  return { ...t, type: 'ref', text: '', refs: [id], refSpans: [{ id, start: t.start, end: t.end }] };
}

/** Parses "1,234.50" → 1234.5; null when not a number. */
export function parseAmount(text: string): number | null {
  const clean = text.replace(/,/g, '');
  if (!/^\d*\.?\d+$/.test(clean)) return null;
  const n = Number(clean);
  return Number.isFinite(n) ? n : null;
}
