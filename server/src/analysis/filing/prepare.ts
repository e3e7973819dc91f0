/**
 * A filing's lines, each with its masked text and the facts every later stage asks about.
 */
import { maskLine, isPlainLine, isRuleOrBlank, openTagAt, type MaskedLine } from '../text/mask';
import { memoByText } from '../text/memo';
import { applyPandocGrids } from './grids';

/**
 * Masking is pure: lines that do not start inside a tag are masked once per distinct text, for
 * the filing anchors (document.ts) and for the parser alike.
 */
export const maskCached = memoByText((raw: string) => maskLine(raw));

export interface PLine {
  /** Absolute document line. */
  line: number;
  raw: string;
  maskedLine: MaskedLine;
  masked: string;
  /** Cells are separated by tabs or drawn borders (positions are column indices, not offsets). */
  hasBorders: boolean;
  blank: boolean;
  /** A rule, border or blank line: no letter or digit. */
  rule: boolean;
  /** A `form345-disable...` comment line: not part of the filing's content. */
  directive: boolean;
  /** Memo of the table stage's blanked text (see tables.ts), computed once. */
  valueText?: string;
  /** Offsets where a grid cell's text continues the line above with no space between (pandoc.ts). */
  glue?: number[];
}

const DIRECTIVE_RE = /^\s*(?:<!--\s*|\/\/\s*|#\s*)?form345-disable/;

/** `inTag`: the line starts inside an HTML tag left open on the line before. */
export function prepareLine(raw: string, line: number, inTag = false): PLine {
  const directive = DIRECTIVE_RE.test(raw);
  // A plain line is its own mask: checking that is cheaper than looking the line up in the memo.
  const maskedLine: MaskedLine = directive
    ? { text: ' '.repeat(raw.length), bordered: false }
    : inTag
      ? maskLine(raw, true)
      : isPlainLine(raw)
        ? { text: raw, bordered: false }
        : maskCached(raw);
  const masked = maskedLine.text;
  const rule = isRuleOrBlank(masked);
  return {
    line,
    raw,
    maskedLine,
    masked,
    hasBorders: masked.includes('\t'),
    blank: masked.trim() === '',
    rule,
    directive,
  };
}

/** Prepares a filing's lines in order, carrying HTML tags that wrap from one line to the next. */
export function prepareLines(raws: readonly string[], base: number): PLine[] {
  const out: PLine[] = [];
  let inTag = false;
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i];
    out.push(prepareLine(raw, base + i, inTag));
    const rest: string = inTag ? raw.slice(raw.indexOf('>') + 1 || raw.length) : raw;
    inTag = (inTag && raw.indexOf('>') < 0) || openTagAt(rest) >= 0;
  }
  applyPandocGrids(out);
  return out;
}
