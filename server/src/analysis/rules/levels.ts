import { RULE_CODES, type Finding, type RuleCode, type RuleLevel, type Severity } from '../types';
import { RULE_META } from './rules';

/** Default severity of every rule (from each rule's module): errors are hard rules, hints are typical patterns. */
export const DEFAULT_SEVERITY = Object.fromEntries(RULE_CODES.map((c) => [c, RULE_META[c].level])) as Record<RuleCode, Severity>;

/** One line per rule, for settings descriptions and `form345 check --list-rules`. */
export const RULE_DESCRIPTIONS = Object.fromEntries(RULE_CODES.map((c) => [c, RULE_META[c].description])) as Record<RuleCode, string>;

/** Applies per-rule levels: drops rules set to `off`, sets the severity of the others. */
export function applyRuleLevels(
  findings: readonly Finding[],
  levels: Partial<Record<string, RuleLevel>> = {},
): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const level = levels[f.code];
    if (level === 'off') continue;
    out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}
