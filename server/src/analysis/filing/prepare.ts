/**
 * A filing's lines, each with its masked text and the facts every later stage asks about.
 *
 * Most of what the stages want to know about a line depends on its text alone (its mask, the
 * section it opens, whether it is boilerplate, how its cells split into box labels...). Filings
 * repeat their printed lines verbatim, so those facts live in one record per distinct line text,
 * looked up once per line: each stage fills its own field the first time it asks (see the
 * accessors beside each stage), and every later filing with the same line reuses it.
 */
import { maskLine, isPlainLine, isRuleOrBlank, openTagAt, type MaskedLine } from '../text/mask';
import { TextMemo } from '../text/memo';
import { applyPandocGrids } from './grids';
import { furnitureLines } from '../layout/furniture';
import type { SectionKind } from './vocabulary';
import type { CellPlan } from './header';
import type { BoilerplateDamage, LookalikeHit } from '../domain/ocr';
import type { LabelKey } from '../types';

/** What a line's text says on its own. Optional fields are filled by the stage that needs them. */
export interface LineFacts {
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
  /** vocabulary.ts: the section this line opens (null: none). */
  section?: SectionKind | null;
  /** vocabulary.ts: printed instructions or notices. */
  boilerplate?: boolean;
  /** tables.ts: masked text with glued column-header fragments and column numbers blanked. */
  valueText?: string;
  /** tables.ts: column-header words in `valueText`. */
  headerWords?: number;
  /** tables.ts: the line only labels columns. */
  labelsColumns?: boolean;
  /** header.ts: the line's cells cut into label and text parts, per form. */
  headerPlans?: Partial<Record<'3' | '4' | '5' | '3h' | '4h' | '5h', CellPlan[]>>;
  /** rules.ts: OCR damage in printed words. */
  damage?: BoilerplateDamage[];
  /** rules.ts: non-Latin look-alike letters inside Latin words. */
  lookalikes?: LookalikeHit[];
  /** parse.ts: printed column labels (offsets in the line). */
  columnLabels?: { key: LabelKey; start: number; end: number }[];
  /** parse.ts: layout signals of the raw text (bit set, see detectLayout). */
  layoutSignals?: number;
}

/**
 * One line of a filing: its number, its text and the shared facts of that text. The fields every
 * stage reads are the facts' (getters: a filing allocates one small object a line).
 */
export class PLine {
  /** Offsets where a grid cell's text continues the line above with no space between (pandoc.ts). */
  glue?: number[];
  /** Offsets where a grid cell's text continues the line above after a space (pandoc.ts). */
  spaced?: number[];

  constructor(
    /** Absolute document line. */
    readonly line: number,
    readonly raw: string,
    /** Shared facts of this line's text (see {@link LineFacts}). */
    public facts: LineFacts,
  ) {}

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
  const maskedLine: MaskedLine = directive ? { text: ' '.repeat(raw.length), bordered: false } : inTag ? maskLine(raw, true) : isPlainLine(raw) ? { text: raw, bordered: false } : maskLine(raw);
  const rest = inTag ? raw.slice(raw.indexOf('>') + 1 || raw.length) : raw;
  const facts = maskFacts(maskedLine, directive, (inTag && raw.indexOf('>') < 0) || openTagAt(rest) >= 0);
  // Only a masked line can hold a link target (a plain line is its own mask).
  if (maskedLine.text !== raw && opensLinkTarget(raw)) facts.opensLink = true;
  return facts;
}

/** The line ends inside a markdown link target: `](` with no `)` or space after it. */
function opensLinkTarget(raw: string): boolean {
  const at = raw.lastIndexOf('](');
  if (at < 0 || at + 2 >= raw.length) return false;
  for (let i = at + 2; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 41 || c === 32 || c === 9) return false;
  }
  return true;
}

/**
 * A link target wrapped onto the next line (html2text: `[NAME](/cgi-bin/browse-` /
 * `edgar?action=getcompany&CIK=0001057067)`): the line's first word, up to its `)`, is target.
 * Returns the end of the target's rest, or -1.
 */
function linkTargetRest(raw: string): number {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 41) return i + 1;
    if (c === 32 || c === 9 || c === 93 || c === 91) return -1;
  }
  return -1;
}

function maskFacts(maskedLine: MaskedLine, directive: boolean, opensTag: boolean): LineFacts {
  const masked = maskedLine.text;
  return { maskedLine, directive, rule: isRuleOrBlank(masked), blank: masked.trim() === '', hasBorders: masked.includes('\t'), opensTag };
}

/**
 * Gives a line a mask its text alone does not explain (pandoc markup read across a grid cell's
 * lines, see grids.ts), or glued cells: the line gets facts of its own, never shared by text.
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

/** Prepares a filing's lines in order, carrying HTML tags that wrap from one line to the next. */
export function prepareLines(raws: readonly string[], base: number): PLine[] {
  const out: PLine[] = new Array(raws.length);
  let inTag = false;
  let inLink = false;
  for (let i = 0; i < raws.length; i++) {
    const p = prepareLine(raws[i], base + i, inTag);
    out[i] = p;
    inTag = p.facts.opensTag;
    const opensLink = p.facts.opensLink === true;
    if (inLink) {
      const end = linkTargetRest(p.raw);
      if (end > 0) ownFacts(p, ' '.repeat(end) + p.masked.slice(end));
    }
    inLink = opensLink;
  }
  // Page furniture (a printed page's header and footer) is no part of the filing: blanked, the
  // line numbers kept.
  for (const i of furnitureLines(raws)) ownFacts(out[i], ' '.repeat(raws[i].length));
  applyPandocGrids(out);
  return out;
}
