/**
 * The header reader reports text a date box holds besides its label, caption and date (a value
 * the reading order put in the wrong box) as `unread-text` hints, and nothing on clean filings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis';
import { onlyPrintedWords } from '../../server/src/analysis/filing/vocabulary';

const ROOT = join(__dirname, '..', '..');
const CLEAN = readFileSync(join(ROOT, 'fixtures', 'rules', 'clean.form4.txt'), 'utf8');
const PERIOD = '3. Date of Earliest Transaction (Month/Day/Year) 03/02/2021';

function headerLosses(text: string): string[] {
  const lines = text.split('\n');
  return analyze(text)
    .findings.filter((f) => f.code === 'unread-text' && /in a date box/.test(f.message))
    .map((f) => lines[f.range.start.line].slice(f.range.start.character, f.range.end.character));
}

test('header losses: a clean filing has none', () => {
  assert.deepEqual(headerLosses(CLEAN), []);
});

test('header losses: a value beside the date in a date box is reported, the date still read', () => {
  assert.ok(CLEAN.includes(PERIOD));
  const text = CLEAN.replace(PERIOD, `${PERIOD} 1654 SMALLMAN STREET`);
  assert.deepEqual(headerLosses(text), ['1654 SMALLMAN STREET']);
  assert.equal(analyze(text).filings[0].record.periodOfReport, '2021-03-02');
  // Before the date too.
  assert.deepEqual(headerLosses(CLEAN.replace(PERIOD, PERIOD.replace('03/02/2021', 'Chief 03/02/2021'))), ['Chief']);
});

test('header losses: printed words in a date box are not losses, cut or OCR-damaged as they come', () => {
  for (const printed of ['(Month/Day/Year)', '(Mon', 'th/Day/Year)', 'Director 10% Owner', 'X Officer (give title below)', '6. Individual or', 'Acqui', 'ecurities', 'X', '2A.']) {
    assert.ok(onlyPrintedWords(printed), printed);
  }
  for (const value of ['Chief', 'C/O AURORA INNOVATION, INC.', '1654 SMALLMAN STREET', '03/02/2021', 'Levchin Max R']) {
    assert.ok(!onlyPrintedWords(value), value);
  }
});

test('header losses: none on the real filings rendered by every converter', () => {
  const found: string[] = [];
  for (const dir of ['real', 'defaults', 'rendered']) {
    const path = join(ROOT, 'fixtures', dir);
    for (const name of readdirSync(path).filter((n) => n.endsWith('.txt')).sort()) {
      for (const l of headerLosses(readFileSync(join(path, name), 'utf8'))) found.push(`${dir}/${name}: ${l}`);
    }
  }
  assert.deepEqual(found, []);
});
