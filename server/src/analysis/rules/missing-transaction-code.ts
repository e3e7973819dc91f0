/** The `missing-transaction-code` rule: a Form 4/5 transaction row whose transaction code is missing or was lost. */
import { finding, type Rule, type RuleModule, rowPointer, transactions } from './rule';

export const META = {
  code: 'missing-transaction-code',
  level: 'error',
  description: 'A Form 4/5 transaction row whose transaction code is missing or was lost.',
  docs: 'a Form 4/5 transaction row without its code',
} as const;

const check: Rule = ({ model }) => {
  if (model.form === '3') return [];
  return transactions(model)
    .filter((r) => r.codeMissing && !r.unknownCode)
    .map((r) =>
      finding(META, `This ${r.table === 'derivative' ? 'Table II' : 'Table I'} transaction has no transaction code; add the code (e.g. P, S, A, M) in the Code column.`, r.range, {
        pointer: `${rowPointer(r)}/transactionCode`,
      }),
    );
};

const rule: RuleModule = { ...META, check };
export default rule;
