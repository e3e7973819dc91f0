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
