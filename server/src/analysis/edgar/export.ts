/**
 * One filing as EDGAR would receive it: the ownership XML, and what EDGAR would say about it
 * (the findings that are EDGAR acceptance checks, plus the export's own `edgar-missing-cik`).
 * Shared by the CLI (`form345 xml`), the language server and the preview.
 */
import type { AnalysisResult, Finding, RuleCode, RuleLevel } from '../types';
import { applyRuleLevels, DEFAULT_SEVERITY } from '../rules/levels';
import { EDGAR_CHECKS } from './codes';
import { lookupCik, type CikMap } from './cikMap';
import { ownershipXml } from './xml';

export interface EdgarExport {
  xml: string;
  /** EDGAR's checks that fail, after rule levels and disable comments, by position. */
  findings: Finding[];
  /** What EDGAR would do: suspend the document, accept it with warnings, or accept it. */
  verdict: 'suspended' | 'warnings' | 'accepted';
}

export interface ExportOptions {
  cikMap?: CikMap;
  levels?: Partial<Record<string, RuleLevel>>;
  /** false: the verdict only (the preview), the XML is not written ('' instead). */
  xml?: boolean;
}

/** Whether a finding is one of EDGAR's acceptance checks. */
export function isEdgarCheck(f: Finding): boolean {
  return EDGAR_CHECKS[f.code as RuleCode] !== undefined;
}

const byFiling = new WeakMap<AnalysisResult, Map<number, Finding[]>>();

/** The EDGAR checks' findings of each filing, grouped once per analysis (a document may hold thousands). */
function edgarFindingsByFiling(result: AnalysisResult): Map<number, Finding[]> {
  let map = byFiling.get(result);
  if (!map) {
    map = new Map();
    for (const f of result.findings) {
      if (!isEdgarCheck(f)) continue;
      const list = map.get(f.filing);
      if (list) list.push(f);
      else map.set(f.filing, [f]);
    }
    byFiling.set(result, map);
  }
  return map;
}

/**
 * The XML of filing `index` of an analysis, and EDGAR's verdict. A check set to `off` does not
 * count; one kept at information or hint level is shown but does not decide the verdict.
 */
export function exportFiling(result: AnalysisResult, index: number, options: ExportOptions = {}): EdgarExport {
  const filing = result.filings[index];
  const map = options.cikMap;
  const { xml, issuerCik, ownerCiks } =
    options.xml === false
      ? {
          xml: '',
          issuerCik: map ? lookupCik(map, filing.record.issuer.tradingSymbol, filing.record.issuer.name) : null,
          ownerCiks: filing.record.reportingOwners.map((o) => (map ? lookupCik(map, o.name) : null)),
        }
      : ownershipXml(filing, { cikMap: map });
  const findings = [...(edgarFindingsByFiling(result).get(index) ?? [])];
  const missing: string[] = [];
  if (!issuerCik) missing.push(`the issuer${filing.record.issuer.tradingSymbol ? ` (${filing.record.issuer.tradingSymbol})` : filing.record.issuer.name ? ` (${filing.record.issuer.name})` : ''}`);
  ownerCiks.forEach((cik, i) => {
    if (!cik) missing.push(filing.record.reportingOwners[i].name ?? `reporting owner ${i + 1}`);
  });
  if (missing.length) {
    const at = filing.sources['/issuer/name'] ?? filing.outline.selectionRange;
    const range = { start: at.start, end: at.start.line === at.end.line ? at.end : { line: at.start.line, character: at.start.character + 1 } };
    findings.push({
      code: 'edgar-missing-cik',
      severity: DEFAULT_SEVERITY['edgar-missing-cik'],
      message: `No CIK for ${missing.join(', ')}: the form does not print CIKs, and EDGAR requires them; add them to the CIK map (--cik-map FILE, or the form345.cikMap setting).`,
      range,
      filing: index,
      pointer: '/issuer',
    });
  }
  const shown = applyRuleLevels(findings, options.levels).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const counts = shown.filter((f) => f.severity === 'error' || f.severity === 'warning');
  const verdict = counts.some((f) => EDGAR_CHECKS[f.code as RuleCode]?.outcome === 'suspended') ? 'suspended' : counts.length ? 'warnings' : 'accepted';
  return { xml, findings: shown, verdict };
}
