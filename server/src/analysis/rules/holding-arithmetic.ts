/** The `holding-arithmetic` rule: the running balance of one security and ownership line does not add up from row to row. */
import type { Finding } from '../types';
import { finding, type Rule, type RuleModule, replaceFix, fmt, fieldRange, rowPointer } from './rule';
import type { ParsedRow } from '../filing/tables';

export const META = {
  code: 'holding-arithmetic',
  level: 'information',
  description: 'The running balance of one security and ownership line does not add up from row to row.',
  docs: 'the running balance of one security and ownership line breaks; fix: the computed balance',
} as const;

const check: Rule = ({ model }) => {
  const out: Finding[] = [];
  const last = new Map<string, ParsedRow>();
  for (const r of model.rows) {
    const rec = r.record;
    if (r.kind !== 'transaction' || rec.sharesOwnedFollowing === null) continue;
    const key = `${r.table}|${(rec.securityTitle ?? '').toLowerCase()}|${rec.directOrIndirect ?? ''}|${(rec.natureOfOwnership ?? '').toLowerCase()}`;
    const prev = last.get(key);
    last.set(key, r);
    if (!prev || prev.record.sharesOwnedFollowing === null || rec.shares === null || !rec.acquiredDisposed) continue;
    const expected = prev.record.sharesOwnedFollowing + (rec.acquiredDisposed === 'A' ? rec.shares : -rec.shares);
    if (expected < 0 || Math.abs(expected - rec.sharesOwnedFollowing) < 0.0005) continue;
    const range = fieldRange(r, 'sharesOwnedFollowing') ?? r.range;
    const raw = r.fields.find((f) => f.field === 'sharesOwnedFollowing')?.raw ?? '';
    const text = raw.includes(',') || expected >= 10000 ? fmt(expected) : String(expected);
    out.push(
      finding(META, `Owned after this row should be ${fmt(expected)} (${fmt(prev.record.sharesOwnedFollowing)} ${rec.acquiredDisposed === 'A' ? '+' : '−'} ${fmt(rec.shares)}), not ${fmt(rec.sharesOwnedFollowing)}; check the amounts or the row order.`, range, {
        pointer: `${rowPointer(r)}/sharesOwnedFollowing`,
        fixes: fieldRange(r, 'sharesOwnedFollowing') ? [replaceFix(`Change to ${text}`, range, text)] : [],
      }),
    );
  }
  return out;
};

const rule: RuleModule = { ...META, check };
export default rule;
