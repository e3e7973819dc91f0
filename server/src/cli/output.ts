/** How `form345 check` prints findings: lines for people, JSON or SARIF for tools. */
import path from 'node:path';
import { DEFAULT_SEVERITY, RULE_CODES, RULE_DESCRIPTIONS, type Severity } from '../analysis';
import type { FileResult } from './analyzeFile';

export function textLines(results: readonly FileResult[]): string {
  const out: string[] = [];
  for (const r of results) for (const f of r.findings) out.push(`${r.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
  return out.length ? `${out.join('\n')}\n` : '';
}

export function jsonArray(results: readonly FileResult[]): string {
  const items = results.flatMap((r) => r.findings.map((f) => ({ file: r.file, ...f })));
  return `${JSON.stringify(items, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** SARIF 2.1.0, the format code-scanning tools read. */
export function sarif(results: readonly FileResult[], version: string): string {
  const toUri = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'form345',
            version,
            informationUri: 'https://www.sec.gov/edgar/searchedgar/ownershipformcodes.html',
            rules: RULE_CODES.map((id) => ({
              id,
              shortDescription: { text: RULE_DESCRIPTIONS[id] },
              defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITY[id]] },
            })),
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: (RULE_CODES as readonly string[]).indexOf(f.code),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(r.file) },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
