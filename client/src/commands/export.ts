/**
 * "Form 345: Export Normalized Records" as JSON or CSV. The records come from the server.
 *
 * Arguments (for tests and other extensions; the command palette passes none): a target Uri, or
 * `{ target?: Uri, source?: Uri }`. Without a target a save dialog asks. Returns the written Uri,
 * or undefined when cancelled or when there is nothing to export.
 */
import * as vscode from 'vscode';
import type { FilingRecord } from '../../../server/src/analysis/types';
import { csvRows, toCsv } from '../export/csv';
import { toJson } from '../export/json';
import { currentFilingUri } from '../filings';
import type { RecordsService } from '../records';

export type ExportFormat = 'json' | 'csv';

export interface ExportOptions {
  target?: vscode.Uri;
  source?: vscode.Uri;
}

function parseArgs(arg: unknown): ExportOptions {
  if (arg instanceof vscode.Uri) return { target: arg };
  if (typeof arg === 'object' && arg !== null) {
    const o = arg as Record<string, unknown>;
    return {
      target: o.target instanceof vscode.Uri ? o.target : undefined,
      source: o.source instanceof vscode.Uri ? o.source : undefined,
    };
  }
  return {};
}

/** `filing.txt` → `filing.records.json` next to it (a suggestion for the save dialog). */
function defaultTarget(source: vscode.Uri, format: ExportFormat): vscode.Uri {
  const base = source.path.replace(/\.[^./]*$/, '');
  return source.with({ path: `${base}.records.${format}` });
}

export function serialize(records: readonly FilingRecord[], format: ExportFormat): string {
  return format === 'json' ? toJson(records) : toCsv(csvRows(records));
}

export async function exportRecords(
  records: RecordsService,
  format: ExportFormat,
  arg: unknown,
  previewed?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const options = parseArgs(arg);
  const source = options.source ?? currentFilingUri(previewed);
  if (!source) {
    void vscode.window.showWarningMessage('Form 345: open a Form 3, 4 or 5 filing to export its records.');
    return undefined;
  }
  const result = await records.get(source);
  if (!result || result.filings.length === 0) {
    void vscode.window.showWarningMessage('Form 345: no filing records found in this document.');
    return undefined;
  }
  const target =
    options.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: defaultTarget(source, format),
      filters: format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] },
      title: `Export normalized records as ${format.toUpperCase()}`,
    }));
  if (!target) return undefined;
  const content = serialize(result.filings.map((f) => f.record), format);
  await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
  return target;
}
