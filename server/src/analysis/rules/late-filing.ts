/** The `late-filing` rule: a Form 4 signed more than two business days after the transaction. */
import { finding, type Rule, type RuleModule, transactions, firstSignatureDate } from './rule';
import { addBusinessDays, businessDaysAfter } from '../domain/calendar';
import { usDate } from '../text/format';

export const META = {
  code: 'late-filing',
  level: 'warning',
  description: 'A Form 4 signed more than two business days after the transaction.',
  docs: 'Form 4 signed more than two business days after the transaction (weekends and federal holidays counted; amendments excepted)',
} as const;

const check: Rule = ({ model }) => {
  if (model.form !== '4' || model.formType === '4/A') return [];
  const signed = firstSignatureDate(model);
  if (!signed) return [];
  // Each transaction is due two business days after it was executed (or deemed executed).
  const anchors: string[] = [];
  for (const r of transactions(model)) {
    const d = r.record.deemedExecutionDate ?? r.record.transactionDate;
    if (d) anchors.push(d);
  }
  if (!anchors.length && model.record.periodOfReport) anchors.push(model.record.periodOfReport);
  if (!anchors.length) return [];
  const earliest = anchors.sort()[0];
  const due = addBusinessDays(earliest, 2);
  if (!due || signed.iso <= due) return [];
  const late = businessDaysAfter(due, signed.iso);
  return [
    finding(META, `Signed ${usDate(signed.iso)}, but a Form 4 for the transaction of ${usDate(earliest)} was due by ${usDate(due)} (two business days)${late ? `; ${late} business day${late === 1 ? '' : 's'} late` : ''}.`, signed.range, { pointer: '/signatures/0/date' }),
  ];
};

const rule: RuleModule = { ...META, check };
export default rule;
