/** The `missing-transaction-code` rule: a Form 4/5 transaction row whose transaction code is missing or was lost. */
import type { Token } from '../text/cells';
import { finding, type Rule, type RuleModule, rowPointer, transactions, unreadInRow } from './rule';

export const META = {
  code: 'missing-transaction-code',
  level: 'error',
  description: 'A Form 4/5 transaction row whose transaction code is missing or was lost.',
  docs: 'a Form 4/5 transaction row without its code',
} as const;

/** A short word opening with a capital: a code letter with what OCR glued to it. */
function mayHoldCode(t: Token): boolean {
  return (t.type === 'word' || t.type === 'letter') && t.text.length <= 4 && /^[A-Z]/.test(t.text);
}

const check: Rule = ({ model }) => {
  if (model.form === '3') return [];
  return transactions(model)
    // Text of the row no column took that may hold the code ("S10)", "Co": a letter OCR glued to a
    // reference; "so": a code OCR read in lower case) is reported as unread text: the code is unread
    // there, not missing. So is text the reader could not place in the row's region (its lines and
    // those up to the next row): a row whose cells were scattered may have its code among them.
    .filter((r) => r.codeMissing && !r.unknownCode && !r.unplaced.some(mayHoldCode) && !unreadInRow(model, r).length)
    .map((r) =>
      finding(META, `This ${r.table === 'derivative' ? 'Table II' : 'Table I'} transaction has no transaction code; add the code (e.g. P, S, A, M) in the Code column.`, r.range, {
        pointer: `${rowPointer(r)}/transactionCode`,
      }),
    );
};

const rule: RuleModule = { ...META, check };
export default rule;
