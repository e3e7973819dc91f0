/**
 * The header reader reports text a box holds that no field took (a value the reading order put
 * in the wrong box) as `unread-text` hints: beside a date box's date, past the owner's address,
 * past the issuer's name and ticker, in a relationship box whose options were not read. Nothing
 * on clean filings.
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

function headerLosses(text: string, box = /in a date box/): string[] {
  const lines = text.split('\n');
  return analyze(text)
    .findings.filter((f) => f.code === 'unread-text' && box.test(f.message))
    .map((f) => lines[f.range.start.line].slice(f.range.start.character, f.range.end.character));
}

const ANY_BOX = /in a date box|in the owner's box|in the issuer's box|in the relationship box/;
const ISSUER = 'NORTHWIND LABS, INC. [NWLB]';
const OPTIONS = 'Director 10% Owner X Officer (give title below) Other (specify below) Chief Financial Officer';

test('header losses: a clean filing has none', () => {
  assert.deepEqual(headerLosses(CLEAN, ANY_BOX), []);
});

test("header losses: text past the issuer's name and ticker is reported, the name and ticker still read", () => {
  assert.ok(CLEAN.includes(ISSUER));
  const text = CLEAN.replace(ISSUER, `${ISSUER} 1654 SMALLMAN STREET`);
  assert.deepEqual(headerLosses(text, /in the issuer's box/), ['1654 SMALLMAN STREET']);
  const { issuer } = analyze(text).filings[0].record;
  assert.deepEqual([issuer.name, issuer.tradingSymbol], ['NORTHWIND LABS, INC.', 'NWLB']);
  // The form's own words there are not a loss.
  assert.deepEqual(headerLosses(CLEAN.replace(ISSUER, `${ISSUER} (Month/Day/Year)`), ANY_BOX), []);
});

test("header losses: text past the owner's city caption is reported, the address still read", () => {
  const CITY = '(City) (State) (Zip)';
  assert.ok(CLEAN.includes(`\n${CITY}\n`));
  const text = CLEAN.replace(`\n${CITY}\n`, `\n${CITY} Levchin Max R\n`);
  assert.deepEqual(headerLosses(text, /in the owner's box/), ['Levchin Max R']);
  const owner = analyze(text).filings[0].record.reportingOwners[0];
  assert.deepEqual([owner.name, owner.city, owner.zip], ['Rivera Ana M.', 'PORTLAND', '97201']);
});

test('header losses: a relationship box whose options were not read reports its text', () => {
  assert.ok(CLEAN.includes(OPTIONS));
  // The options lost (a converter dropped the printed words): the text left has no box to go to.
  const text = CLEAN.replace(OPTIONS, 'X Managing Partner');
  assert.deepEqual(headerLosses(text, /in the relationship box/), ['X Managing Partner']);
  // Options read: nothing is reported, the title is the officer's.
  assert.deepEqual(headerLosses(CLEAN, /in the relationship box/), []);
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

test('header losses: none on the real filings rendered by every converter, nor on their PDF layout texts', () => {
  const found: string[] = [];
  for (const dir of ['real', 'defaults', 'rendered', 'pdf']) {
    const path = join(ROOT, 'fixtures', dir);
    for (const name of readdirSync(path).filter((n) => (dir === 'pdf' ? n.endsWith('.layout.txt') : n.endsWith('.txt'))).sort()) {
      for (const l of headerLosses(readFileSync(join(path, name), 'utf8'), ANY_BOX)) found.push(`${dir}/${name}: ${l}`);
    }
  }
  assert.deepEqual(found, []);
});
