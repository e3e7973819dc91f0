import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addBusinessDays,
  businessDaysAfter,
  dateCandidates,
  form4DueDate,
  formatDateLike,
  isBusinessDay,
  isoDate,
  parseUsDate,
  usFederalHolidays,
  weekdayName,
} from '../../server/src/analysis/domain/calendar';

test('isoDate rejects impossible dates and knows leap years', () => {
  assert.equal(isoDate(2017, 11, 14), '2017-11-14');
  assert.equal(isoDate(2019, 2, 30), null);
  assert.equal(isoDate(2019, 2, 29), null);
  assert.equal(isoDate(2020, 2, 29), '2020-02-29');
  assert.equal(isoDate(1900, 2, 29), null);
  assert.equal(isoDate(2000, 2, 29), '2000-02-29');
  assert.equal(isoDate(2017, 13, 1), null);
  assert.equal(isoDate(2017, 0, 1), null);
  assert.equal(isoDate(2017, 4, 31), null);
  assert.equal(isoDate(2017, 4, 0), null);
});

test('parseUsDate reads the formats filings use', () => {
  assert.deepEqual(parseUsDate('11/14/2017'), { iso: '2017-11-14', y: 2017, m: 11, d: 14 });
  assert.deepEqual(parseUsDate('7/5/2020'), { iso: '2020-07-05', y: 2020, m: 7, d: 5 });
  assert.deepEqual(parseUsDate(' 12/18/14 '), { iso: '2014-12-18', y: 2014, m: 12, d: 18 });
  assert.equal(parseUsDate('12/18/50')?.iso, '2050-12-18');
  assert.equal(parseUsDate('12/18/51')?.iso, '1951-12-18');
  assert.equal(parseUsDate('2013-10-01')?.iso, '2013-10-01');
  assert.equal(parseUsDate('November 17, 2014')?.iso, '2014-11-17');
  assert.equal(parseUsDate('Feb. 3, 2019')?.iso, '2019-02-03');
  assert.equal(parseUsDate('Sept 3 2019')?.iso, '2019-09-03');
  assert.equal(parseUsDate('11-14-2017')?.iso, '2017-11-14');
});

test('parseUsDate keeps impossible dates with iso null, rejects non-dates', () => {
  assert.deepEqual(parseUsDate('02/30/2019'), { iso: null, y: 2019, m: 2, d: 30 });
  assert.deepEqual(parseUsDate('13/14/2017'), { iso: null, y: 2017, m: 13, d: 14 });
  assert.equal(parseUsDate('February 30, 2019')?.iso, null);
  for (const s of ['', '3235-0287', '$ 2.64', '62,500', '1/2', '111/1/2017', '11/14/17/1', 'Smarch 3, 2019', '(1)']) {
    assert.equal(parseUsDate(s), null, s);
  }
});

test('weekdayName', () => {
  assert.equal(weekdayName('2020-07-15'), 'Wednesday');
  assert.equal(weekdayName('2014-12-18'), 'Thursday');
  assert.equal(weekdayName('1970-01-01'), 'Thursday');
  assert.equal(weekdayName('2000-02-29'), 'Tuesday');
  assert.equal(weekdayName('2019-02-30'), null);
});

test('federal holidays 2014', () => {
  assert.deepEqual(usFederalHolidays(2014), [
    '2014-01-01', '2014-01-20', '2014-02-17', '2014-05-26', '2014-07-04',
    '2014-09-01', '2014-10-13', '2014-11-11', '2014-11-27', '2014-12-25',
  ]);
});

test('federal holidays 2020 (July 4 on a Saturday is observed Friday July 3)', () => {
  assert.deepEqual(usFederalHolidays(2020), [
    '2020-01-01', '2020-01-20', '2020-02-17', '2020-05-25', '2020-07-03',
    '2020-09-07', '2020-10-12', '2020-11-11', '2020-11-26', '2020-12-25',
  ]);
});

test('federal holidays 2021: first Juneteenth, Christmas and New Year 2022 observed on Fridays', () => {
  assert.deepEqual(usFederalHolidays(2021), [
    '2021-01-01', '2021-01-18', '2021-02-15', '2021-05-31', '2021-06-18', '2021-07-05',
    '2021-09-06', '2021-10-11', '2021-11-11', '2021-11-25', '2021-12-24', '2021-12-31',
  ]);
});

test('federal holidays 2022: New Year observed in 2021, Christmas observed Monday', () => {
  assert.deepEqual(usFederalHolidays(2022), [
    '2022-01-17', '2022-02-21', '2022-05-30', '2022-06-20', '2022-07-04',
    '2022-09-05', '2022-10-10', '2022-11-11', '2022-11-24', '2022-12-26',
  ]);
});

test('federal holidays 2023: New Year observed Monday Jan 2, Veterans Day Friday Nov 10', () => {
  assert.deepEqual(usFederalHolidays(2023), [
    '2023-01-02', '2023-01-16', '2023-02-20', '2023-05-29', '2023-06-19', '2023-07-04',
    '2023-09-04', '2023-10-09', '2023-11-10', '2023-11-23', '2023-12-25',
  ]);
});

test('Juneteenth only from 2021', () => {
  assert.ok(!usFederalHolidays(2020).some((d) => d.startsWith('2020-06')));
  assert.ok(usFederalHolidays(2024).includes('2024-06-19'));
});

test('isBusinessDay: weekends and observed holidays are not', () => {
  assert.equal(isBusinessDay('2020-07-15'), true);
  assert.equal(isBusinessDay('2020-07-18'), false); // Saturday
  assert.equal(isBusinessDay('2020-07-19'), false); // Sunday
  assert.equal(isBusinessDay('2020-07-03'), false); // observed Independence Day
  assert.equal(isBusinessDay('2021-12-31'), false); // observed New Year's Day 2022
  assert.equal(isBusinessDay('2022-12-26'), false); // observed Christmas
  assert.equal(isBusinessDay('2019-02-30'), false); // not a date
});

test('Form 4 due dates', () => {
  assert.equal(form4DueDate('2020-07-15'), '2020-07-17'); // Wed → Fri
  assert.equal(form4DueDate('2014-12-18'), '2014-12-22'); // Thu → Mon
  assert.equal(form4DueDate('2017-11-14'), '2017-11-16');
  assert.equal(form4DueDate('2014-12-23'), '2014-12-26'); // Christmas skipped
  assert.equal(form4DueDate('2020-07-02'), '2020-07-07'); // observed July 3 and weekend skipped
  assert.equal(form4DueDate('2021-12-30'), '2022-01-04'); // observed New Year Dec 31 skipped
  assert.equal(form4DueDate('2020-07-18'), '2020-07-21'); // counted from a Saturday
  assert.equal(form4DueDate('bad'), null);
});

test('addBusinessDays forwards, backwards and zero', () => {
  assert.equal(addBusinessDays('2020-07-17', 1), '2020-07-20');
  assert.equal(addBusinessDays('2020-07-20', -1), '2020-07-17');
  assert.equal(addBusinessDays('2020-07-18', 0), '2020-07-18');
  assert.equal(addBusinessDays('2023-11-09', 1), '2023-11-13');
});

test('businessDaysAfter counts the days after the start, up to the end', () => {
  assert.equal(businessDaysAfter('2020-07-15', '2020-07-21'), 4); // seed 002 is late
  assert.equal(businessDaysAfter('2020-07-15', '2020-07-17'), 2);
  assert.equal(businessDaysAfter('2014-12-18', '2014-12-22'), 2); // seed 000 on time
  assert.equal(businessDaysAfter('2017-11-14', '2017-11-14'), 0);
  assert.equal(businessDaysAfter('2020-07-21', '2020-07-15'), -4);
  assert.equal(businessDaysAfter('2020-07-15', 'x'), null);
});

test('dateCandidates: swapped day-first dates', () => {
  assert.equal(dateCandidates('14/11/2017')[0], '2017-11-14');
});

test('dateCandidates: February 30 and 29 clamp to the last day first', () => {
  assert.equal(dateCandidates('02/30/2019')[0], '2019-02-28');
  assert.equal(dateCandidates('2/29/2019')[0], '2019-02-28');
  assert.equal(dateCandidates('February 30, 2019')[0], '2019-02-28');
});

test('dateCandidates: transposed and misread digits', () => {
  const c = dateCandidates('11/41/2017');
  assert.deepEqual(c.slice(0, 2), ['2017-11-14', '2017-11-11']);
  assert.ok(c.includes('2017-11-30'));
});

test('dateCandidates: month 13', () => {
  const c = dateCandidates('13/14/2017');
  assert.ok(c.length > 0);
  assert.ok(c.includes('2017-12-14'));
});

test('dateCandidates: always valid, unique, at most five; none for valid dates or non-dates', () => {
  for (const raw of ['13/14/2017', '02/30/2019', '11/41/2017', '2/29/2019', '06/31/2020', '00/00/2020', '19/39/2018', '99/99/2099']) {
    const c = dateCandidates(raw);
    assert.ok(c.length <= 5, raw);
    assert.equal(new Set(c).size, c.length, raw);
    for (const iso of c) assert.ok(parseUsDate(iso)?.iso === iso, `${raw} → ${iso}`);
  }
  assert.deepEqual(dateCandidates('11/14/2017'), []);
  assert.deepEqual(dateCandidates('hello'), []);
});

test('formatDateLike keeps the written style', () => {
  assert.equal(formatDateLike('2019-02-28', '02/30/2019'), '02/28/2019');
  assert.equal(formatDateLike('2019-02-28', '2/30/2019'), '2/28/2019');
  assert.equal(formatDateLike('2019-02-28', '02/30/19'), '02/28/19');
  assert.equal(formatDateLike('2019-02-28', '2019-02-30'), '2019-02-28');
  assert.equal(formatDateLike('2019-02-28', 'February 30, 2019'), 'February 28, 2019');
  assert.equal(formatDateLike('2019-02-28', 'Feb. 30, 2019'), 'Feb. 28, 2019');
});
