/**
 * Dates as the parser reads them: a thin view over domain/calendar so every stage agrees on
 * which texts are dates and which dates cannot exist.
 */
import { parseUsDate } from '../domain/calendar';

export interface ParsedDate {
  /** ISO yyyy-mm-dd, or null when the day cannot exist (13/45/2020, 02/30/2019). */
  iso: string | null;
}

export function parseDateText(text: string): ParsedDate | null {
  const p = parseUsDate(text);
  return p ? { iso: p.iso } : null;
}
