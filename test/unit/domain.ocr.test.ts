import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  BOILERPLATE_PHRASES,
  findDamagedBoilerplate,
  findLookalikeLetters,
  letterGluedToReference,
} from '../../server/src/analysis/domain/ocr';
import { LABEL_PATTERNS } from '../../server/src/analysis/domain/labels';

const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
const REAL = join(__dirname, '..', '..', 'fixtures', 'real');

const linesOf = (file: string): string[] => readFileSync(file, 'utf8').split(/\r\n|\n|\r/);

/** "line: found -> corrected" for every boilerplate report in a file. */
function scan(file: string): string[] {
  const out: string[] = [];
  linesOf(file).forEach((line, i) => {
    for (const d of findDamagedBoilerplate(line)) {
      assert.equal(line.slice(d.start, d.end), d.found, 'offsets match the found text');
      out.push(`${i + 1}: ${d.found} -> ${d.corrected}`);
    }
  });
  return out;
}

// --- look-alike letters ------------------------------------------------------------------------

test('a Greek capital gamma inside an English word (seed 000)', () => {
  const line = linesOf(join(SEEDS, '000_488474bd7af80319.txt'))[20]!;
  const hits = findLookalikeLetters(line);
  assert.equal(hits.length, 1);
  assert.equal(hits[0]!.word, 'Γransaction');
  assert.equal(hits[0]!.corrected, 'Transaction');
  assert.equal(line.slice(hits[0]!.start, hits[0]!.end), 'Γransaction');
});

test('Cyrillic look-alikes inside Latin words are mapped to Latin letters', () => {
  const text = 'Cоmmon Stосk and Оfficer, Dirеctor, Sесurities, Ехercise, Рrice'; // Cyrillic о с О е х Р
  const hits = findLookalikeLetters(text);
  assert.deepEqual(
    hits.map((h) => h.corrected),
    ['Common', 'Stock', 'Officer', 'Director', 'Securities', 'Exercise', 'Price'],
  );
  for (const h of hits) assert.equal(text.slice(h.start, h.end), h.word);
});

test('words entirely in Greek or Cyrillic, and clean Latin text, are not flagged', () => {
  assert.deepEqual(findLookalikeLetters('Γ ΑΒΓ Москва Ελλάδα αβγ'), []);
  assert.deepEqual(findLookalikeLetters('Common Stock 11/14/2017 $ 2.64 Benjamin Locke Müller Øster'), []);
  assert.deepEqual(findLookalikeLetters('Ωmega'), [], 'a Greek letter that is no look-alike');
  assert.deepEqual(findLookalikeLetters(''), []);
});

test('no look-alikes in the other seeds and the real conversions', () => {
  for (const name of ['001_e59a361ad3bd20d9.txt', '002_260c3c21b07e7aa1.txt', '003_80bceb74459482a7.txt']) {
    assert.deepEqual(findLookalikeLetters(readFileSync(join(SEEDS, name), 'utf8')), [], name);
  }
  for (const name of readdirSync(REAL).filter((f) => f.endsWith('.txt'))) {
    assert.deepEqual(findLookalikeLetters(readFileSync(join(REAL, name), 'utf8')), [], name);
  }
});

// --- damaged boilerplate -----------------------------------------------------------------------

test('the four damaged spots named in the seeds README', () => {
  const dmb = findDamagedBoilerplate('DMB Number:\t3235-0287\t\t\t\t');
  assert.deepEqual(dmb, [{ start: 0, end: 10, found: 'DMB Number', corrected: 'OMB Number' }]);

  const avg = findDamagedBoilerplate('Estimated averag\tge burden\t\t\t\t');
  assert.deepEqual(avg.map((d) => [d.found, d.corrected]), [['Estimated averag\tge burden', 'Estimated average burden']]);

  const rel = findDamagedBoilerplate(
    'Name and Address of Reporting Person * Benjamin Locke M.\t\t\t\t\t2. Issuer Name and Ticker or Trading Symbol TECOGEN INC. [TGEN]\t\t\t\t\t\tS. Relationship of Reporting Person(s) to Issuer\t\t\t\t',
  );
  assert.deepEqual(rel.map((d) => [d.found, d.corrected]), [['S. Relationship', '5. Relationship']]);

  const sep = findDamagedBoilerplate('Reminder:\treport on a\tseparate fine for each\t\t\t<u>, , , </u>');
  assert.deepEqual(sep.map((d) => [d.found, d.corrected]), [['separate fine', 'separate line']]);
});

test('seed 000: exactly the damaged spots', () => {
  assert.deepEqual(scan(join(SEEDS, '000_488474bd7af80319.txt')), [
    '19: Securities Acqui\t\t\t\t\t\tired, Disposed -> Securities Acquired, Disposed',
    '20: Owned Following\t\tg Reported -> Owned Following Reported',
  ]);
});

test('seed 001: exactly the damaged spots', () => {
  assert.deepEqual(scan(join(SEEDS, '001_e59a361ad3bd20d9.txt')), [
    '6: DMB Number -> OMB Number',
    '7: Estimated averag\tge burden -> Estimated average burden',
    '24: secu\tirities beneficially -> securities beneficially',
  ]);
});

test('seed 002: exactly the damaged spots', () => {
  assert.deepEqual(scan(join(SEEDS, '002_260c3c21b07e7aa1.txt')), [
    '18: S. Relationship -> 5. Relationship',
    '22: Ci\tiy)\t(State -> City)\t(State',
    '22: Tabl\tle -> Table',
    '22: Non-Do\terivative -> Non-Derivative',
    '25: separate fine -> separate line',
    '25: in\tnformatio\tcontained -> information\tcontained',
    '26: separate fine -> separate line',
  ]);
});

test('seed 003 (clean OCR) has no damaged boilerplate', () => {
  assert.deepEqual(scan(join(SEEDS, '003_80bceb74459482a7.txt')), []);
});

test('clean conversions of real EDGAR filings produce no reports', () => {
  const files = readdirSync(REAL).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length > 10);
  for (const name of files) assert.deepEqual(scan(join(REAL, name)), [], name);
});

test('the phrases and label patterns themselves are clean', () => {
  for (const p of BOILERPLATE_PHRASES) assert.deepEqual(findDamagedBoilerplate(p), [], p);
  for (const list of Object.values(LABEL_PATTERNS)) {
    for (const p of list) assert.deepEqual(findDamagedBoilerplate(p), [], p);
  }
});

test('data, names, plurals and other labels are not corrected', () => {
  for (const line of [
    'Benjamin Locke M. 45 FIRST AVE WALTHAM, MA 02451\t\t\tCo-CEO',
    'Common Stock\t11/14/2017\tP\t2,000\tA\t$ 2.64\t3,418\tD',
    'to the large number of reporting persons. The two filings relate to the same transactions',
    'Ownership Form: Indirect (I) by trust',
    'Filed pursuant to Section 13(d) of the Securities Exchange Act of 1933',
    'U.S. Relationship of Reporting Person(s) to Issuer',
    '4. Relationship of Reporting Person(s) to Issuer',
    'XMB Number: 3235-0287', // X is not a look-alike of O
    'timely file such form with the United Sates Securities and Exchange Commission',
    'POWER OF ATORNEY',
    '3. Da\t3. Date of Earliest Transaction (Month/Day/Year) 12/18/2014',
    '11. Natur of Indire Beneficia Ownersh (Instr. 4)',
  ]) {
    assert.deepEqual(findDamagedBoilerplate(line), [], line);
  }
});

test('other misreadings are found: confusable letters and letter pairs', () => {
  const cases: Array<[string, string, string]> = [
    ['0MB Number: 3235-0287', '0MB Number', 'OMB Number'],
    ['Estirnated average burden', 'Estirnated average', 'Estimated average'],
    ['I. Name and Address of Reporting Person *', 'I. Name', '1. Name'],
    ['Explanation of Rcsponses:', 'Rcsponses', 'Responses'],
    ['6. Individual or Joint/Group Filing (Check Appiicable Line)', 'Check Appiicable Line', 'Check Applicable Line'],
  ];
  for (const [line, found, corrected] of cases) {
    const got = findDamagedBoilerplate(line);
    assert.deepEqual(got.map((d) => [d.found, d.corrected]), [[found, corrected]], line);
  }
});

test('upper-case text gets upper-case corrections', () => {
  const got = findDamagedBoilerplate('STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURLTIES');
  assert.deepEqual(got.map((d) => d.corrected), ['SECURITIES']);
});

test('work per line is bounded', () => {
  const long = 'Relationship of Reporting Person(s) to Issuer securities beneficially owned '.repeat(2000);
  const t0 = process.hrtime.bigint();
  findDamagedBoilerplate(long);
  findDamagedBoilerplate('x'.repeat(200_000));
  findDamagedBoilerplate('a '.repeat(100_000));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.ok(ms < 500, `took ${ms} ms`);
});

test('a letter with its superscript reference glued on, as OCR reads the pair', () => {
  for (const [word, letter] of [['Co', 'C'], ['so', 'S'], ['S10)', 'S'], ['S1)', 'S'], ['G®', 'G'], ['jo', 'J'], ['P0', 'P']] as const) assert.equal(letterGluedToReference(word), letter, word);
  // Words, amounts, and letters whose lower case prints unlike the capital are not such a pair.
  for (const word of ['Go!', 'to', 'ao', 'Co.', 'Common', '10)', 'So)x', 'go']) assert.equal(letterGluedToReference(word), null, word);
});
