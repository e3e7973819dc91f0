/**
 * JSON export: the normalized records exactly as the schema (../shared/schema/filing.schema.json)
 * defines them, one array entry per filing in the document. Pure.
 */
import type { FilingRecord } from '../../../server/src/analysis/types';

export function toJson(records: readonly FilingRecord[]): string {
  return JSON.stringify(records, null, 2) + '\n';
}
