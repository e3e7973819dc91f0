/** The `officer-title-missing` rule: officer is checked but no officer title is given (or Other without its text). */
import type { Finding } from '../types';
import { finding, whenMaybeUnread, type Rule, type RuleModule } from './rule';

export const META = {
  code: 'officer-title-missing',
  level: 'warning',
  description: 'Officer is checked but no officer title is given (or Other without its text).',
  docs: 'Officer (or Other) checked without the title (or text)',
} as const;

const check: Rule = ({ model }) => {
  const out: Finding[] = [];
  // OCR text: the title may stand on the page where the reading did not take it (a hint then).
  const { extra, note } = whenMaybeUnread(model);
  model.owners.forEach((o, i) => {
    const r = o.record;
    const range = (i === 0 ? model.header.relationshipRange : undefined) ?? o.range;
    if (r.isOfficer && !r.officerTitle) out.push(finding(META, 'Officer is checked but no title is given; write the title (e.g. "Chief Financial Officer") below the boxes.' + note, range, { pointer: `/reportingOwners/${i}/officerTitle`, ...extra }));
    if (r.isOther && !r.otherText) out.push(finding(META, 'Other is checked but not specified; describe the relationship below the boxes.' + note, range, { pointer: `/reportingOwners/${i}/otherText`, ...extra }));
  });
  return out;
};

const rule: RuleModule = { ...META, check };
export default rule;
