/**
 * One file through the analysis: what the main thread and the workers both run.
 * Returns plain data so it can cross a worker boundary.
 */
import { readFileSync } from 'node:fs';
import { analyze, applyRuleLevels, type FilingRecord, type RuleLevel, type Severity } from '../analysis';
import { decodeText } from './files';

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
  /** Why the file could not be read (missing, binary); the run then exits 2. */
  problem?: string;
  records: FilingRecord[];
  findings: CheckItem[];
}

export interface FileJob {
  file: string;
  levels: Record<string, RuleLevel>;
  /** ISO date pinned for "today" (tests), else the real date. */
  today?: string;
}

/** Files larger than this are refused: no filing is that large, and it protects the machine. */
const MAX_BYTES = 200 * 1024 * 1024;

export function analyzeFile(job: FileJob): FileResult {
  let buf: Buffer;
  try {
    buf = readFileSync(job.file);
  } catch (e) {
    return { file: job.file, problem: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read (${(e as Error).message})`, records: [], findings: [] };
  }
  if (buf.length > MAX_BYTES) return { file: job.file, problem: `larger than ${MAX_BYTES / 1024 / 1024} MB`, records: [], findings: [] };
  const decoded = decodeText(buf);
  if ('problem' in decoded) return { file: job.file, problem: decoded.problem, records: [], findings: [] };
  const result = analyze(decoded.text, job.today ? { today: new Date(`${job.today}T12:00:00Z`) } : {});
  const findings = applyRuleLevels(result.findings, job.levels)
    .map((f) => ({
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      code: f.code,
      message: f.message,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
  return { file: job.file, records: result.filings.map((f) => f.record), findings };
}
