/**
 * One file through the analysis: what the main thread and the workers both run.
 * Returns plain data so it can cross a worker boundary.
 */
import { readFileSync, statSync } from 'node:fs';
import { analyze, applyRuleLevels, type FilingRecord, type RuleLevel, type Severity } from '../analysis';
import { decodeText, STDIN } from './files';
import { ledgerFilings, type LedgerFiling } from '../ledger';

export interface CheckItem {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface FileResult {
  file: string;
  /** Why the file could not be read or analysed (missing, binary, too large); the run then exits 2. */
  problem?: string;
  /** Something worth a line on stderr that does not fail the run (a fallback encoding). */
  note?: string;
  /** How many filings the file holds. */
  filings: number;
  /** The normalized records (normalize only; empty for check). */
  records: FilingRecord[];
  /** 1-based, sorted by position. */
  findings: CheckItem[];
  /** The Table I extracts the ledger reads (ledger only). */
  ledger?: LedgerFiling[];
}

export interface FileJob {
  file: string;
  levels: Record<string, RuleLevel>;
  /** ISO date (YYYY-MM-DD) pinned for "today" (tests), else the real date. */
  today?: string;
  /** What the run prints: records (normalize) or findings (check); only that crosses back. */
  want: 'records' | 'findings' | 'ledger';
}

/** Files larger than this are refused: no filing is that large, and it protects the machine. */
export const MAX_BYTES = 200 * 1024 * 1024;

function failed(file: string, problem: string): FileResult {
  return { file, problem, filings: 0, records: [], findings: [] };
}

function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot read (${(e as Error).message.split('\n')[0]})`;
}

/** Reads one input: a file or standard input. */
function readInput(file: string): Buffer | string {
  if (file === STDIN) {
    try {
      return readFileSync(0);
    } catch (e) {
      return readProblem(e);
    }
  }
  try {
    const st = statSync(file);
    if (st.isDirectory()) return 'is a directory';
    if (st.size > MAX_BYTES) return `${(st.size / 1024 / 1024).toFixed(0)} MB is larger than the ${MAX_BYTES / 1024 / 1024} MB limit; split the file`;
    return readFileSync(file);
  } catch (e) {
    return readProblem(e);
  }
}

export function analyzeFile(job: FileJob): FileResult {
  const buf = readInput(job.file);
  if (typeof buf === 'string') return failed(job.file, buf);
  if (buf.length > MAX_BYTES) return failed(job.file, `larger than the ${MAX_BYTES / 1024 / 1024} MB limit; split the file`);
  return analyzeBytes(job, buf);
}

export function analyzeBytes(job: FileJob, buf: Buffer): FileResult {
  const decoded = decodeText(buf);
  if ('problem' in decoded) return failed(job.file, decoded.problem);
  let result;
  try {
    result = analyze(decoded.text, job.today ? { today: new Date(`${job.today}T12:00:00Z`) } : {});
  } catch (e) {
    return failed(job.file, `analysis failed (${(e as Error).message.split('\n')[0]}); please report this file`);
  }
  const filings = result.filings.length;
  if (job.want === 'ledger') return { file: job.file, note: decoded.note, filings, records: [], findings: [], ledger: ledgerFilings(job.file, result) };
  if (job.want === 'records') return { file: job.file, note: decoded.note, filings, records: result.filings.map((f) => f.record), findings: [] };
  const findings = applyRuleLevels(result.findings, job.levels)
    .map((f) => ({
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      code: f.code,
      message: f.message.replace(/\s*[\r\n]+\s*/g, ' '),
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { file: job.file, note: decoded.note, filings, records: [], findings };
}
