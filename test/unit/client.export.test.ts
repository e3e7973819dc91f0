import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FilingRecord } from '../../server/src/analysis/types';
import { CSV_COLUMNS, csvField, csvRows, toCsv } from '../../client/src/export/csv';
import { toJson } from '../../client/src/export/json';

const EXPECTED = join(__dirname, '..', '..', '..', 'shared', 'seeds', 'expected');
const seed = (name: string): FilingRecord => JSON.parse(readFileSync(join(EXPECTED, name), 'utf8')) as FilingRecord;

/** A small RFC 4180 reader, to check that what we write reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('CSV export', () => {
  test('one row per transaction or holding, owners and footnote texts joined in', () => {
    const form4 = seed('000_488474bd7af80319.json');
    const form3 = seed('003_80bceb74459482a7.json');
    const rows = csvRows([form4, form3]);
    assert.equal(rows.length, form4.nonDerivative.length + form4.derivative.length + form3.nonDerivative.length + form3.derivative.length);
    const option = rows[0]!;
    assert.equal(option.filing, 0);
    assert.equal(option.table, 'II');
    assert.equal(option.issuerName, 'TECOGEN INC.');
    assert.equal(option.reportingOwners, 'Benjamin Locke M.');
    assert.equal(option.relationships, 'Officer: Co-CEO');
    assert.equal(option.shares, 62500);
    assert.equal(option.conversionOrExercisePrice, 4.96);

    const form3Rows = rows.filter((r) => r.filing === 1);
    const holding = form3Rows.find((r) => r.table === 'I')!;
    assert.equal(holding.kind, 'holding');
    assert.equal(holding.sharesOwnedFollowing, 163350);
    const withFootnote = form3Rows.find((r) => r.footnoteIds !== '')!;
    assert.equal(withFootnote.footnoteIds, '1');
    assert.match(String(withFootnote.footnotes), /^\(1\) The option becomes exercisable/);
  });

  test('the CSV text has a header, quotes what needs quoting and reads back unchanged', () => {
    const record = seed('003_80bceb74459482a7.json');
    const tricky: FilingRecord = {
      ...record,
      reportingOwners: [{ ...record.reportingOwners[0]!, name: 'Panora, "Bob"' }],
      nonDerivative: [{ ...record.nonDerivative[0]!, securityTitle: 'Common\nStock, Class A', natureOfOwnership: '=HYPERLINK("x")' }],
    };
    const text = toCsv(csvRows([tricky]));
    const table = parseCsv(text);
    assert.deepEqual(table[0], [...CSV_COLUMNS]);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, table[1]![i]]));
    assert.equal(row.reportingOwners, 'Panora, "Bob"');
    assert.equal(row.securityTitle, 'Common\nStock, Class A');
    assert.equal(row.natureOfOwnership, `'=HYPERLINK("x")`, 'formula defused');
    assert.equal(row.sharesOwnedFollowing, '163350');
    assert.ok(text.endsWith('\r\n'));
    assert.ok(table.every((r) => r.length === CSV_COLUMNS.length));
  });

  test('field quoting', () => {
    assert.equal(csvField(null), '');
    assert.equal(csvField(2.64), '2.64');
    assert.equal(csvField(true), 'true');
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField(' padded'), '" padded"');
    assert.equal(csvField('-1'), "'-1");
    assert.equal(csvField('@SUM'), "'@SUM");
  });

  test('JSON export is the records array as the schema defines them', () => {
    const records = [seed('001_e59a361ad3bd20d9.json')];
    assert.deepEqual(JSON.parse(toJson(records)), records);
  });
});
