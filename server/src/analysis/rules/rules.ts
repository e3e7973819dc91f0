/**
 * The checks: one module a rule (`rules/<code>.ts`, metadata beside the check), listed here in
 * the order of RULE_CODES, and run on every filing.
 */
import type { Finding, RuleCode } from '../types';
import type { Rule, RuleContext, RuleMeta, RuleModule } from './rule';
import { internalError, META as INTERNAL_ERROR } from './internal-error';
import unknownTransactionCode from './unknown-transaction-code';
import missingTransactionCode from './missing-transaction-code';
import codeOnForm3 from './code-on-form3';
import acquiredDisposedMismatch from './acquired-disposed-mismatch';
import invalidDate from './invalid-date';
import dateOrder from './date-order';
import missingPrice from './missing-price';
import holdingArithmetic from './holding-arithmetic';
import missingOwnershipForm from './missing-ownership-form';
import indirectWithoutNature from './indirect-without-nature';
import undefinedFootnote from './undefined-footnote';
import unusedFootnote from './unused-footnote';
import duplicateFootnote from './duplicate-footnote';
import lateFiling from './late-filing';
import missingSignature from './missing-signature';
import relationshipUnchecked from './relationship-unchecked';
import officerTitleMissing from './officer-title-missing';
import noRows from './no-rows';
import ocrText from './ocr-text';
import unreadText from './unread-text';
import edgarTooManyOwners from './edgar-too-many-owners';
import edgarTooManyRows from './edgar-too-many-rows';
import edgarTooManyFootnotes from './edgar-too-many-footnotes';
import edgarValueTooLong from './edgar-value-too-long';
import edgarRequiredValue from './edgar-required-value';
import edgarNatureOnDirect from './edgar-nature-on-direct';
import edgarMissingOriginalDate from './edgar-missing-original-date';
import edgarMissingCik from './edgar-missing-cik';

export type { Rule, RuleContext, RuleMeta, RuleModule } from './rule';

/** The rules that check a filing, in the order findings are produced. */
export const RULE_MODULES: readonly RuleModule[] = [
  unknownTransactionCode,
  missingTransactionCode,
  codeOnForm3,
  acquiredDisposedMismatch,
  invalidDate,
  dateOrder,
  missingPrice,
  holdingArithmetic,
  missingOwnershipForm,
  indirectWithoutNature,
  undefinedFootnote,
  unusedFootnote,
  duplicateFootnote,
  lateFiling,
  missingSignature,
  relationshipUnchecked,
  officerTitleMissing,
  noRows,
  ocrText,
  unreadText,
  edgarTooManyOwners,
  edgarTooManyRows,
  edgarTooManyFootnotes,
  edgarValueTooLong,
  edgarRequiredValue,
  edgarNatureOnDirect,
  edgarMissingOriginalDate,
  edgarMissingCik,
];

/** Metadata of every rule code, the checks' and internal-error's. */
export const RULE_META: Record<RuleCode, RuleMeta> = Object.fromEntries([...RULE_MODULES, INTERNAL_ERROR].map((m) => [m.code, m])) as Record<RuleCode, RuleMeta>;

/** The checks by code. */
export const RULES = Object.fromEntries(RULE_MODULES.map((m) => [m.code, m.check])) as Record<Exclude<RuleCode, 'internal-error'>, Rule>;

/**
 * Runs every rule of `rules` (all by default). A rule that throws is reported as an
 * `internal-error` finding and the others keep running: a bug in one check must neither hide the
 * others' findings nor take the editor down.
 */
export function runRules(ctx: RuleContext, rules: Partial<Record<RuleCode, Rule>> = RULES): Finding[] {
  const out: Finding[] = [];
  for (const [code, rule] of Object.entries(rules) as [RuleCode, Rule][]) {
    try {
      out.push(...rule(ctx));
    } catch (error) {
      out.push(internalError(code, error, ctx));
    }
  }
  return out;
}
