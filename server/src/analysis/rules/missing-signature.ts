/** The `missing-signature` rule: no signature of the reporting person, or no signature date. */
import { finding, type Rule, type RuleModule, readFromImage } from './rule';
import { SIGNATURE_CAPTION } from '../vocabulary/wording';
import type { FilingModel } from '../filing/parse';

export const META = {
  code: 'missing-signature',
  level: 'error',
  description: 'No signature of the reporting person, or no signature date.',
  docs: 'no signature or no signature date',
} as const;

/**
 * Text read from a printed image by OCR loses what it cannot read, and a signature's handwriting
 * font and its small date are what it loses most (a date read as "0670512024" is no date): there
 * a signature or date not read is said as a hint to check the page, not an error of the filer's.
 */
/**
 * What is left of a date OCR damaged on a signature's lines: a word of digits with slashes read as
 * 7, 1 or l and zeros as O or U ("0670512024", "OU26/2023", "4/9999"), at least five digits.
 */
function dateRemains(model: FilingModel, line: number): string | null {
  const at = model.lines.findIndex((l) => l.line === line);
  if (at < 0) return null;
  for (const l of model.lines.slice(at, at + 3)) {
    for (const word of l.masked.split(/\s+/)) {
      if (/^[\dOoUIl|/.,-]{6,10}$/.test(word) && /\d$/.test(word) && (word.match(/\d/g)?.length ?? 0) >= 5) return word;
    }
  }
  return null;
}

const check: Rule = ({ model, filingRange }) => {
  const anchor = model.titleRange ?? { start: filingRange.start, end: { line: filingRange.start.line, character: filingRange.start.character + 1 } };
  const lost = readFromImage(model) ? { severity: 'hint' as const } : {};
  const ocrNote = lost.severity ? ' (OCR text: it may be on the page and not read; check the page)' : '';
  if (!model.signatures.length) {
    if (!model.rows.length && !model.footnotes.length) return [];
    return [finding(META, `No signature of the reporting person found${ocrNote}; add "/s/ Name" and the date above "${SIGNATURE_CAPTION}".`, anchor, lost)];
  }
  return model.signatures
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => !s.date && !s.rawDate)
    .map(({ s, i }) => {
      // A date damaged past reading (or written in a way no reader takes) is there, not missing:
      // said as a hint with what is left of it.
      const remains = dateRemains(model, s.range.start.line);
      if (remains) return finding(META, `The signature's date reads "${remains}", which does not read as a date (OCR may have damaged it); write the date signed as MM/DD/YYYY.`, s.range, { pointer: `/signatures/${i}/date`, severity: 'hint' });
      return finding(META, `The signature has no date${ocrNote}; add the date the form was signed.`, s.range, { pointer: `/signatures/${i}/date`, ...lost });
    });
};

const rule: RuleModule = { ...META, check };
export default rule;
