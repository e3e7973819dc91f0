/** The `ocr-text` rule: boilerplate text damaged by OCR (DMB Number, a Greek or Cyrillic look-alike letter). */
import type { Finding, Fix } from '../types';
import { finding, type Rule, type RuleModule, replaceFix } from './rule';
import type { PLine } from '../filing/prepare';
import { TextMemo } from '../text/memo';
import { findDamagedBoilerplate, findLookalikeLetters, type BoilerplateDamage, type LookalikeHit } from '../domain/ocr';

export const META = {
  code: 'ocr-text',
  level: 'hint',
  description: 'Boilerplate text damaged by OCR (DMB Number, a Greek or Cyrillic look-alike letter).',
  docs: 'boilerplate damaged by OCR (`DMB Number`, a Greek letter in `Γransaction`); fix: the printed text',
} as const;

/** Boilerplate damage by line text: printed lines repeat verbatim across filings. */
const damageMemo = new TextMemo<BoilerplateDamage[]>(20000);
const lookalikeMemo = new TextMemo<LookalikeHit[]>(5000);

function damagedBoilerplate(line: PLine): BoilerplateDamage[] {
  return damageMemo.get(line.raw, findDamagedBoilerplate);
}

function hasNonAscii(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) > 0x7f) return true;
  return false;
}

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
    for (const hit of damagedBoilerplate(l)) {
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
// Reporting OCR damage the way a person acts on it: one hint per damaged line.
//
// A damaged boilerplate line often holds several damaged words; a hint per word buries the other
// findings of a filing (a lightly damaged filing carried ~13 of them) and makes every publish of a
// big document heavy. The rule finds damage word by word (each word's fix stays exact); the
// editor shows one hint a line, whose preferred fix repairs the whole line and whose other fixes
// are the single words'.

/** How much OCR detail to report: one finding a damaged line (default) or one a damaged word. */
export type OcrDetail = 'line' | 'word';

export const OCR_DETAILS: readonly OcrDetail[] = ['line', 'word'];

function preferredEdit(f: Finding): { range: Finding['range']; newText: string } | undefined {
  const fix = f.fixes?.find((x) => x.isPreferred) ?? f.fixes?.[0];
  return fix?.edits.length === 1 ? fix.edits[0] : undefined;
}

/**
 * One finding for the `ocr-text` findings `words` of one line (two or more, in the order the rule
 * produced them); `lineText` is that line's text (to quote the damaged words).
 */
export function ocrLineFinding(words: readonly Finding[], lineText: string): Finding {
  const first = words[0]!;
  const line = first.range.start.line;
  let start = Infinity;
  let end = -Infinity;
  const parts: string[] = [];
  const wordFixes: Fix[] = [];
  const chosen: { range: Finding['range']; newText: string }[] = [];
  const shown = (t: string) => t.replace(/\s+/g, ' ');
  for (const w of words) {
    start = Math.min(start, w.range.start.character);
    end = Math.max(end, w.range.end.character);
    const found = shown(lineText.slice(w.range.start.character, w.range.end.character));
    const edit = preferredEdit(w);
    parts.push(edit ? `'${found}' should read '${shown(edit.newText)}'` : `'${found}'`);
    if (edit) {
      wordFixes.push({ title: `Replace '${found}' with '${edit.newText}'`, edits: [edit], isPreferred: false });
      // Two findings may cover one word (a look-alike letter inside damaged boilerplate): the
      // line fix takes the first and leaves the other for the next run, as fix-all does.
      const overlaps = chosen.some((c) => c.range.start.character < edit.range.end.character && edit.range.start.character < c.range.end.character);
      if (!overlaps) chosen.push(edit);
    }
  }
  const fixes: Fix[] = [];
  if (chosen.length) fixes.push({ title: `Fix OCR damage on this line (${chosen.length} ${chosen.length === 1 ? 'word' : 'words'})`, edits: chosen, isPreferred: true });
  fixes.push(...wordFixes);
  const message = `${words.length} words damaged by OCR on this line: ${parts.join('; ')}.`;
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
 * `findings` with the `ocr-text` findings of each line of each filing merged into one
 * ({@link ocrLineFinding}); a line with one damaged word keeps its finding as it is. Other findings
 * and the order are kept (a merged finding stands where its line's first word stood). `merge` may
 * memoize (the editor reuses merged findings of unchanged filings).
 */
export function groupOcrByLine(
  findings: readonly Finding[],
  lineText: (line: number) => string,
  merge: (words: readonly Finding[], lineText: (line: number) => string) => Finding = (w, t) => ocrLineFinding(w, t(w[0]!.range.start.line)),
): readonly Finding[] {
  let lines: Map<string, Finding[]> | undefined;
  for (const f of findings) {
    if (f.code !== META.code) continue;
    const key = `${f.filing}:${f.range.start.line}`;
    lines ??= new Map();
    const at = lines.get(key);
    if (at) at.push(f);
    else lines.set(key, [f]);
  }
  if (!lines || lines.size === 0) return findings;
  let any = false;
  for (const words of lines.values()) if (words.length > 1) any = true;
  if (!any) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.code !== META.code) {
      out.push(f);
      continue;
    }
    const words = lines.get(`${f.filing}:${f.range.start.line}`)!;
    if (words.length === 1) out.push(f);
    else if (words[0] === f) out.push(merge(words, lineText));
  }
  return out;
}
