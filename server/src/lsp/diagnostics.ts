/**
 * Findings → LSP diagnostics, with the configured rule levels applied.
 *
 * The analysis keeps findings at their default severity; levels are applied here, at publish time,
 * so a settings change re-publishes from the cached snapshot without analysing anything again.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { applyRuleLevels, type Finding, type Severity } from '../analysis';
import type { DocumentSnapshot } from './documents';
import type { RuleLevels } from './settings';

export const DIAGNOSTIC_SOURCE = 'form345';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries back to the server in `codeAction` requests. */
export interface DiagnosticData {
  filing: number;
  pointer?: string;
}

/** The findings of a snapshot as the user configured them (rules set to `off` are gone). */
export function publishedFindings(snapshot: DocumentSnapshot, levels: RuleLevels): Finding[] {
  return applyRuleLevels(snapshot.result.findings, levels);
}

export function toDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = { filing: finding.filing };
  if (finding.pointer !== undefined) data.pointer = finding.pointer;
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  // Editors grey out "unnecessary" text: exactly what an unused footnote is.
  if (finding.code === 'unused-footnote') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function toDiagnostics(snapshot: DocumentSnapshot, levels: RuleLevels): Diagnostic[] {
  return publishedFindings(snapshot, levels).map(toDiagnostic);
}

/**
 * The same conversion with a memory: the incremental analyzer hands back the very same Finding
 * objects for filings an edit did not touch, so their diagnostics are converted once and reused.
 * Keyed by object identity (a WeakMap, so dropped findings are collected) and reset whenever the
 * rule levels object is replaced by a settings change.
 */
export class DiagnosticConverter {
  private cache = new WeakMap<Finding, Diagnostic>();
  private levels: RuleLevels | undefined;

  convert(snapshot: DocumentSnapshot, levels: RuleLevels): Diagnostic[] {
    if (levels !== this.levels) {
      this.cache = new WeakMap();
      this.levels = levels;
    }
    const out: Diagnostic[] = [];
    for (const finding of snapshot.result.findings) {
      const level = levels[finding.code];
      if (level === 'off') continue;
      let diagnostic = this.cache.get(finding);
      if (!diagnostic) {
        diagnostic = toDiagnostic(level ? { ...finding, severity: level } : finding);
        this.cache.set(finding, diagnostic);
      }
      out.push(diagnostic);
    }
    return out;
  }
}
