/** The `date-order` rule: dates out of order: expiration before exercisable, transaction after signature, deemed date outside its window. */
import type { Finding } from '../types';
import { finding, type Rule, type RuleModule, fieldRange, rowPointer, firstSignatureDate } from './rule';
import { addBusinessDays } from '../domain/calendar';
import { usDate } from '../text/format';

export const META = {
  code: 'date-order',
  level: 'warning',
  description: 'Dates out of order: expiration before exercisable, transaction after signature, deemed date outside its window.',
  docs: 'expiration before exercisable, transaction after signature, deemed date outside its window',
} as const;

const check: Rule = ({ model }) => {
  const out: Finding[] = [];
  const signed = firstSignatureDate(model);
  for (const r of model.rows) {
    const rec = r.record;
    if ('expirationDate' in rec && rec.expirationDate && rec.dateExercisable && rec.expirationDate < rec.dateExercisable) {
      out.push(finding(META, `Expiration date ${usDate(rec.expirationDate)} is before the date exercisable ${usDate(rec.dateExercisable)}; one of them is wrong.`, fieldRange(r, 'expirationDate') ?? r.range, { pointer: `${rowPointer(r)}/expirationDate` }));
    }
    if (rec.transactionDate && signed && rec.transactionDate > signed.iso) {
      out.push(finding(META, `Transaction date ${usDate(rec.transactionDate)} is after the signature date ${usDate(signed.iso)}; a filing cannot report a transaction before it happens.`, fieldRange(r, 'transactionDate') ?? r.range, { pointer: `${rowPointer(r)}/transactionDate` }));
    }
    if (rec.transactionDate && rec.deemedExecutionDate) {
      const latest = addBusinessDays(rec.transactionDate, 3);
      if (rec.deemedExecutionDate < rec.transactionDate || (latest && rec.deemedExecutionDate > latest)) {
        out.push(finding(META, `Deemed execution date ${usDate(rec.deemedExecutionDate)} must fall between the transaction date ${usDate(rec.transactionDate)} and three business days after it (Rule 16a-3(g)).`, fieldRange(r, 'deemedExecutionDate') ?? r.range, { pointer: `${rowPointer(r)}/deemedExecutionDate` }));
      }
    }
  }
  return out;
};

const rule: RuleModule = { ...META, check };
export default rule;
