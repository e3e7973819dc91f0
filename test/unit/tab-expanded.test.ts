/**
 * Tab-separated text whose tabs an editor or converter expanded to 8-column stops
 * (layout/tabs.ts `readExpandedTabs`), and the form readers' rules for what such text loses
 * when a tab shrinks to a single space: merged owners-table labels, a signature's written-out
 * date after one space, relationship options run on after a date box's date, and a second box
 * label at one rank of a line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { readExpandedTabs } from '../../server/src/analysis/layout';
import { EXPANDED_MIN_GAPS, EXPANDED_SHARE, TAB_WIDTH } from '../../server/src/analysis/layout/tabs';
import { expandTabs, Rng } from '../gen';

const TODAY = new Date('2026-11-23T12:00:00Z');
const CLEAN = readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'rules', 'clean.form4.txt'), 'utf8');

/** Every tab to the next 8-column stop (what `expand` does). */
function expand(text: string): string {
  return text.split('\n').map((l) => {
    let o = '';
    for (const ch of l) o += ch === '\t' ? ' '.repeat(TAB_WIDTH - (o.length % TAB_WIDTH)) : ch;
    return o;
  }).join('\n');
}

function read(text: string) {
  const r = analyze(text, { today: TODAY });
  assert.equal(r.filings.length, 1);
  return { record: r.filings[0]!.record, errors: r.findings.filter((f) => f.severity === 'error').map((f) => f.code) };
}

const rewrite = (lines: string[]) => readExpandedTabs(lines, (i) => lines[i]!);

test('a filing with its tabs expanded reads the record the tab-separated filing reads', () => {
  const expanded = expand(CLEAN);
  assert.ok(!expanded.includes('\t'));
  const want = read(CLEAN);
  const got = read(expanded);
  assert.deepEqual(got.record, want.record);
  assert.deepEqual(got.errors, []);
});

test('the generator expands tabs as an editor does: to the next stop, the BOM no column, CR kept', () => {
  const out = expandTabs('\uFEFFab\tc\r\n\tx\t\r\n', new Rng('keep-trailing'));
  const lines = out.slice(1).split('\n');
  assert.ok(out.startsWith('\uFEFF'));
  assert.equal(lines[0], 'ab      c\r');
  assert.ok(lines[1] === '        x       \r' || lines[1] === '        x\r', JSON.stringify(lines[1]));
});

test(`gaps read as tabs: at least ${EXPANDED_MIN_GAPS} gaps inside lines, ${EXPANDED_SHARE * 100}% of them ending on a stop`, () => {
  // Each line: one gap ending on a stop (col 16) and, for the "off" lines, one that does not.
  const on = 'Common Stock    03/02/2021';
  const off = 'Common Stock    03/02/2021   M';
  // 8 gaps, all on stops: tabs.
  assert.equal(rewrite(Array(8).fill(on)).size, 8);
  // 7 gaps: too few to judge.
  assert.equal(rewrite(Array(7).fill(on)).size, 0);
  // 10 gaps, 8 on stops (80%): tabs; 9 gaps, 7 on stops (78%): a page laid out by position.
  assert.equal(rewrite([...Array(6).fill(on), ...Array(2).fill(off)]).size, 8);
  assert.equal(rewrite([...Array(5).fill(on), ...Array(2).fill(off)]).size, 0);
  // Text with a real tab anywhere is tab-separated already.
  assert.equal(rewrite([...Array(8).fill(on), 'a\tb']).size, 0);
});

test('a gap that a drawn border closes is no tab (grid columns end on stops too)', () => {
  const grid = Array(12).fill('| Common Stock                          | 03/02/2021                            |');
  assert.equal(rewrite(grid).size, 0);
});

test('a gap becomes as many tabs as it spans stops; a single space between words stays a space', () => {
  const lines = [...Array(8).fill('Common Stock    03/02/2021'), 'Stock Option (Right)            M'];
  const got = rewrite(lines);
  assert.equal(got.get(0), 'Common Stock\t   03/02/2021');
  // "Stock Option (Right)" ends at 20: tabs to 24 and 32.
  assert.equal(got.get(8), 'Stock Option (Right)\t\t          M');
});

test('a tab shrunk to one space is restored when the line lacks exactly as many tabs as it has single spaces on stops', () => {
  const row = (title: string) => expand(`${title}\t03/02/2021\t\tS\t\t4,000\tD\t$31.20\t21,000\tD\t`);
  // "Series B Common" (15) ends one column short of a stop.
  const lines = [row('Common Stock'), row('Series B Common'), row('Common Stock')];
  assert.ok(lines[1]!.startsWith('Series B Common 03/02/2021'));
  const got = rewrite(lines);
  assert.ok(got.get(1)!.startsWith('Series B Common\t03/02/2021'), JSON.stringify(got.get(1)));
  // Two single spaces on stops for one missing tab: which one it was is not known, neither is taken.
  const twice = expand('Series B Common\t03/02/2021\t\tS\t\t4,000\tD\t$31.20\t21,000\tD\t').replace('$31.20  ', '$31.20 T');
  const ambiguous = rewrite([lines[0]!, twice, lines[2]!]);
  assert.ok(ambiguous.get(1)!.startsWith('Series B Common 03/02/2021'));
});

test('a line missing more than half as many tabs as it kept is not restored from its neighbours', () => {
  const full = expand('a\tb\tc\td\te\tf\tg\th\ti');
  // Each letter of "aaaaaaa" (7 characters) ends one short of a stop: one space after it.
  const short = expand('aaaaaaa\tbbbbbbb\tccccccc\tddddddd\te\tf\tg');
  const got = rewrite([full, short, full, full]);
  assert.ok(!got.get(1)!.startsWith('aaaaaaa\t'), JSON.stringify(got.get(1)));
});

test('owners table: a header cell holding two labels ("Officer Other") gives each its column', () => {
  const text = CLEAN.replace('Reminder:', [
    'Reporting Owners',
    '',
    'Reporting Owner Name / Address\tRelationships\t\t\t',
    '\tDirector\t10% Owner\tOfficer Other',
    'Rivera Ana M. 200 HARBOR DRIVE PORTLAND, OR 97201\t\t\tChief Financial Officer\t',
    'Rivera Family Trust 200 HARBOR DRIVE PORTLAND, OR 97201\t\t\t\tTrust',
    '',
    'Reminder:',
  ].join('\n'));
  const owners = read(text).record.reportingOwners;
  assert.equal(owners.length, 2);
  assert.deepEqual([owners[1]!.isOther, owners[1]!.otherText, owners[1]!.isOfficer], [true, 'Trust', false]);
});

test('a signature line\'s written-out date after a single space is its date; in running text it is not', () => {
  const text = CLEAN.replace('/s/ Ana M. Rivera\t03/03/2021', '/s/ Ana M. Rivera, Attorney-in-Fact March 3, 2021');
  assert.notEqual(text, CLEAN);
  assert.deepEqual(read(text).record.signatures, [{ name: 'Ana M. Rivera, Attorney-in-Fact', date: '2021-03-03' }]);
  const remark = CLEAN.replace('Remarks:\n', 'Remarks:\nThe original report was dated as of March 3, 2021\n');
  assert.equal(read(remark).record.remarks, 'The original report was dated as of March 3, 2021');
});

test('relationship options run on after a date box\'s date (its cell edge lost) are the relationship box\'s', () => {
  const text = CLEAN.replace('03/02/2021\tDirector 10% Owner X Officer', '03/02/2021 Director 10% Owner X Officer');
  assert.notEqual(text, CLEAN);
  const { record, errors } = read(text);
  assert.equal(record.periodOfReport, '2021-03-02');
  const o = record.reportingOwners[0]!;
  assert.deepEqual([o.isDirector, o.isOfficer, o.officerTitle], [false, true, 'Chief Financial Officer']);
  assert.deepEqual(errors, []);
});

test('a second box label at one rank of a tabbed line does not take the first box\'s lane below', () => {
  const text = CLEAN
    .replace('Rivera Ana M.\t2. Issuer Name', 'Rivera Ana M. 2. Issuer Name')
    .replace('200 HARBOR DRIVE\t3. Date', '200 HARBOR DRIVE\nSUITE 400\t3. Date');
  const o = read(text).record.reportingOwners[0]!;
  assert.deepEqual([o.name, o.street1, o.street2], ['Rivera Ana M.', '200 HARBOR DRIVE', 'SUITE 400']);
});
