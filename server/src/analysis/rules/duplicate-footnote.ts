/** The `duplicate-footnote` rule: the same footnote number defined twice. */
import type { Finding } from '../types';
import { finding, type Rule, type RuleModule } from './rule';

export const META = {
  code: 'duplicate-footnote',
  level: 'error',
  description: 'The same footnote number defined twice.',
  docs: 'the same number defined twice',
} as const;

const check: Rule = ({ model }) => {
  const seen = new Set<string>();
  const out: Finding[] = [];
  model.footnotes.forEach((f, i) => {
    if (seen.has(f.id)) out.push(finding(META, `Footnote (${f.id}) is defined twice; merge the texts or renumber one of them.`, f.markerRange, { pointer: `/footnotes/${i}` }));
    seen.add(f.id);
  });
  return out;
};

const rule: RuleModule = { ...META, check };
export default rule;
