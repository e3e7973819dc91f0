/**
 * pandoc's Markdown grid tables, read cell by cell over their lines.
 *
 * A grid table (`+---+---+` borders, `| a | b |` rows) wraps each cell's text inside the cell's
 * column, so a cell of one row is a little text of its own spread over several lines. Masking a
 * line alone (mask.ts) cannot see what that text needs:
 *
 * - inline markup that wraps: a span or link opened on one line of a cell and closed on a later
 *   one (`[6460 MA` / `IN STREET]{.FormData}`), attributes and link targets cut over lines
 *   (`]{.Med` / `SmallFormText}`, `](/cgi-bin/brow` / `se-edgar?action=getco`), and the `\` of a
 *   hard line break at the end of a cell line;
 * - text cut in the middle of a word. pandoc cuts a text that has no room in the cell (one long
 *   word, or a line of a table nested in the cell) into pieces of exactly the cell's width,
 *   counted from the end: every piece after the first fills the cell, and the first holds what is
 *   left over. A reader joins those pieces without a space.
 *
 * {@link readPandocGrids} returns, for the lines it changes, the masked text with that markup
 * blanked too (same length as the line), and where a cell's text continues the line above
 * without a space ("glue"). Everything is decided from the grid's own structure: the border's
 * column positions, which cell lines fill their cell, the dash rules of tables nested in a cell,
 * and the brackets. Linear in the size of the grid.
 */

export interface GridReading {
  /** Line index → masked text with the cells' wrapped markup blanked as well. */
  masked: Map<number, string>;
  /** Line index → offsets where a cell's text continues the text above it with no space between. */
  glue: Map<number, number[]>;
  /**
   * Line index → offsets where a cell's text continues the line above after a space: the next
   * piece of one line of a table nested in the cell, cut where a space fell.
   */
  spaced: Map<number, number[]>;
}

/** Positions of the `+` of a grid border (`+---+:--:+===+`), or null when the line is not one. */
export function gridBorder(raw: string): number[] | null {
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 32) end--;
  if (end < 3 || raw.charCodeAt(0) !== 43 || raw.charCodeAt(end - 1) !== 43) return null;
  const plus: number[] = [];
  for (let i = 0; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c === 43) plus.push(i);
    else if (c !== 45 && c !== 58 && c !== 61) return null;
  }
  return plus.length >= 2 ? plus : null;
}

function isGridRow(raw: string, plus: number[]): boolean {
  if (raw.length <= plus[plus.length - 1]) return false;
  for (const p of plus) if (raw.charCodeAt(p) !== 124) return false;
  return true;
}

/** One line of one cell: the text between the cell's padding spaces. */
interface CellLine {
  line: number;
  /** Offset in the document line of the cell's first content column. */
  from: number;
  /** Content: exactly the cell's width. */
  text: string;
  /** Length without trailing spaces. */
  visible: number;
  lead: number;
  rule: boolean;
  blank: boolean;
}

function cellLine(raw: string, line: number, from: number, width: number): CellLine {
  const text = raw.slice(from, from + width).padEnd(width);
  let visible = width;
  while (visible > 0 && text.charCodeAt(visible - 1) === 32) visible--;
  let lead = 0;
  while (lead < visible && text.charCodeAt(lead) === 32) lead++;
  let rule = visible > 0;
  for (let i = lead; i < visible && rule; i++) {
    const c = text.charCodeAt(i);
    rule = c === 45 || c === 32;
  }
  return { line, from, text, visible, lead, rule, blank: visible === 0 };
}

/** Line index → blanked offsets, collected before the masked texts are rewritten. */
type Blanks = Map<number, number[]>;

function blank(blanks: Blanks, line: number, at: number): void {
  const list = blanks.get(line);
  if (list) list.push(at);
  else blanks.set(line, [at]);
}

function isPunct(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/**
 * Follows the brackets of one cell over its lines: a `[` closed by `]{` / `](` on a later line,
 * attributes and targets continued from the line before, hard-break backslashes. Blanks what
 * mask.ts could not see from one line; returns, per cell line, the lines where a span opened
 * there closes (for the glue rule).
 */
/**
 * A cell line that starts with span attributes (`{.FormData}`, `{#id}`): pandoc cut a span after
 * its `]` even short of the cell's width (a nested table's column is narrower). Text never looks
 * like that, unlike a `(` opening the next line, which may well be text after a bracket.
 */
function attributesFollow(next: CellLine | undefined): boolean {
  if (!next) return false;
  const c0 = next.text.charCodeAt(next.lead);
  const c1 = next.text.charCodeAt(next.lead + 1);
  return c0 === 123 /* { */ && (c1 === 46 /* . */ || c1 === 35) /* # */;
}

function scanCell(cell: CellLine[], blanks: Blanks): Map<number, number> {
  const opens: { k: number; at: number }[] = [];
  const closedOn = new Map<number, number>();
  /** 0: text; otherwise the code unit that ends the attributes (`}`) or target (`)`) being read. */
  let inside = 0;
  cell.forEach((cl, k) => {
    const t = cl.text;
    let i = 0;
    if (inside) {
      // The attributes or target continue from the line above, up to their closing character.
      let j = cl.lead;
      while (j < cl.visible && t.charCodeAt(j) !== inside && t.charCodeAt(j) !== 32) j++;
      const closed = j < cl.visible && t.charCodeAt(j) === inside;
      const stop = closed ? j + 1 : j;
      for (let x = cl.lead; x < stop; x++) blank(blanks, cl.line, cl.from + x);
      if (closed || stop < cl.visible) inside = 0;
      i = stop;
    }
    for (; i < cl.visible; i++) {
      const c = t.charCodeAt(i);
      if (c === 92 /* \ */) {
        if (i + 1 < cl.visible && isPunct(t.charCodeAt(i + 1))) i++;
        else if (i + 1 === cl.visible) blank(blanks, cl.line, cl.from + i); // hard line break
      } else if (c === 91 /* [ */) {
        opens.push({ k, at: i });
      } else if (c === 93 /* ] */) {
        const next = i + 1 < cl.visible ? t.charCodeAt(i + 1) : i + 1 === t.length || attributesFollow(cell[k + 1]) ? cell[k + 1]?.text.charCodeAt(cell[k + 1].lead) : NaN;
        if (next !== 123 && next !== 40) continue;
        const open = opens.pop();
        if (open) blank(blanks, cell[open.k].line, cell[open.k].from + open.at);
        if (open && open.k !== k) closedOn.set(open.k, k);
        blank(blanks, cl.line, cl.from + i);
        // The attributes or target: to their closing character, or on to the next line.
        const close = next === 123 ? 125 : 41;
        let j = i + 1;
        while (j < cl.visible && t.charCodeAt(j) !== close && t.charCodeAt(j) !== 32) j++;
        for (let x = i + 1; x <= Math.min(j, cl.visible - 1); x++) blank(blanks, cl.line, cl.from + x);
        if (j >= cl.visible) {
          // Cut at the end of the line: continued on the next line of the cell.
          inside = close;
          i = cl.visible;
        } else i = t.charCodeAt(j) === close ? j : j - 1;
      }
    }
  });
  return closedOn;
}

/** The cell lines of one grid row between two of its dash rules belong to a nested table. */
function nestedFlags(cell: CellLine[]): boolean[] {
  const before: boolean[] = [];
  let seen = false;
  for (const cl of cell) {
    before.push(seen && !cl.rule);
    if (cl.rule) seen = true;
  }
  seen = false;
  const out = new Array<boolean>(cell.length).fill(false);
  for (let k = cell.length - 1; k >= 0; k--) {
    out[k] = before[k] && seen;
    if (cell[k].rule) seen = true;
  }
  return out;
}

function hasInnerSpace(cl: CellLine): boolean {
  return cl.text.slice(cl.lead, cl.visible).includes(' ');
}

/**
 * Whether line k + 1 of the cell continues line k without a space (see the module comment).
 *
 * Nested tables: a line continues the table row above when it fills the cell or does not start
 * with the row indent (two spaces); pieces join without a space after a piece that fills the
 * cell, and with one after a piece that ends in spaces. The first piece of a row is what was left
 * over, so whether it ended in a space does not show; a table of a single row tells, because its
 * rule is 2 columns wider than its row. Otherwise the first piece joins the next without a space.
 *
 * Paragraphs wrap at spaces, and cut only a word longer than the cell: the cut pieces have no
 * space in them, and every piece after the first fills the cell. A short line is the first piece
 * of such a word when it would have fitted at the end of the line above (so no wrap put it on a
 * line of its own), or when it opens a bracket that the full line after it closes.
 */
function joins(cell: CellLine[], nested: boolean[], closedOn: Map<number, number>, k: number, rowStart: number[], rowsInRegion: number[], ruleWidth: number[], cutAtSpace: ReadonlySet<number>): boolean {
  const a = cell[k];
  const b = cell[k + 1];
  const w = a.text.length;
  if (nested[k] && nested[k + 1]) {
    const continues = b.visible === w || b.lead < 2;
    if (!continues || rowStart[k + 1] !== rowStart[k]) return false;
    if (a.visible === w) return true;
    if (rowStart[k] !== k) return false;
    if (rowsInRegion[k] === 1 && ruleWidth[k] > 0) {
      let pieces = 0;
      for (let j = k; j < cell.length && nested[j] && (j === k || rowStart[j] === k); j++) pieces++;
      const first = ruleWidth[k] - 2 - (pieces - 1) * w;
      if (first > a.visible && first <= w) return false;
    }
    if (cutAtSpace.has(k)) return false;
    return !numberBeforeWord(a, b);
  }
  if (nested[k] || nested[k + 1]) return false;
  if (b.visible !== w || hasInnerSpace(a) || hasInnerSpace(b)) return false;
  const above = cell[k - 1];
  const softAbove = above && !above.blank && !above.rule && above.text.charCodeAt(above.visible - 1) !== 92;
  if (softAbove && above.visible + 1 + (a.visible - a.lead) <= w) return true;
  return closedOn.get(k) === k + 1;
}

/**
 * A row's first piece that ends in a number of its own ("  450") before a piece opening with a
 * word ("CONCAR DRIVE"): the cut fell at the space between them (a number runs into letters only
 * as an ordinal, "10" / "TH STREET", whose suffix is shorter).
 */
function numberBeforeWord(a: CellLine, b: CellLine): boolean {
  if (a.visible === a.text.length || b.lead > 0) return false;
  let i = a.visible;
  while (i > a.lead && isDigit(a.text.charCodeAt(i - 1))) i--;
  if (i === a.visible || (i > a.lead && a.text.charCodeAt(i - 1) !== 32)) return false;
  const word = /^[A-Za-z]+/.exec(b.text);
  return word !== null && word[0].length > 2;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A nested table of several rows: its rule is 2 columns wider than its widest row. When no row
 * reaches that width as shown, the widest row lost the spaces that ended its first piece (a cut
 * falling after a space): if one row alone comes closest, its first piece goes on after a space.
 */
function markWidestCut(cell: CellLine[], rowStart: number[], from: number, to: number, widest: number, out: Set<number>): void {
  const w = cell[from].text.length;
  let best = -1;
  let bestLength = -1;
  let tie = false;
  for (let j = from; j < to; j++) {
    if (rowStart[j] !== j) continue;
    let pieces = 1;
    while (j + pieces < to && rowStart[j + pieces] === j) pieces++;
    const length = cell[j].visible + (pieces - 1) * w;
    if (length >= widest) return;
    if (length > bestLength) [best, bestLength, tie] = [j, length, false];
    else if (length === bestLength) tie = true;
  }
  if (best < 0 || tie) return;
  let pieces = 1;
  while (best + pieces < to && rowStart[best + pieces] === best) pieces++;
  if (pieces > 1 && widest - (pieces - 1) * w <= w) out.add(best);
}

/** Rows of the nested tables of a cell: where each line's row starts, rows per region, rule widths. */
function nestedRows(cell: CellLine[], nested: boolean[]): { rowStart: number[]; rowsInRegion: number[]; ruleWidth: number[]; cutAtSpace: Set<number> } {
  const n = cell.length;
  const cutAtSpace = new Set<number>();
  const rowStart = new Array<number>(n).fill(-1);
  const rowsInRegion = new Array<number>(n).fill(0);
  const ruleWidth = new Array<number>(n).fill(0);
  let k = 0;
  while (k < n) {
    if (!nested[k]) {
      k++;
      continue;
    }
    // A region: nested lines between two rules. Its opening rule: the rule lines just above.
    let r = k - 1;
    let rules = 0;
    while (r >= 0 && cell[r].rule) {
      rules++;
      r--;
    }
    const firstRule = cell[r + 1];
    let width = rules > 0 ? firstRule.visible + (rules - 1) * firstRule.text.length : 0;
    // A rule that fills the cell from its first column: its indent was cut onto the blank line above.
    if (rules > 0 && firstRule.lead === 0 && firstRule.visible === firstRule.text.length && r >= 0 && cell[r].blank) width += 2;
    let rowLength = 0;
    const regionStart = k;
    let rows = 0;
    let start = -1;
    for (; k < n && nested[k]; k++) {
      const cl = cell[k];
      if (cl.blank) {
        start = -1;
        continue;
      }
      const prev = cell[k - 1];
      // A piece with the row indent that fills the cell starts a row when the row would outgrow the rule.
      const continues = start >= 0 && !prev.blank && (cl.lead < 2 || (cl.visible === cl.text.length && !(width > 0 && rowLength + cl.text.length > width - 2)));
      if (!continues) {
        start = k;
        rows++;
        rowLength = cl.visible;
      } else rowLength += cl.text.length;
      rowStart[k] = start;
    }
    for (let j = regionStart; j < k; j++) {
      rowsInRegion[j] = rows;
      ruleWidth[j] = width;
    }
    if (rows > 1 && width > 0) markWidestCut(cell, rowStart, regionStart, k, width - 2, cutAtSpace);
  }
  return { rowStart, rowsInRegion, ruleWidth, cutAtSpace };
}

/** One cell of one grid row, as read by the first pass. */
interface ReadCell {
  cell: CellLine[];
  nested: boolean[];
  closedOn: Map<number, number>;
  rows: ReturnType<typeof nestedRows>;
}

/** Reads the grid tables among `raws` (see the module comment); `masked` is each line's own mask. */
export function readPandocGrids(raws: readonly string[], masked: readonly string[]): GridReading {
  const reading: GridReading = { masked: new Map(), glue: new Map(), spaced: new Map() };
  const blanks: Blanks = new Map();
  const cells: ReadCell[] = [];
  let plus: number[] | null = null;
  let rowLines: number[] = [];
  const flush = () => {
    if (plus && rowLines.length) readRow(raws, plus, rowLines, blanks, cells);
    rowLines = [];
  };
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i];
    if (raw.charCodeAt(0) === 43 /* + */) {
      const border = gridBorder(raw);
      if (border) {
        flush();
        plus = border;
        continue;
      }
    }
    if (plus && raw.charCodeAt(0) === 124 && isGridRow(raw, plus)) rowLines.push(i);
    else {
      flush();
      plus = null;
    }
  }
  flush();
  for (const [line, offsets] of blanks) {
    const chars = masked[line].split('');
    for (const at of offsets) if (at < chars.length && chars[at] !== '\t') chars[at] = ' ';
    reading.masked.set(line, chars.join(''));
  }
  const maskedOf = (line: number) => reading.masked.get(line) ?? masked[line];
  for (const rc of cells) glueCell(rc, maskedOf, reading.glue, reading.spaced);
  return reading;
}

function readRow(raws: readonly string[], plus: number[], rowLines: number[], blanks: Blanks, cells: ReadCell[]): void {
  for (let c = 0; c + 1 < plus.length; c++) {
    const from = plus[c] + 2;
    const width = plus[c + 1] - plus[c] - 3;
    if (width < 1) continue;
    const cell = rowLines.map((i) => cellLine(raws[i], i, from, width));
    const closedOn = scanCell(cell, blanks);
    const nested = nestedFlags(cell);
    cells.push({ cell, nested, closedOn, rows: nestedRows(cell, nested) });
  }
}

function glueCell(rc: ReadCell, maskedOf: (line: number) => string, glue: Map<number, number[]>, spaced: Map<number, number[]>): void {
  const { cell, nested, closedOn, rows } = rc;
  for (let k = 0; k + 1 < cell.length; k++) {
    const a = cell[k];
    const b = cell[k + 1];
    if (a.blank || a.rule || b.blank || b.rule) continue;
    const glued = joins(cell, nested, closedOn, k, rows.rowStart, rows.rowsInRegion, rows.ruleWidth, rows.cutAtSpace);
    if (b.lead > 0 || !glued) {
      // The nested table's line goes on after a space (the cut fell at one, or its rule says so).
      if (nested[k] && nested[k + 1] && rows.rowStart[k] >= 0 && rows.rowStart[k + 1] === rows.rowStart[k]) {
        const mb = maskedOf(b.line);
        let at = b.lead;
        while (at < b.visible && mb.charCodeAt(b.from + at) === 32) at++;
        if (at < b.visible) addOffset(spaced, b.line, b.from + at);
      }
      continue;
    }
    // Glue where the masked texts meet with nothing but markup between them.
    const ma = maskedOf(a.line);
    const mb = maskedOf(b.line);
    let endA = a.visible;
    while (endA > 0 && ma.charCodeAt(a.from + endA - 1) === 32) endA--;
    if (endA === 0 || a.text.slice(endA, a.visible).includes(' ')) continue;
    let startB = 0;
    while (startB < b.visible && mb.charCodeAt(b.from + startB) === 32) startB++;
    if (startB >= b.visible || b.text.slice(0, startB).includes(' ')) continue;
    addOffset(glue, b.line, b.from + startB);
  }
}

function addOffset(map: Map<number, number[]>, line: number, at: number): void {
  const list = map.get(line);
  if (list) list.push(at);
  else map.set(line, [at]);
}

// ---------------------------------------------------------------------------------------------
// Spans wrapped over the lines of other blocks (the multi-line rows of pandoc's simple tables).

/** Openers left open on a line, and closers (`]{`, `](`) whose opener is on an earlier line. */
function bracketsOf(raw: string): { opens: number[]; orphans: number[] } {
  const opens: number[] = [];
  const orphans: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 92 /* \ */) {
      if (isPunct(raw.charCodeAt(i + 1))) i++;
    } else if (c === 91 /* [ */) {
      opens.push(i);
    } else if (c === 93 /* ] */) {
      const next = raw.charCodeAt(i + 1);
      if (next !== 123 && next !== 40) continue;
      if (opens.length) opens.pop();
      else orphans.push(i);
    }
  }
  return { opens, orphans };
}

/**
 * A continuation that starts left of the text it continues (a centred or right-aligned column,
 * where the markup made the line longer) is moved, within its own word, under that text: the
 * word's characters keep their order and the line its length.
 */
function underOpener(raw: string, masked: string, closer: number, textStart: number): string {
  let ws = closer;
  while (ws > 0 && raw.charCodeAt(ws - 1) !== 32) ws--;
  let we = closer;
  while (we < raw.length && raw.charCodeAt(we) !== 32) we++;
  const word = masked.slice(ws, we).trim();
  if (!word || word.includes(' ') || ws >= textStart) return masked;
  const at = Math.min(Math.max(ws, textStart), we - word.length);
  return masked.slice(0, ws) + ' '.repeat(at - ws) + word + ' '.repeat(we - at - word.length) + masked.slice(we);
}

/** Openers kept per block: a bound that only hostile text reaches. */
const MAX_OPEN = 64;

/**
 * Outside grid tables, a span or link whose text wraps onto the next lines of its block (a
 * multi-line row of a simple table: `[Series E Preferred` / `Stock]{.FormData}`) closes in the
 * same column, wherever the column aligns its lines: each closer takes the opener nearest to it
 * among those left open on earlier lines of the block. Returns the masked texts with those
 * openers blanked.
 */
export function readWrappedSpans(raws: readonly string[], masked: readonly string[], skip: (line: number) => boolean): Map<number, string> {
  const out = new Map<number, string>();
  let open: { line: number; col: number }[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i];
    if (skip(i) || raw.trim() === '') {
      open = [];
      continue;
    }
    if (raw.indexOf('[') < 0 && raw.indexOf(']') < 0) continue;
    const { opens, orphans } = bracketsOf(raw);
    for (const col of orphans) {
      let best = -1;
      for (let k = 0; k < open.length; k++) if (best < 0 || Math.abs(open[k].col - col) < Math.abs(open[best].col - col)) best = k;
      if (best < 0) continue;
      const o = open[best];
      open.splice(best, 1);
      const text = out.get(o.line) ?? masked[o.line];
      out.set(o.line, text.slice(0, o.col) + ' ' + text.slice(o.col + 1));
      out.set(i, underOpener(raw, out.get(i) ?? masked[i], col, o.col + 1));
    }
    for (const col of opens) open.push({ line: i, col });
    if (open.length > MAX_OPEN) open = open.slice(open.length - MAX_OPEN);
  }
  return out;
}
