/** The `ocr-text` rule: boilerplate text damaged by OCR (DMB Number, a Greek or Cyrillic look-alike letter). */
import type { Finding, Fix } from '../types';
import { boilerplateDamage, finding, hasNonAscii, type Rule, type RuleModule, replaceFix } from './rule';
import type { PLine } from '../filing/prepare';
import { TextMemo } from '../text/memo';
import { findLookalikeLetters, type LookalikeHit } from '../domain/ocr';

export const META = {
  code: 'ocr-text',
  level: 'hint',
  description: 'Boilerplate text damaged by OCR (DMB Number, a Greek or Cyrillic look-alike letter).',
  docs: 'boilerplate damaged by OCR (`DMB Number`, a Greek letter in `Γransaction`); fix: the printed text',
} as const;

const lookalikeMemo = new TextMemo<LookalikeHit[]>(5000);

/** Greek or Cyrillic look-alike letters in Latin words (only non-ASCII lines can have them). */
function lookalikeLetters(line: PLine): LookalikeHit[] {
  return hasNonAscii(line.raw) ? lookalikeMemo.get(line.raw, findLookalikeLetters) : [];
}

const check: Rule = ({ model }) => {
  const out: Finding[] = [];
  const end = model.sections.find((s) => s.kind === 'trailer')?.start ?? model.lines.length;
  // Filer-written text (table rows, footnote texts) holds no printed boilerplate to compare.
  const filerText = new Set<number>();
  for (const r of model.rows) for (const line of r.lines) filerText.add(line);
  for (const f of model.footnotes) for (let line = f.range.start.line; line <= f.range.end.line; line++) filerText.add(line);
  for (let k = 0; k < end; k++) {
    const l = model.lines[k];
    if (l.directive || l.blank || l.rule) continue;
    for (const hit of lookalikeLetters(l)) {
      const range = { start: { line: l.line, character: hit.start }, end: { line: l.line, character: hit.end } };
      out.push(finding(META, `'${hit.word}' has a non-Latin look-alike letter (OCR); it should read '${hit.corrected}'.`, range, { fixes: [replaceFix(`Replace with '${hit.corrected}'`, range, hit.corrected)] }));
    }
    if (filerText.has(l.line)) continue;
    for (const hit of boilerplateDamage(l)) {
      const range = { start: { line: l.line, character: hit.start }, end: { line: l.line, character: hit.end } };
      const shown = (t: string) => t.replace(/\s+/g, ' ');
      out.push(finding(META, `'${shown(hit.found)}' looks damaged by OCR; the form prints '${shown(hit.corrected)}'.`, range, { fixes: [replaceFix(`Replace with '${hit.corrected}'`, range, hit.corrected)] }));
    }
  }
  return out;
};

const rule: RuleModule = { ...META, check };
export default rule;

// ---------------------------------------------------------------------------------------------
// Reporting OCR damage the way a person acts on it: one hint per damaged line (or per filing).
//
// A damaged boilerplate line often holds several damaged words; a hint per word buries the other
// findings of a filing (a heavily damaged filing carries twenty of them) and makes every publish of
// a big document heavy. The rule finds damage word by word (each word's fix stays exact); the
// editor shows one hint a line, whose preferred fix repairs the whole line and whose other fixes
// are the single words'. `filing` goes further for big batches: one hint a filing, at its first
// damaged line, naming the other lines, whose preferred fix repairs the whole filing.

/** How much OCR detail to report: one finding a damaged line (default), word, or filing. */
export type OcrDetail = 'line' | 'word' | 'filing';

export const OCR_DETAILS: readonly OcrDetail[] = ['line', 'word', 'filing'];

type Edit = { range: Finding['range']; newText: string };

function preferredEdit(f: Finding): Edit | undefined {
  const fix = f.fixes?.find((x) => x.isPreferred) ?? f.fixes?.[0];
  return fix?.edits.length === 1 ? fix.edits[0] : undefined;
}

const shown = (t: string) => t.replace(/\s+/g, ' ');

/** What the words of one line say and offer: their quotes, their own fixes. */
function lineParts(words: readonly Finding[], lineText: string): { parts: string[]; wordFixes: Fix[]; start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  const parts: string[] = [];
  const wordFixes: Fix[] = [];
  for (const w of words) {
    start = Math.min(start, w.range.start.character);
    end = Math.max(end, w.range.end.character);
    const found = shown(lineText.slice(w.range.start.character, w.range.end.character));
    const edit = preferredEdit(w);
    parts.push(edit ? `'${found}' should read '${shown(edit.newText)}'` : `'${found}'`);
    if (edit) wordFixes.push({ title: `Replace '${found}' with '${edit.newText}'`, edits: [edit], isPreferred: false });
  }
  return { parts, wordFixes, start, end };
}

/**
 * The words' preferred edits that do not overlap an earlier one: two findings may cover one word
 * (a look-alike letter inside damaged boilerplate); the first is taken and the other left for the
 * next run, as fix-all does.
 */
function disjointEdits(words: readonly Finding[]): Edit[] {
  const chosen: Edit[] = [];
  for (const w of words) {
    const edit = preferredEdit(w);
    if (!edit) continue;
    const r = edit.range;
    const overlaps = chosen.some((c) => c.range.start.line === r.start.line && c.range.start.character < r.end.character && r.start.character < c.range.end.character);
    if (!overlaps) chosen.push(edit);
  }
  return chosen;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function merged(first: Finding, message: string, line: number, start: number, end: number, fixes: Fix[]): Finding {
  return {
    code: first.code,
    severity: first.severity,
    message,
    range: { start: { line, character: start }, end: { line, character: end } },
    filing: first.filing,
    ...(fixes.length ? { fixes } : {}),
  };
}

/**
 * One finding for the `ocr-text` findings `words` of one line (two or more, in the order the rule
 * produced them); `lineText` is that line's text (to quote the damaged words).
 */
export function ocrLineFinding(words: readonly Finding[], lineText: string): Finding {
  const { parts, wordFixes, start, end } = lineParts(words, lineText);
  const chosen = disjointEdits(words);
  const fixes: Fix[] = [];
  if (chosen.length) fixes.push({ title: `Fix OCR damage on this line (${plural(chosen.length, 'word')})`, edits: chosen, isPreferred: true });
  fixes.push(...wordFixes);
  return merged(words[0]!, `${words.length} words damaged by OCR on this line: ${parts.join('; ')}.`, words[0]!.range.start.line, start, end, fixes);
}

/** Lines named in a filing's message, at most. */
const NAMED_LINES = 12;

/**
 * One finding for the `ocr-text` findings `words` of one filing on two or more lines: it stands on
 * the first damaged line, quotes that line's words and names the other lines (1-based, as editors
 * number them); its preferred fix repairs the whole filing, its other fixes that line's words.
 */
export function ocrFilingFinding(words: readonly Finding[], lineText: (line: number) => string): Finding {
  const line = words[0]!.range.start.line;
  const here = words.filter((w) => w.range.start.line === line);
  const { parts, wordFixes, start, end } = lineParts(here, lineText(line));
  const lines = [...new Set(words.map((w) => w.range.start.line))];
  const others = lines.filter((l) => l !== line);
  const named = others.slice(0, NAMED_LINES).map((l) => l + 1).join(', ') + (others.length > NAMED_LINES ? ', ...' : '');
  const chosen = disjointEdits(words);
  const fixes: Fix[] = [];
  if (chosen.length) fixes.push({ title: `Fix OCR damage in this filing (${plural(chosen.length, 'word')} on ${plural(lines.length, 'line')})`, edits: chosen, isPreferred: true });
  fixes.push(...wordFixes);
  const message = `${plural(words.length, 'word')} damaged by OCR on ${plural(lines.length, 'line')} of this filing; here ${parts.join('; ')}; also on ${others.length === 1 ? 'line' : 'lines'} ${named}.`;
  return merged(words[0]!, message, line, start, end, fixes);
}

/** Merges the words of one group (a line's or a filing's) into one finding. */
export type OcrMerge = (words: readonly Finding[], lineText: (line: number) => string, detail: OcrDetail) => Finding;

const mergeNow: OcrMerge = (words, lineText, detail) => {
  const first = words[0]!.range.start.line;
  return detail === 'filing' && words.some((w) => w.range.start.line !== first) ? ocrFilingFinding(words, lineText) : ocrLineFinding(words, lineText(first));
};

/**
 * `findings` with the `ocr-text` findings merged at `detail`: those of each line of each filing
 * into one ({@link ocrLineFinding}), or those of each filing ({@link ocrFilingFinding}); a group
 * of one keeps its finding as it is, and `word` keeps them all. Other findings and the order are
 * kept (a merged finding stands where its group's first word stood). `merge` may memoize (the
 * editor reuses merged findings of unchanged filings).
 */
export function groupOcr(findings: readonly Finding[], detail: OcrDetail, lineText: (line: number) => string, merge: OcrMerge = mergeNow): readonly Finding[] {
  if (detail === 'word') return findings;
  const keyOf = detail === 'filing' ? (f: Finding) => `${f.filing}` : (f: Finding) => `${f.filing}:${f.range.start.line}`;
  let groups: Map<string, Finding[]> | undefined;
  for (const f of findings) {
    if (f.code !== META.code) continue;
    const key = keyOf(f);
    groups ??= new Map();
    const at = groups.get(key);
    if (at) at.push(f);
    else groups.set(key, [f]);
  }
  if (!groups) return findings;
  let any = false;
  for (const words of groups.values()) if (words.length > 1) any = true;
  if (!any) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.code !== META.code) {
      out.push(f);
      continue;
    }
    const words = groups.get(keyOf(f))!;
    if (words.length === 1) out.push(f);
    else if (words[0] === f) out.push(merge(words, lineText, detail));
  }
  return out;
}

/** {@link groupOcr} at `line` detail. */
export function groupOcrByLine(findings: readonly Finding[], lineText: (line: number) => string): readonly Finding[] {
  return groupOcr(findings, 'line', lineText);
}
