/** The `missing-ownership-form` rule: a row without Direct (D) or Indirect (I) ownership form. */
import { finding, type Rule, type RuleModule, rowPointer, whenMaybeUnread } from './rule';

export const META = {
  code: 'missing-ownership-form',
  level: 'warning',
  description: 'A row without Direct (D) or Indirect (I) ownership form.',
  docs: 'no D/I',
} as const;

const check: Rule = ({ model }) =>
  model.rows
    .filter((r) => r.record.directOrIndirect === null)
    .map((r) => {
      const { extra, note } = whenMaybeUnread(model, r);
      return finding(META, `This row does not say whether ownership is direct (D) or indirect (I)${note}; fill in the Ownership Form column.`, r.range, { pointer: `${rowPointer(r)}/directOrIndirect`, ...extra });
    });

const rule: RuleModule = { ...META, check };
export default rule;
