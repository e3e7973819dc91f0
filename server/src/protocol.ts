/**
 * Custom LSP messages shared by the language server and the VS Code client (and any other client).
 * Plain types and method names only: importable from both sides without pulling in either runtime.
 */
import type { FilingRecord, Finding, LayoutKind, Range, Severity } from './analysis/types';

/** `form345/records`: the normalized records of an open document, for the preview and exports. */
export const RECORDS_METHOD = 'form345/records';

export interface RecordsParams {
  uri: string;
}

/** A finding as published: severity after the configured rule level. */
export interface PublishedFinding extends Omit<Finding, 'severity'> {
  severity: Severity;
}

export interface FilingRecords {
  index: number;
  range: Range;
  layout: LayoutKind;
  record: FilingRecord;
  /** JSON pointer into `record` → source range in the document. */
  sources: Record<string, Range>;
  findings: PublishedFinding[];
  /** Would EDGAR accept the filing's XML, and why not: the EDGAR checks among the findings. */
  edgar?: EdgarVerdict;
}

export interface EdgarVerdict {
  /** suspended: EDGAR would not accept it; warnings: accepted with warnings; accepted: nothing found. */
  verdict: 'suspended' | 'warnings' | 'accepted';
  /** The EDGAR checks that fail (levels applied), `edgar-missing-cik` included. */
  findings: PublishedFinding[];
}

export interface RecordsResult {
  uri: string;
  /** Document version the records were computed from. */
  version: number;
  filings: FilingRecords[];
}

/** `form345/recordsChanged` (server → client notification): records of `uri` changed; re-request. */
export const RECORDS_CHANGED_METHOD = 'form345/recordsChanged';

export interface RecordsChangedParams {
  uri: string;
  version: number;
}

/** `form345/edgarXml`: the EDGAR ownership XML of an open document's filings (all, or one). */
export const EDGAR_XML_METHOD = 'form345/edgarXml';

export interface EdgarXmlParams {
  uri: string;
  /** Index of one filing; all filings when absent. */
  filing?: number;
}

export interface EdgarXmlResult {
  uri: string;
  version: number;
  filings: (EdgarVerdict & { index: number; xml: string })[];
}

/** `form345/ledger`: the holdings ledger of the workspace (README, "Across filings"), for the Ledger view. */
export const LEDGER_METHOD = 'form345/ledger';

/** The `form345 ledger --json` object, with file uris as `file`, and the entries as CSV text. */
export interface LedgerResult {
  groups: LedgerGroupJson[];
  unplaced: { file: string; filing: number; line: number; reason: string }[];
  csv: string;
}

export interface LedgerEntryJson {
  file: string;
  /** 1-based. */
  line: number;
  date: string | null;
  code: string | null;
  shares: number | null;
  acquiredDisposed: 'A' | 'D' | null;
  price: number | null;
  reported: number | null;
  computed: number | null;
}

export interface LedgerSideJson {
  file: string;
  line: number;
  date: string;
  shares: number;
  price: number;
}

export interface LedgerGroupJson {
  owner: string;
  issuer: string;
  filings: { file: string; filing: number; formType: string | null; period: string | null; superseded: boolean; duplicate: boolean }[];
  positions: { security: string; directOrIndirect: 'D' | 'I'; nature: string | null; entries: LedgerEntryJson[]; open: boolean }[];
  breaks: { file: string; line: number; security: string | null; expected: number | null; reported: number | null }[];
  shortSwing: {
    method: string;
    profit: number;
    pairs: { purchase: LedgerSideJson; sale: LedgerSideJson; shares: number; profit: number }[];
    unmatchable: { file: string; line: number; date: string | null; code: string | null; shares: number | null; price: number | null; reason: string }[];
    scope: string;
    otherCodes: Record<string, number>;
  };
  late: { reports: number; transactions: number };
}

/** `form345/ledgerChanged` (server → client notification): the workspace ledger was rebuilt; re-request. */
export const LEDGER_CHANGED_METHOD = 'form345/ledgerChanged';
