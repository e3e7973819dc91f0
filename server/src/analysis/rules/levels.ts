import type { Finding, RuleCode, RuleLevel, Severity } from '../types';
import { EDGAR_DEFAULT_SEVERITY, EDGAR_DESCRIPTIONS } from '../edgar/codes';

/** Default severity of every rule: errors are hard rules, hints are typical patterns. */
export const DEFAULT_SEVERITY: Record<RuleCode, Severity> = {
  'unknown-transaction-code': 'error',
  'missing-transaction-code': 'error',
  'code-on-form3': 'error',
  'acquired-disposed-mismatch': 'warning',
  'invalid-date': 'error',
  'date-order': 'warning',
  'missing-price': 'warning',
  'holding-arithmetic': 'information',
  'missing-ownership-form': 'warning',
  'indirect-without-nature': 'warning',
  'undefined-footnote': 'error',
  'unused-footnote': 'warning',
  'duplicate-footnote': 'error',
  'late-filing': 'warning',
  'missing-signature': 'error',
  'relationship-unchecked': 'error',
  'officer-title-missing': 'warning',
  'no-rows': 'warning',
  'ocr-text': 'hint',
  ...EDGAR_DEFAULT_SEVERITY,
};

/** One line per rule, for settings descriptions and `form345 check --list-rules`. */
export const RULE_DESCRIPTIONS: Record<RuleCode, string> = {
  'unknown-transaction-code': 'A transaction code that is not one of the 20 codes of Form 4 General Instruction 8.',
  'missing-transaction-code': 'A Form 4/5 transaction row whose transaction code is missing or was lost.',
  'code-on-form3': 'A transaction code on a Form 3, which reports holdings only.',
  'acquired-disposed-mismatch': 'The (A)/(D) column contradicts the direction the transaction code implies (P is A, S is D, ...).',
  'invalid-date': 'A date that does not exist (13/45/2020) or lies in the future.',
  'date-order': 'Dates out of order: expiration before exercisable, transaction after signature, deemed date outside its window.',
  'missing-price': 'A transaction row with neither a price nor a footnote explaining it.',
  'holding-arithmetic': 'The running balance of one security and ownership line does not add up from row to row.',
  'missing-ownership-form': 'A row without Direct (D) or Indirect (I) ownership form.',
  'indirect-without-nature': 'An indirect (I) holding without the nature of the indirect ownership.',
  'undefined-footnote': 'A footnote reference (n) with no definition under Explanation of Responses.',
  'unused-footnote': 'A footnote that is defined but never referenced (EDGAR suspends such a filing).',
  'duplicate-footnote': 'The same footnote number defined twice.',
  'late-filing': 'A Form 4 signed more than two business days after the transaction.',
  'missing-signature': 'No signature of the reporting person, or no signature date.',
  'relationship-unchecked': 'No relationship box (Director, Officer, 10% Owner, Other) is checked.',
  'officer-title-missing': 'Officer is checked but no officer title is given (or Other without its text).',
  'no-rows': 'A Form 4 or 5 with no rows in either table and the exit box not checked.',
  'ocr-text': 'Boilerplate text damaged by OCR (DMB Number, a Greek or Cyrillic look-alike letter).',
  ...EDGAR_DESCRIPTIONS,
};

/** Applies per-rule levels: drops rules set to `off`, sets the severity of the others. */
export function applyRuleLevels(
  findings: readonly Finding[],
  levels: Partial<Record<string, RuleLevel>> = {},
): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const level = levels[f.code];
    if (level === 'off') continue;
    out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}
