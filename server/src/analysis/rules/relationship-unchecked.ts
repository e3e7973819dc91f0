/** The `relationship-unchecked` rule: no relationship box (Director, Officer, 10% Owner, Other) is checked. */
import type { Finding } from '../types';
import { finding, type Rule, type RuleModule } from './rule';

export const META = {
  code: 'relationship-unchecked',
  level: 'error',
  description: 'No relationship box (Director, Officer, 10% Owner, Other) is checked.',
  docs: 'no relationship box checked',
} as const;

const check: Rule = ({ model }) => {
  const out: Finding[] = [];
  model.owners.forEach((o, i) => {
    const r = o.record;
    const flags = [r.isDirector, r.isOfficer, r.isTenPercentOwner, r.isOther];
    if (flags.some((f) => f === null) || flags.some(Boolean)) return;
    out.push(finding(META, 'No relationship box is checked; check Director, Officer, 10% Owner or Other for this reporting person.', (i === 0 ? model.header.relationshipRange : undefined) ?? o.range, { pointer: `/reportingOwners/${i}` }));
  });
  return out;
};

const rule: RuleModule = { ...META, check };
export default rule;
