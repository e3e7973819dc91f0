/** The `acquired-disposed-mismatch` rule: the (A)/(D) column contradicts the direction the transaction code implies (P is A, S is D, ...). */
import type { Finding, Fix } from '../types';
import { finding, type Rule, type RuleModule, replaceFix, fieldRange, rowPointer, transactions } from './rule';
import { expectedDirection } from '../domain/codes';

export const META = {
  code: 'acquired-disposed-mismatch',
  level: 'warning',
  description: 'The (A)/(D) column contradicts the direction the transaction code implies (P is A, S is D, ...).',
  docs: '(A)/(D) contradicts the code\'s direction (P is A, S is D, F is D, ...); fix: the code\'s direction',
} as const;

const check: Rule = ({ model }) => {
  const out: Finding[] = [];
  for (const r of transactions(model)) {
    const code = r.record.transactionCode;
    const actual = r.record.acquiredDisposed;
    if (!code || !actual) continue;
    const expected = expectedDirection(code, r.table);
    if (!expected || expected.direction === actual) continue;
    const range = fieldRange(r, 'acquiredDisposed') ?? fieldRange(r, 'shares') ?? r.range;
    const word = (d: string) => (d === 'A' ? 'acquired (A)' : 'disposed of (D)');
    const fixes: Fix[] = r.table === 'nonDerivative' && fieldRange(r, 'acquiredDisposed') ? [replaceFix(`Change to ${expected.direction}`, range, expected.direction)] : [];
    const strength = expected.strength === 'hard' ? 'always' : 'normally';
    out.push(
      finding(META, `Code ${code} ${strength} means securities ${word(expected.direction)}, but this row says ${word(actual)}; check the code or the (A)/(D) column.`, range, {
        pointer: `${rowPointer(r)}/acquiredDisposed`,
        fixes,
      }),
    );
  }
  return out;
};

const rule: RuleModule = { ...META, check };
export default rule;
