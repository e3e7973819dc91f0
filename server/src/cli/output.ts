/** How `form345 check` prints findings: lines for people, JSON or SARIF for tools. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SEVERITY, RULE_CODES, RULE_DESCRIPTIONS, type Severity } from '../analysis';
import type { FileResult } from './analyzeFile';
import { STDIN } from './files';
import { entryLine, type Ledger } from '../ledger';

/** `path:line:col severity code message`, one finding a line, 1-based. */
export function textLines(results: readonly FileResult[]): string {
  let out = '';
  for (const r of results) {
    const file = r.file === STDIN ? '<stdin>' : r.file;
    for (const f of r.findings) out += `${file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}\n`;
  }
  return out;
}

/** One JSON array of `{file, line, column, endLine, endColumn, severity, code, message}`. */
export function jsonArray(results: readonly FileResult[]): string {
  const items = results.flatMap((r) =>
    r.findings.map((f) => ({
      file: r.file === STDIN ? '<stdin>' : r.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      severity: f.severity,
      code: f.code,
      message: f.message,
    })),
  );
  return `${JSON.stringify(items, null, 2)}\n`;
}

export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** A relative URI reference for a path (segments percent-encoded, '/' separated). */
export function relativeUri(file: string, base = process.cwd()): string {
  if (file === STDIN) return 'stdin';
  const rel = path.relative(base, path.resolve(base, file));
  const parts = rel.split(path.sep);
  return parts.map((p) => (p === '..' ? p : encodeURIComponent(p))).join('/');
}

/** SARIF 2.1.0, the format code-scanning tools (GitHub, Azure DevOps, IDE viewers) read. */
export function sarif(results: readonly FileResult[], version: string, base = process.cwd()): string {
  const ruleIndex = new Map<string, number>(RULE_CODES.map((c, i) => [c, i]));
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'form345',
            version,
            semanticVersion: version,
            informationUri: 'https://www.sec.gov/about/forms/form4data.pdf',
            rules: RULE_CODES.map((id) => ({
              id,
              name: id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: RULE_DESCRIPTIONS[id] },
              fullDescription: { text: RULE_DESCRIPTIONS[id] },
              defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITY[id]] },
              properties: { defaultSeverity: DEFAULT_SEVERITY[id] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(base.endsWith(path.sep) ? base : base + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({ location: { uri: relativeUri(r.file, base), uriBaseId: 'SRCROOT' } })),
        results: results.flatMap((r, artifactIndex) =>
          r.findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: ruleIndex.get(f.code) ?? -1,
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relativeUri(r.file, base), uriBaseId: 'SRCROOT', index: artifactIndex },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
            properties: { severity: f.severity },
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** `form345 ledger` for people: per owner and issuer, breaks as path:line lines, pairs, counts. */
export function ledgerText(l: Ledger): string {
  const n = (x: number | null) => (x === null ? '?' : x.toLocaleString('en-US', { maximumFractionDigits: 4 }));
  const money = (c: number) => `$${(c / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  let out = '';
  for (const g of l.groups) {
    const current = g.filings.filter((f) => !f.superseded).length;
    out += `${g.owner} in ${g.issuer}: ${g.filings.length} filing${g.filings.length === 1 ? '' : 's'}${current < g.filings.length ? ` (${g.filings.length - current} replaced by amendments)` : ''}, ${g.positions.length} position${g.positions.length === 1 ? '' : 's'}\n`;
    for (const p of g.positions) {
      const last = p.entries[p.entries.length - 1];
      const bal = last ? last.row.reported ?? last.computed : null;
      out += `  ${p.security} (${p.directOrIndirect}${p.nature ? `, ${p.nature}` : ''}): ${p.entries.length} entr${p.entries.length === 1 ? 'y' : 'ies'}, last balance ${n(bal)}${p.open ? ' (open)' : ''}\n`;
    }
    for (const e of g.breaks) {
      out += `  ${e.filing.file}:${entryLine(e)} break ${e.row.security}: reported ${n(e.row.reported)}, follows from the previous filing as ${n(e.computed)}\n`;
    }
    const s = g.shortSwing;
    if (s.pairs.length || s.unmatchable.length) {
      out += `  short-swing (Section 16(b), lowest in, highest out): ${s.pairs.length} pair${s.pairs.length === 1 ? '' : 's'}, profit ${money(s.profitCents)}\n`;
      for (const p of s.pairs) {
        out += `    bought ${p.purchase.date} at ${p.purchase.price} (${p.purchase.entry.filing.file}:${entryLine(p.purchase.entry)}), sold ${p.sale.date} at ${p.sale.price} (${p.sale.entry.filing.file}:${entryLine(p.sale.entry)}): ${n(p.shares)} shares, ${money(p.profitCents)}\n`;
      }
      for (const u of s.unmatchable) out += `    not matchable: ${u.entry.filing.file}:${entryLine(u.entry)} ${u.entry.row.code} (${u.reason})\n`;
    }
    if (g.late.reports) out += `  late Form 4s (Item 405): ${g.late.reports} report${g.late.reports === 1 ? '' : 's'}, ${g.late.transactions} transaction${g.late.transactions === 1 ? '' : 's'}\n`;
  }
  for (const u of l.unplaced) out += `${u.filing.file}:${(u.row?.range ?? u.filing.range).start.line + 1} not placed in the ledger: ${u.reason}\n`;
  if (!l.groups.length && !l.unplaced.length) out += 'no filings\n';
  return out;
}
