/** How `form345 check` prints findings: lines for people, JSON or SARIF for tools. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SEVERITY, RULE_CODES, RULE_DESCRIPTIONS, type Severity } from '../analysis';
import type { FileResult } from './analyzeFile';
import { STDIN } from './files';

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
