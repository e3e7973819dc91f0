/** The `duplicate-footnote` rule: the same footnote number defined twice. */
import type { Finding } from '../types';
import { finding, type Rule, type RuleModule, readFromImage } from './rule';

export const META = {
  code: 'duplicate-footnote',
  level: 'error',
  description: 'The same footnote number defined twice.',
  docs: 'the same number defined twice',
} as const;

/**
 * The number the footnote at `i` stands in place of: footnotes are numbered in order, so one whose
 * neighbours are n-1 and n+1 where n is defined nowhere stands where n belongs ("4." read for "1."
 * before "2."). Null when its place says nothing.
 */
function numberOfPlace(ids: readonly string[], i: number): number | null {
  const before = i === 0 ? 0 : Number(ids[i - 1]);
  const after = Number(ids[i + 1]);
  if (!Number.isInteger(before) || !Number.isInteger(after) || after - before !== 2) return null;
  const n = before + 1;
  return ids.includes(String(n)) ? null : n;
}

const check: Rule = ({ model }) => {
  const ids = model.footnotes.map((f) => f.id);
  const firstAt = new Map<string, number>();
  const out: Finding[] = [];
  model.footnotes.forEach((f, i) => {
    const seen = firstAt.get(f.id);
    if (seen === undefined) {
      firstAt.set(f.id, i);
      return;
    }
    // In text OCR read, a number defined twice where one of the two stands in the place of a number
    // defined nowhere is that number misread: a hint to check the page, not the filer's duplicate.
    const misreadAt = [seen, i].find((k) => numberOfPlace(ids, k) !== null);
    if (misreadAt !== undefined && readFromImage(model)) {
      const at = model.footnotes[misreadAt]!;
      out.push(finding(META, `Footnote (${f.id}) is defined twice, but one stands where (${numberOfPlace(ids, misreadAt)}) belongs and (${numberOfPlace(ids, misreadAt)}) is defined nowhere: OCR may have misread its number; check the page.`, at.markerRange, { pointer: `/footnotes/${misreadAt}`, severity: 'hint' }));
      return;
    }
    out.push(finding(META, `Footnote (${f.id}) is defined twice; merge the texts or renumber one of them.`, f.markerRange, { pointer: `/footnotes/${i}` }));
  });
  return out;
};

const rule: RuleModule = { ...META, check };
export default rule;
