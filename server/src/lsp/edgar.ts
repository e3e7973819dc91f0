/**
 * The `form345/edgarXml` request (protocol.ts): the EDGAR ownership XML of an open document's
 * filings, with EDGAR's verdict, for "Export EDGAR XML" and "Open EDGAR XML to the Side".
 */
import { exportFiling, type CikMap } from '../analysis';
import type { EdgarVerdict, EdgarXmlResult } from '../protocol';
import type { DocumentSnapshot } from './documents';
import type { RuleLevels } from './settings';

export function edgarXmlOf(snapshot: DocumentSnapshot, levels: RuleLevels, cikMap: CikMap, filing?: number): EdgarXmlResult {
  const indexes = snapshot.result.filings.map((f) => f.index).filter((i) => filing === undefined || i === filing);
  return {
    uri: snapshot.uri,
    version: snapshot.version,
    filings: indexes.map((index) => {
      const e = exportFiling(snapshot.result, index, { cikMap, levels });
      return { index, xml: e.xml, verdict: e.verdict, findings: e.findings };
    }),
  };
}

/** EDGAR's verdict on one filing, for the preview (the XML itself is not sent). */
export function edgarVerdictOf(snapshot: DocumentSnapshot, index: number, levels: RuleLevels, cikMap: CikMap): EdgarVerdict {
  const e = exportFiling(snapshot.result, index, { cikMap, levels, xml: false });
  return { verdict: e.verdict, findings: e.findings };
}
