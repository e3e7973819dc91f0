/** The `missing-price` rule: a transaction row with neither a price nor a footnote explaining it. */
import { finding, type Rule, type RuleModule, rowPointer, transactions, whenMaybeUnread } from './rule';

export const META = {
  code: 'missing-price',
  level: 'warning',
  description: 'A transaction row with neither a price nor a footnote explaining it.',
  docs: 'a transaction with neither price nor footnote',
} as const;

const check: Rule = ({ model }) =>
  transactions(model)
    .filter((r) => r.record.pricePerShare === null && !r.footnoted.has('pricePerShare') && r.record.shares !== null)
    .map((r) => {
      const { extra, note } = whenMaybeUnread(model, r);
      return finding(META, `This transaction has no price${note}; enter the price per share (0 for no consideration) or a footnote explaining it.`, r.range, { pointer: `${rowPointer(r)}/pricePerShare`, ...extra });
    });

const rule: RuleModule = { ...META, check };
export default rule;
