/** The `internal-error` rule: a check that threw on a filing, reported instead of swallowed. */
import type { Finding, RuleCode } from '../types';
import { finding, type RuleContext, type RuleMeta } from './rule';

export const META = {
  code: 'internal-error',
  level: 'warning',
  description: 'A check failed on this filing (a bug in form345): its findings are missing, the other checks ran.',
  docs: 'a check failed on this filing (a bug): its findings are missing, the other checks still ran',
} as const satisfies RuleMeta;

/** A rule that threw: reported where the filing starts, so the missing checks are not silent. */
export function internalError(code: RuleCode, error: unknown, ctx: RuleContext): Finding {
  const why = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
  const at = ctx.filingRange.start;
  return finding(META, `The ${code} check failed on this filing (${why}); its findings are missing, the other checks ran. Please report this.`, {
    start: at,
    end: { line: at.line, character: at.character + 1 },
  });
}
