/**
 * The `form345/records` request and `form345/recordsChanged` notification (protocol.ts): the
 * normalized records of a document with their source ranges, for the preview and exports.
 * Findings are sent as published — configured levels applied, rules set to `off` left out — so the
 * preview and the Problems panel never disagree.
 */
import { applyRuleLevels, type CikMap } from '../analysis';
import { edgarVerdictOf } from './edgar';
import type { FilingRecords, RecordsChangedParams, RecordsResult } from '../protocol';
import type { DocumentSnapshot } from './documents';
import type { RuleLevels } from './settings';

export function recordsOf(snapshot: DocumentSnapshot, levels: RuleLevels, cikMap: CikMap = new Map()): RecordsResult {
  const filings: FilingRecords[] = snapshot.result.filings.map((f) => ({
    index: f.index,
    range: f.range,
    layout: f.layout,
    record: f.record,
    sources: f.sources,
    // Document-level findings are already filtered by disable comments; take this filing's share.
    findings: applyRuleLevels(
      snapshot.result.findings.filter((x) => x.filing === f.index),
      levels,
    ),
    edgar: edgarVerdictOf(snapshot, f.index, levels, cikMap),
  }));
  return { uri: snapshot.uri, version: snapshot.version, filings };
}

export function recordsChanged(snapshot: DocumentSnapshot): RecordsChangedParams {
  return { uri: snapshot.uri, version: snapshot.version };
}
