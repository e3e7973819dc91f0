/** The `ocr-text` rule: boilerplate text damaged by OCR (DMB Number, a Greek or Cyrillic look-alike letter). */
import type { Finding } from '../types';
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
