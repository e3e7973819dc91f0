/**
 * Boundary cases of the thresholds the reading-order reader keeps (layout/reading-order.ts): each
 * test sits on both sides of one threshold, so moving it by one fails a test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { isReadingOrder, readReadingOrder } from '../../server/src/analysis/layout/reading-order';

const DIR = path.join(__dirname, 'layout', 'reading-order');
const TODAY = new Date('2026-11-23T12:00:00Z');
const quirk = (q: string) => readFileSync(path.join(DIR, `${q}.txt`), 'utf8');
const recordOf = (text: string) => analyze(text, { today: TODAY }).filings[0].record;
/** The lines the reader writes for the form readers. */
const written = (text: string) => readReadingOrder(text.split('\n'))!.filter((l) => l !== '');

test('detection: four captions one a line, two of them name captions; three, or one name caption, are not reading order', () => {
  assert.equal(isReadingOrder(['(Last)', '(First)', '(Street)', '(City)']), true);
  assert.equal(isReadingOrder(['(Last)', '(First)', '(Street)']), false);
  assert.equal(isReadingOrder(['(Last)', '(Street)', '(City)', '(State)']), false);
  assert.equal(isReadingOrder(['(Last)', '(Middle)', '(Street)', '(City)', '(State)']), true);
});

test('detection: a caption line counts up to 11 characters long, not 12', () => {
  const padded = (n: number) => ['(Last)', '(First)', '(Street)', '(City)'].map((c) => c.padStart(n));
  assert.equal(isReadingOrder(padded(11)), true);
  assert.equal(isReadingOrder(padded(12)), false);
});

test('detection: the captions are looked for in the first 400 lines', () => {
  const at = (first: number) => [...Array<string>(first).fill('text'), '(Last)', '(First)', '(Street)', '(City)'];
  assert.equal(isReadingOrder(at(396)), true);
  assert.equal(isReadingOrder(at(397)), false);
});

test('a street cell wraps at 33 characters: the next word continues a line it would not have fitted on', () => {
  const text = quirk('header-scattered');
  assert.ok(text.includes('\nC/O EXAMPLE WIDGETS CORPORATION\nHOLDINGS\n'));
  // 30 characters + a space + "INC" is 34: the word wrapped, one street; 29 + 1 + 3 is 33: it fitted, a line of its own.
  const streets = (line: string) => {
    const o = recordOf(text.replace('\nC/O EXAMPLE WIDGETS CORPORATION\nHOLDINGS\n', `\n${line}\nINC\n`)).reportingOwners[0];
    return [o.street1, o.street2];
  };
  assert.deepEqual(streets('C/O EXAMPLE WIDGETS CORPORATIO'), ['C/O EXAMPLE WIDGETS CORPORATIO INC', '12 HARBOR ROAD']);
  assert.ok(written(text.replace('\nC/O EXAMPLE WIDGETS CORPORATION\nHOLDINGS\n', '\nC/O EXAMPLE WIDGETS CORPORATIO\nINC\n')).includes('C/O EXAMPLE WIDGETS CORPORATIO INC'));
  const lines = written(text.replace('\nC/O EXAMPLE WIDGETS CORPORATION\nHOLDINGS\n', '\nC/O EXAMPLE WIDGETS CORPORATI\nINC\n'));
  assert.ok(lines.includes('C/O EXAMPLE WIDGETS CORPORATI') && lines.includes('INC'), lines.join('\n'));
});

const BARE = 'By: Julia Example, Attorneyin-fact For: the Reporting 06/11/2021\nPerson\n** Signature of Reporting Person';

test('a signature without /s/: six lines above its caption are a signer, seven are not', () => {
  const text = quirk('signature-without-s-compound-hyphen-dropped');
  assert.ok(text.includes(BARE));
  // The reader writes a signer it found as `name<TAB>date` above the caption.
  const signed = (block: string) => written(text.replace(BARE, `${block}\n** Signature of Reporting Person`)).some((l) => l.endsWith('\t06/11/2021'));
  assert.equal(signed('By:\nJulia\nExample,\nAttorneyin-fact\nFor: the Reporting 06/11/2021\nPerson'), true);
  assert.equal(signed('By:\nJulia\nExample,\nAttorneyin-fact\nFor: the\nReporting 06/11/2021\nPerson'), false);
});

test('a signature block reaches up to lines of 80 characters; a line of 81 above the caption is remarks', () => {
  const text = quirk('signature-without-s-compound-hyphen-dropped');
  const line = (n: number) => {
    const head = 'By: Julia Example, Attorneyin-fact For: the Reporting';
    return `${head} ${'X'.repeat(n - head.length - 12)} 06/11/2021`;
  };
  assert.equal(line(80).length, 80);
  assert.equal(line(81).length, 81);
  const signed = (first: string) => written(text.replace(BARE, `${first}\nPerson\n** Signature of Reporting Person`)).some((l) => l.endsWith('\t06/11/2021'));
  assert.equal(signed(line(80)), true);
  assert.equal(signed(line(81)), false);
});

/** A signer with `/s/`, the date below the name, the caption under them (header-scattered). */
const SIGNED = '/s/ Jane Q. Doe\n\n02/05/2024\n\n** Signature of Reporting Person';

test('a signature block reaches 60 lines above its caption: a /s/ line 60 lines up is a signer, 61 lines up is not', () => {
  const text = quirk('header-scattered');
  assert.ok(text.includes(SIGNED));
  // `blanks` more empty lines between the date and the caption: the /s/ line stands 4 + blanks lines above it.
  const signer = (blanks: number) =>
    written(text.replace(SIGNED, `/s/ Jane Q. Doe\n\n02/05/2024\n${'\n'.repeat(blanks)}\n** Signature of Reporting Person`)).filter((l) => l.includes('Jane'));
  assert.deepEqual(signer(56), ['/s/ Jane Q. Doe\t02/05/2024'], '60 lines above the caption');
  assert.deepEqual(signer(57), ['/s/ Jane Q. Doe'], '61 lines above: written as printed');
});

test("a lone signer's date printed after the caption is read up to 9 lines below it, not 10", () => {
  const text = quirk('header-scattered');
  const block = `${SIGNED}\n\nDate`;
  assert.ok(text.includes(block));
  // The caption, a blank line, "Date", `blanks` empty lines, the date: it stands 3 + blanks lines below the caption.
  const signer = (blanks: number) =>
    written(text.replace(block, `/s/ Jane Q. Doe\n\n** Signature of Reporting Person\n\nDate\n${'\n'.repeat(blanks)}02/05/2024`)).filter((l) => l.includes('Jane'));
  assert.deepEqual(signer(6), ['/s/ Jane Q. Doe\t02/05/2024'], '9 lines below the caption');
  assert.deepEqual(signer(7), ['/s/ Jane Q. Doe\t'], '10 lines below: no date');
});

test("a job title wrapped a word a line starts where a title's word stands in the 4 lines from it, not 5", () => {
  const text = quirk('header-scattered');
  const TITLE = 'Vice President,\nFinance';
  assert.ok(text.includes(TITLE));
  const owner = (title: string) => recordOf(text.replace(TITLE, title)).reportingOwners[0];
  // "Chief" on the 4th line from "Head": "Head" opens the title.
  assert.equal(owner('Head\nGlobal\nMarkets,\nChief\nEconomist').officerTitle, 'Head Global Markets, Chief Economist');
  // On the 5th line from "Regional": that word is no title's (read with the street), the title opens at "Head".
  const fifth = owner('Regional\nHead\nGlobal\nMarkets,\nChief\nEconomist');
  assert.equal(fifth.officerTitle, 'Head Global Markets, Chief Economist');
  assert.ok(fifth.street1?.startsWith('Regional '), String(fifth.street1));
});
