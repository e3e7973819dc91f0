/**
 * Text that w3m, lynx, pandoc and html2text make from EDGAR's own HTML renderings must normalize
 * to the records the filer's XML holds (fixtures/real, truth from the XML), except for values
 * the converter itself destroyed (listed per file in *.lost.json, expected null there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { differences } from '../support/diff';
import { lostOf, TODAY } from '../support/fixtures';

const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'real');

/** Conversions the parser does not read fully yet, with what is still wrong. Shrink this list. */
const KNOWN_GAPS: Record<string, string> = {};

const conversions = readdirSync(DIR).filter((f) => f.endsWith('.txt') && f !== 'TOOLS.txt');
assert.ok(conversions.length >= 30, 'the real conversions are present');

for (const name of conversions) {
  const file = path.join(DIR, name);
  const multi = name.startsWith('multi');
  const stem = multi ? name.split('.')[0] : name.split('.').slice(0, -2).join('.');
  const truths: unknown[] = multi
    ? readFileSync(path.join(DIR, `${stem}.expected.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    : [JSON.parse(readFileSync(path.join(DIR, `${stem}.expected.json`), 'utf8'))];
  const gap = KNOWN_GAPS[name];
  test(`${name} normalizes to the XML's records`, gap ? { todo: gap } : {}, () => {
    const result = analyze(readFileSync(file, 'utf8'), { today: TODAY });
    assert.equal(result.filings.length, truths.length, 'number of filings');
    const lost = lostOf(file);
    truths.forEach((truth, i) => {
      const diffs = differences(result.filings[i].record, truth, new Set(lost[i] ?? []));
      assert.deepStrictEqual(diffs, [], `filing ${i}`);
    });
  });
}

/** EDGAR's own HTML, opened as it is: an HTML fragment is input too. */
const EDGAR = path.resolve(__dirname, '..', '..', '..', 'shared', 'real', 'edgar');
for (const stem of ['form4.Evans', '374WaterForm4', 'form3.snow', 'form5.snow', 'form3.BAMPartners']) {
  test(`${stem}.html (raw EDGAR HTML) normalizes to the XML's records`, () => {
    const result = analyze(readFileSync(path.join(EDGAR, `${stem}.html`), 'utf8'), { today: TODAY });
    assert.equal(result.filings.length, 1);
    const truth = JSON.parse(readFileSync(path.join(DIR, `${stem}.expected.json`), 'utf8'));
    // Form 5 has no V column, in the HTML as in every conversion of it.
    const lost = new Set(stem === 'form5.snow' ? ['/nonDerivative/0/equitySwapInvolved'] : []);
    assert.deepStrictEqual(differences(result.filings[0].record, truth, lost), []);
  });
}
