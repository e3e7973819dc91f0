/** The `unknown-transaction-code` rule: a transaction code that is not one of the 20 codes of Form 4 General Instruction 8. */
import { finding, type Rule, type RuleModule, rowPointer } from './rule';

export const META = {
  code: 'unknown-transaction-code',
  level: 'error',
  description: 'A transaction code that is not one of the 20 codes of Form 4 General Instruction 8.',
  docs: 'a letter that is not one of the 20 codes of Form 4 General Instruction 8',
} as const;

const check: Rule = ({ model }) =>
  model.rows.flatMap((r) =>
    r.unknownCode
      ? [finding(META, `'${r.unknownCode.code}' is not a transaction code; use one of P S V A D F I M C E H O X G L W Z J K U (Form 4 General Instruction 8).`, r.unknownCode.range, { pointer: `${rowPointer(r)}/transactionCode` })]
      : [],
  );

const rule: RuleModule = { ...META, check };
export default rule;
