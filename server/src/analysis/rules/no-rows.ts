/** The `no-rows` rule: a Form 4 or 5 with no rows in either table and the exit box not checked. */
import { finding, type Rule, type RuleModule } from './rule';
import { CHECK_BOX_WORDING } from '../vocabulary/wording';

/** The exit box by the words of its caption that say what it means ("no longer subject to Section 16"). */
const EXIT_BOX_WORDS = CHECK_BOX_WORDING.exit.slice(CHECK_BOX_WORDING.exit.indexOf(' if ') + 4);

export const META = {
  code: 'no-rows',
  level: 'warning',
  description: 'A Form 4 or 5 with no rows in either table and the exit box not checked.',
  docs: 'a Form 4/5 with no rows and the exit box not checked',
} as const;

const check: Rule = ({ model, filingRange }) => {
  if (model.form === '3' || model.form === null || model.rows.length || model.exitBox.value === true) return [];
  const anchor = model.sections.find((s) => s.kind === 'tableI')?.headingRange ?? model.titleRange ?? filingRange;
  return [finding(META, `Neither table has a row; a Form 4 or 5 must report a transaction or holding unless the "${EXIT_BOX_WORDS}" box is checked.`, anchor)];
};

const rule: RuleModule = { ...META, check };
export default rule;
