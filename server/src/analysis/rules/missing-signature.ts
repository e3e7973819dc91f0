/** The `missing-signature` rule: no signature of the reporting person, or no signature date. */
import { finding, type Rule, type RuleModule } from './rule';
import { SIGNATURE_CAPTION } from '../vocabulary/wording';

export const META = {
  code: 'missing-signature',
  level: 'error',
  description: 'No signature of the reporting person, or no signature date.',
  docs: 'no signature or no signature date',
} as const;

const check: Rule = ({ model, filingRange }) => {
  const anchor = model.titleRange ?? { start: filingRange.start, end: { line: filingRange.start.line, character: filingRange.start.character + 1 } };
  if (!model.signatures.length) {
    if (!model.rows.length && !model.footnotes.length) return [];
    return [finding(META, `No signature of the reporting person found; add "/s/ Name" and the date above "${SIGNATURE_CAPTION}".`, anchor)];
  }
  return model.signatures
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => !s.date && !s.rawDate)
    .map(({ s, i }) => finding(META, 'The signature has no date; add the date the form was signed.', s.range, { pointer: `/signatures/${i}/date` }));
};

const rule: RuleModule = { ...META, check };
export default rule;
