/** The `code-on-form3` rule: a transaction code on a Form 3, which reports holdings only. */
import { finding, type Rule, type RuleModule, rowPointer } from './rule';

export const META = {
  code: 'code-on-form3',
  level: 'error',
  description: 'A transaction code on a Form 3, which reports holdings only.',
  docs: 'a transaction code on a Form 3 (holdings only)',
} as const;

const check: Rule = ({ model }) => {
  if (model.form !== '3') return [];
  return model.rows
    .filter((r) => r.form3Code)
    .map((r) => finding(META, `Form 3 reports holdings only; the transaction code '${r.form3Code!.code}' belongs on a Form 4 or 5.`, r.form3Code!.range, { pointer: rowPointer(r) }));
};

const rule: RuleModule = { ...META, check };
export default rule;
