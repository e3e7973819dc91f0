/**
 * The intermediate form between the layout readers (this folder) and the form readers
 * (`filing/header.ts`, `filing/tables.ts`, `filing/footer.ts`).
 *
 * A layout reader knows how one family of converters lays text out (where a table row starts and
 * ends, which lines a cell wraps over, what markup surrounds the text) and nothing of the form's
 * wording. A form reader knows the form (its boxes, columns and captions) and nothing of
 * converters. What passes between them is written here and nowhere else: a reader returns values
 * of these types, never writes into another stage's records, and reports what it could not place
 * as {@link LayoutProblem}s instead of dropping it.
 */
import type { Token } from '../text/cells';
import type { MemoRecord } from '../text/memo';

/**
 * The families of converter output, one reader each. A document may mix them (a filing whose
 * header is flattened text and whose tables are drawn grids): detection runs per region.
 *
 * - `tab-separated`: cells split by tabs (PDF/OCR converters);
 * - `fixed-width`: columns by character position (`pdftotext -layout`);
 * - `plain`: running text with single spaces (PDF text without layout, OCR); no reader of its own yet;
 * - `drawn-grid`: box drawing or ASCII rules between rows; a row's cells wrap over the lines between rules;
 * - `cut-grid`: ASCII grid tables whose cells cut long words at the cell width and wrap inline markup;
 * - `pipe-table`: markdown pipe tables, one row a line;
 * - `bare-pipe`: pipe rows without outer pipes, ending in a hard break, wrapped at the tool's width;
 * - `raw-html`: HTML table markup left in the text; document order is reading order;
 * - `flattened`: every table row flattened to one single-spaced line, wrapped at the page width;
 * - `stacked`: a printed page read by OCR: single-spaced, each row's values on one line and its
 *   wrapped cells' lines above and below it (no column positions).
 */
export type LayoutFamily =
  | 'tab-separated'
  | 'fixed-width'
  | 'plain'
  | 'drawn-grid'
  | 'cut-grid'
  | 'pipe-table'
  | 'bare-pipe'
  | 'raw-html'
  | 'flattened'
  | 'stacked';

/** How a piece of a cell's text continues the text above it. */
export type Continuation = 'glued' | 'spaced' | 'none';

/** One line as the readers see it: its text, its mask and the cells its mask splits into. */
export interface SourceLine {
  /** Absolute document line. */
  readonly line: number;
  readonly raw: string;
  /**
   * One record shared by every line of the same raw text: memos of what the raw text alone
   * decides are kept by it (a slot lookup instead of hashing the text again).
   */
  readonly key: MemoRecord;
  readonly masked: string;
  /** The mask's borders are drawn (tab-separated after masking). */
  readonly hasBorders: boolean;
  readonly maskedLine: { readonly text: string; readonly bordered: boolean };
  readonly blank: boolean;
  readonly rule: boolean;
  readonly directive: boolean;
}

/** One cell of a table row: its column, where it stands in its first line, and its typed tokens. */
export interface RowCell {
  /** Column identity: grid/tab column, or the character offset in fixed-width text. */
  col: number;
  start: number;
  end: number;
  tokens: Token[];
}

/** One logical row of a table: every line it spans and its cells, wrapped text merged in. */
export interface LogicalRow<L extends SourceLine = SourceLine> {
  lines: L[];
  cells: RowCell[];
  /** The row's cells are told apart by drawn borders (tabs after masking), not by position. */
  bordered: boolean;
  /**
   * Stacked rows (OCR of a printed page): `cells` are the anchor line's (the row's values) and
   * these are the typed tokens of the lines of wrapped cells above it (top down) and below it,
   * a line each. Which column each line continues is the form reader's to decide.
   */
  stacked?: { above: Token[][]; below: Token[][] };
  /** A row standing on its own line with text only: the converter lost every value it had. */
  valuesLost?: boolean;
}

/**
 * What a layout reader needs to ask of the form without knowing its wording: supplied by the
 * form reader (tables.ts) that calls it.
 */
export interface RowJudge<L extends SourceLine = SourceLine> {
  /** The line's cells, with printed column-header text blanked and tokens typed. */
  cells(line: L): RowCell[];
  /** The line only labels columns (read line by line). */
  labelsColumns(line: L): boolean;
  /** Printed instructions or notices. */
  boilerplate(line: L): boolean;
  /** Column-header words on the line. */
  headerWords(line: L): number;
  /**
   * The cells read as a holding whose amount was lost (a title, then the ownership form alone).
   * `flattened`: the table's rows are one single-spaced cell each (asked lazily). `alone`: the
   * line opens no wrapped row (a rule or blank line stands above it), so text cells with no value
   * at all may be a row whose values the converter lost.
   */
  holding(cells: RowCell[], flattened: () => boolean, alone?: boolean): boolean;
}

/** Text a reader saw and could not place (or placed by a guess), reported, never dropped. */
export interface LayoutProblem {
  /** Absolute document line. */
  line: number;
  /** Offsets of the text in the line. */
  start: number;
  end: number;
  /** The text as it stands in the line. */
  text: string;
  /** One short sentence: what was not read and why. */
  reason: string;
  /** What to check in the text, when not where a table row's values stand. */
  advice?: string;
}

/** A table region read by its family's reader. Immutable once returned. */
export interface TableReading<L extends SourceLine = SourceLine> {
  readonly family: LayoutFamily;
  readonly rows: readonly LogicalRow<L>[];
  readonly problems: readonly LayoutProblem[];
}

/**
 * What a line-level reader changes of a filing's line masks (cell text read across lines of a grid
 * whose cells wrap their markup): line index in the filing → the rewrite. Lines not listed keep
 * the mask their text alone gives.
 */
export interface LineRewrite {
  /** The line's final mask (same length as the line). */
  masked: string;
  /** Offsets where the cell text continues the line above with no space between. */
  glue?: number[];
  /** Offsets where the cell text continues the line above after a space. */
  spaced?: number[];
  /** The line holds text though it has no letter or digit (a bracket a glued piece continues). */
  text?: true;
}
