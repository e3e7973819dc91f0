/**
 * Shared by the tests over converted filings (fixtures/real, fixtures/rendered): the fixed "today" the
 * records are analyzed with, and the hand-checked lists of values a conversion destroyed.
 */
import { existsSync, readFileSync } from 'node:fs';

/** Analysis date for the fixture tests (no filing date in them lies after it). */
export const TODAY = new Date('2026-11-23T12:00:00Z');

/**
 * The `*.lost.json` beside a conversion `*.txt`: JSON pointers into the truth that the conversion
 * destroyed, one list per filing (a flat list for a single filing). No file: nothing lost.
 */
export function lostOf(file: string): string[][] {
  const lostFile = file.replace(/\.txt$/, '.lost.json');
  if (!existsSync(lostFile)) return [];
  const data = JSON.parse(readFileSync(lostFile, 'utf8')) as string[] | string[][];
  return Array.isArray(data[0]) ? (data as string[][]) : [data as string[]];
}
