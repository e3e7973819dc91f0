/**
 * A filing's lines, each with its masked text and the facts every later stage asks about.
 *
 * Most of what the stages want to know about a line depends on its text alone (its mask, the
 * section it opens, whether it is boilerplate, how its cells split into box labels...). Filings
 * repeat their printed lines verbatim, so the facts this stage finds live in one record per
 * distinct line text, looked up once per line. Later stages never write into the record: each
 * keeps what it derives from a line in a memo of its own keyed by the record (FactsMemo, see
 * the accessors beside each stage), so every later filing with the same line reuses it.
 */
import { maskLine, isPlainLine, isRuleOrBlank, openTagAt, opensLinkTarget, linkTargetRest, readGridLines, readStrayTabs, readExpandedTabs, type MaskedLine } from '../layout';
import { TextMemo, type MemoRecord } from '../text/memo';
import { joinSplitPrintedWords } from '../vocabulary/words';
import { blankFurniture, findFurniture, type Furniture } from '../layout/pages';

/** What a line's text says on its own (found by this stage only). */
export interface LineFacts extends MemoRecord {
  maskedLine: MaskedLine;
  /** A `form345-disable...` comment line: not part of the filing's content. */
  directive: boolean;
  /** A rule, border or blank line: no letter or digit. */
  rule: boolean;
  blank: boolean;
  /** Cells are separated by tabs or drawn borders. */
  hasBorders: boolean;
  /** The raw line leaves an HTML tag open at its end (the next line starts inside it). */
  opensTag: boolean;
  /** The raw line leaves a markdown link target open at its end (`[text](/cgi-bin/browse-`). */
  opensLink?: boolean;
}

/**
 * One line of a filing: its number, its text and the shared facts of that text. The fields every
 * stage reads are the facts' (getters: a filing allocates one small object a line).
 */
export class PLine {
  /** Offsets where a grid cell's text continues the line above with no space between (layout/grids.ts). */
  glue?: number[];
  /** Offsets where a grid cell's text continues the line above after a space (layout/grids.ts). */
  spaced?: number[];
  /** The line before it in the filing's reading is a spacing line away (double-spaced text, layout/spacing.ts). */
  afterSpacing?: boolean;

  /** The facts of the raw text as first looked up: shared by every line of that text, never replaced. */
  readonly key: LineFacts;

  constructor(
    /** Absolute document line. */
    readonly line: number,
    readonly raw: string,
    /** Shared facts of this line's text (see {@link LineFacts}). */
    public facts: LineFacts,
  ) {
    this.key = facts;
  }

  get maskedLine(): MaskedLine {
    return this.facts.maskedLine;
  }

  get masked(): string {
    return this.facts.maskedLine.text;
  }

  /** Cells are separated by tabs or drawn borders (positions are column indices, not offsets). */
  get hasBorders(): boolean {
    return this.facts.hasBorders;
  }

  get blank(): boolean {
    return this.facts.blank;
  }

  /** A rule, border or blank line: no letter or digit. */
  get rule(): boolean {
    return this.facts.rule;
  }

  /** A `form345-disable...` comment line: not part of the filing's content. */
  get directive(): boolean {
    return this.facts.directive;
  }
}

const DIRECTIVE_RE = /^\s*(?:<!--\s*|\/\/\s*|#\s*)?form345-disable/;

function factsOf(raw: string, inTag: boolean): LineFacts {
  const directive = DIRECTIVE_RE.test(raw);
  // A plain line is its own mask: checking that is cheaper than masking it.
  const read: MaskedLine = directive ? { text: ' '.repeat(raw.length), bordered: false } : inTag ? maskLine(raw, true) : isPlainLine(raw) ? { text: raw, bordered: false } : maskLine(raw);
  const joined = joinSplitPrintedWords(read.text);
  const maskedLine: MaskedLine = joined === read.text ? read : { ...read, text: joined };
  const rest = inTag ? raw.slice(raw.indexOf('>') + 1 || raw.length) : raw;
  const facts = maskFacts(maskedLine, directive, (inTag && raw.indexOf('>') < 0) || openTagAt(rest) >= 0);
  // Only a masked line can hold a link target (a plain line is its own mask).
  if (maskedLine.text !== raw && opensLinkTarget(raw)) facts.opensLink = true;
  return facts;
}

function maskFacts(maskedLine: MaskedLine, directive: boolean, opensTag: boolean): LineFacts {
  const masked = maskedLine.text;
  return { maskedLine, directive, rule: isRuleOrBlank(masked), blank: masked.trim() === '', hasBorders: masked.includes('\t'), opensTag, memos: [] };
}

/**
 * Gives a line a mask its text alone does not explain (markup read across a grid cell's lines,
 * see layout/grids.ts), or glued cells: the line gets facts of its own, never shared by text.
 */
export function ownFacts(line: PLine, text = line.masked): void {
  line.facts = maskFacts({ text, bordered: line.maskedLine.bordered }, line.directive, line.facts.opensTag);
}

/** Facts of lines that do not start inside a tag, by their text. */
const factsMemo = new TextMemo<LineFacts>(20000);

/** The facts of a line's text; `inTag`: the line starts inside a tag opened on the line before. */
export function lineFacts(raw: string, inTag = false): LineFacts {
  return inTag ? factsOf(raw, true) : factsMemo.get(raw, (text) => factsOf(text, false));
}

/** `inTag`: the line starts inside an HTML tag left open on the line before. */
export function prepareLine(raw: string, line: number, inTag = false): PLine {
  return new PLine(line, raw, lineFacts(raw, inTag));
}

/**
 * Prepares a filing's lines in order, carrying HTML tags that wrap from one line to the next. Page
 * furniture (a browser's print header and footer, form feeds) is blanked in the lines' masks before
 * anything reads them, and listed in `furniture` (absolute lines) so that it is reported.
 * `lineOf`: the lines' own numbers (from `base`) when the filing is read without some of its lines
 * (double-spaced text).
 */
export function prepareLines(raws: readonly string[], base: number, furniture: Furniture[] = [], lineOf?: readonly number[]): PLine[] {
  const out: PLine[] = new Array(raws.length);
  const found = findFurniture(raws);
  let inTag = false;
  let inLink = false;
  const at = lineOf ? (i: number) => base + lineOf[i]! : (i: number) => base + i;
  for (let i = 0; i < raws.length; i++) {
    const p = prepareLine(raws[i], at(i), inTag);
    if (lineOf && i > 0 && lineOf[i]! === lineOf[i - 1]! + 2) p.afterSpacing = true;
    out[i] = p;
    inTag = p.facts.opensTag;
    const opensLink = p.facts.opensLink === true;
    if (inLink) {
      const end = linkTargetRest(p.raw);
      if (end > 0) ownFacts(p, ' '.repeat(end) + p.masked.slice(end));
    }
    inLink = opensLink;
  }
  const lineAt = at;
  for (let k = 0; k < found.length; ) {
    const at = found[k]!.line;
    const pieces: Furniture[] = [];
    for (; k < found.length && found[k]!.line === at; k++) pieces.push(found[k]!);
    const p = out[at]!;
    // Masks keep the raw line's offsets, so the pieces blank the same columns there.
    if (p.masked.length === p.raw.length) ownFacts(p, blankFurniture(p.masked, pieces));
    for (const f of pieces) furniture.push({ ...f, line: lineAt(at) });
  }
  // Tab-separated text whose tabs were expanded to spaces: its gaps that end on a tab stop are tabs.
  for (const [i, text] of readExpandedTabs(raws, (i) => out[i].masked)) ownFacts(out[i], text);
  // A tab inside a word of text laid out with spaces is a gap, not a cell edge.
  for (const [i, text] of readStrayTabs(raws, (i) => out[i].masked)) ownFacts(out[i], text);
  // Grid cells read across lines: their rewrites give the lines facts of their own.
  for (const [i, rewrite] of readGridLines(raws, (i) => out[i].masked)) {
    const line = out[i];
    ownFacts(line, rewrite.masked);
    if (rewrite.glue) line.glue = rewrite.glue;
    if (rewrite.spaced) line.spaced = rewrite.spaced;
    if (rewrite.text) line.facts.rule = false;
  }
  return out;
}
