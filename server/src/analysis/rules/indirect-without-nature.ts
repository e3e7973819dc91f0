/** The `indirect-without-nature` rule: an indirect (I) holding without the nature of the indirect ownership. */
import { finding, type Rule, type RuleModule, fieldRange, rowPointer, whenMaybeUnread } from './rule';

export const META = {
  code: 'indirect-without-nature',
  level: 'warning',
  description: 'An indirect (I) holding without the nature of the indirect ownership.',
  docs: 'I without the nature of ownership',
} as const;

const check: Rule = ({ model }) =>
  model.rows
    .filter((r) => r.record.directOrIndirect === 'I' && !r.record.natureOfOwnership)
    .map((r) => {
      const { extra, note } = whenMaybeUnread(model, r);
      return finding(META, `Indirect ownership (I) needs its nature, e.g. "By Trust" or "By Spouse", in the last column${note}.`, fieldRange(r, 'directOrIndirect') ?? r.range, { pointer: `${rowPointer(r)}/natureOfOwnership`, ...extra });
    });

const rule: RuleModule = { ...META, check };
export default rule;
