/** The `relationship-unchecked` rule: no relationship box (Director, Officer, 10% Owner, Other) is checked. */
import type { Finding } from '../types';
import { finding, type Rule, type RuleModule, whenMaybeUnread } from './rule';

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
    const range = (i === 0 ? model.header.relationshipRange : undefined) ?? o.range;
    const pointer = `/reportingOwners/${i}`;
    // A title under the box is printed for an officer or "other" only: the box's mark is there,
    // where the reader could not place it (beside a wrapped label, lost by OCR). Said, not an error.
    const title = r.officerTitle ?? r.otherText;
    if (title) {
      out.push(finding(META, `No relationship box was read as checked, but a title ("${title}") stands under the box; check that Officer or Other is marked.`, range, { pointer, severity: 'hint' }));
      return;
    }
    // Without the person's name (or with a "name" of no word, OCR's marks), box 1 was not read, and
    // neither were the marks beside it (a header OCR scrambled): the reader lost the boxes, the
    // filer may not have.
    if (!r.name || !/[A-Za-z]{2}/.test(r.name)) {
      out.push(finding(META, "No relationship box was read as checked, nor the name in box 1: the header may not have been read; check boxes 1 and 5.", range, { pointer, severity: 'hint' }));
      return;
    }
    // In text read from a printed image a check mark is small print OCR loses or moves onto another
    // box's line (a mark read after the issuer's ticker): the box may be checked on the page.
    const { extra, note } = whenMaybeUnread(model);
    out.push(finding(META, `No relationship box is checked${note}; check Director, Officer, 10% Owner or Other for this reporting person.`, range, { pointer, ...extra }));
  });
  return out;
};

const rule: RuleModule = { ...META, check };
export default rule;
