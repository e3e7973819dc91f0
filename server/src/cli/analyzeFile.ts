/**
 * One file through the analysis: what the main thread and the workers both run.
 * Returns plain data so it can cross a worker boundary.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { analyze, applyRuleLevels, exportFiling, type Finding, type FilingRecord, type RuleLevel, type Severity } from '../analysis';
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
  /** Beside each record: the 1-based line its filing starts on (normalize only; empty for check). */
  starts: number[];
  /** 1-based, sorted by position. */
  findings: CheckItem[];
  /** xml only: each filing's ownership XML and EDGAR's verdict on it. */
  xml?: { xml: string; verdict: 'suspended' | 'warnings' | 'accepted' }[];
  /** The Table I extracts the ledger reads (ledger only). */
  ledger?: LedgerFiling[];
}

export interface FileJob {
  file: string;
  levels: Record<string, RuleLevel>;
  /** ISO date (YYYY-MM-DD) pinned for "today" (tests), else the real date. */
  today?: string;
  /** What the run prints: records (normalize), findings (check), XML (xml) or the ledger's extracts (ledger); only that crosses back. */
  want: 'records' | 'findings' | 'xml' | 'ledger';
  /** Byte limit of what is read (default {@link MAX_BYTES}). */
  maxBytes?: number;
  /** xml: names and trading symbols (in the map's key form) to CIKs. */
  cikMap?: Record<string, string>;
}

/** Files larger than this are refused: no filing is that large, and it protects the machine. */
export const MAX_BYTES = 200 * 1024 * 1024;

function failed(file: string, problem: string): FileResult {
  return { file, problem, filings: 0, records: [], starts: [], findings: [] };
}

function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot read (${(e as Error).message.split('\n')[0]})`;
}

const tooLarge = (limit: number) => `larger than the ${(limit / 1024 / 1024).toFixed(limit < 1024 * 1024 ? 2 : 0)} MB limit; split the file`;

/** Sleeps the thread briefly (standard input may be non-blocking: nothing to read yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Reads a file descriptor to its end, stopping with a problem past `limit` bytes. The limit is
 * counted as bytes arrive, not taken from `stat` (0 for pipes, devices and standard input: an
 * endless stream such as /dev/zero would otherwise fill the memory).
 */
function readAll(fd: number, limit: number): Buffer | string {
  const st = fstatSync(fd);
  if (st.isDirectory()) return 'is a directory';
  if (st.isFile() && st.size > limit) return `${(st.size / 1024 / 1024).toFixed(0)} MB is ${tooLarge(limit)}`;
  const chunks: Buffer[] = [];
  let total = 0;
  // A regular file is read in one buffer of its size (plus one byte to see it did not grow).
  let chunk = Buffer.allocUnsafe(st.isFile() ? Math.min(limit + 1, st.size + 1) : 1024 * 1024);
  let used = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, used, chunk.length - used, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        pause(10);
        continue;
      }
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    used += n;
    total += n;
    if (total > limit) return tooLarge(limit);
    if (used === chunk.length) {
      chunks.push(chunk);
      chunk = Buffer.allocUnsafe(1024 * 1024);
      used = 0;
    }
  }
  chunks.push(chunk.subarray(0, used));
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** Reads one input: a file or standard input, never more than the limit. */
function readInput(file: string, limit: number): Buffer | string {
  let fd: number | undefined;
  try {
    fd = file === STDIN ? 0 : openSync(file, 'r');
    return readAll(fd, limit);
  } catch (e) {
    return readProblem(e);
  } finally {
    if (fd !== undefined && fd !== 0) closeSync(fd);
  }
}

export function analyzeFile(job: FileJob): FileResult {
  const limit = job.maxBytes ?? MAX_BYTES;
  const buf = readInput(job.file, limit);
  if (typeof buf === 'string') return failed(job.file, buf);
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
  if (job.want === 'ledger') return { file: job.file, note: decoded.note, filings, records: [], starts: [], findings: [], ledger: ledgerFilings(job.file, result) };
  if (job.want === 'records') {
    return { file: job.file, note: decoded.note, filings, records: result.filings.map((f) => f.record), starts: result.filings.map((f) => f.range.start.line + 1), findings: [] };
  }
  if (job.want === 'xml') {
    const cikMap = new Map(Object.entries(job.cikMap ?? {}));
    const exports = result.filings.map((_, i) => exportFiling(result, i, { cikMap, levels: job.levels }));
    return { file: job.file, note: decoded.note, filings, records: [], starts: [], findings: checkItems(exports.flatMap((e) => e.findings)), xml: exports.map((e) => ({ xml: e.xml, verdict: e.verdict })) };
  }
  return { file: job.file, note: decoded.note, filings, records: [], starts: [], findings: checkItems(applyRuleLevels(result.findings, job.levels)) };
}

/** Findings as the CLI prints them: 1-based, one line each, by position. */
function checkItems(found: readonly Finding[]): CheckItem[] {
  return found
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
}
