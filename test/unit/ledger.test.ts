/**
 * The holdings ledger across filings: the six-month window on the calendar cases the courts
 * decided, identity of owners, positions and breaks on hand-made filings, and generated series of
 * filings (Form 3, Form 4s, Form 5s, amendments, joint filings, every layout) read back from their
 * text: the ledger finds every injected break and no other, the late counts, and the short-swing
 * pairs a brute-force reading of the matching definition gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { buildLedger, ledgerCsv, ledgerFilings, ledgerJson, ownerKey, shortSwing, windowEnd, withinWindow, type Entry, type LedgerFiling, type LedgerRow } from '../../server/src/ledger';
import { generateSeries, type Series } from '../gen/series';

import { tempDir } from '../support/temp';

const ROOT = path.resolve(__dirname, '..', '..');
const TODAY = new Date('2026-11-23T12:00:00Z');

// ---------------------------------------------------------------------------------------------
// The window
// ---------------------------------------------------------------------------------------------

test('six-month window: ends two days before the same calendar date six months later', () => {
  // Stella v. Graham-Paige: a purchase on Feb 10, the period ends Aug 8.
  assert.equal(windowEnd('1950-02-10'), '1950-08-08');
  assert.ok(withinWindow('1950-02-10', '1950-08-08'));
  assert.ok(!withinWindow('1950-02-10', '1950-08-09'));
  // Colonial Realty v. MacWilliams: a sale on Dec 20 and a purchase on Jun 19 do not match.
  assert.equal(windowEnd('1972-12-20'), '1973-06-18');
  assert.ok(!withinWindow('1972-12-20', '1973-06-19'));
  assert.ok(!withinWindow('1973-06-19', '1972-12-20'), 'either order');
  assert.ok(withinWindow('1972-12-20', '1973-06-18'));
  assert.ok(withinWindow('2020-03-03', '2020-03-03'), 'same day');
  assert.ok(!withinWindow('2020-03-03', '2019-01-01'));
});

test('six-month window: month ends and leap years', () => {
  // The later month lacks the day: its last day stands for the same calendar date.
  assert.equal(windowEnd('2022-08-31'), '2023-02-26'); // Feb 28 - 2
  assert.equal(windowEnd('2023-08-31'), '2024-02-27'); // Feb 29 (leap) - 2
  assert.equal(windowEnd('2023-08-29'), '2024-02-27'); // Feb 29 exists
  assert.equal(windowEnd('2023-08-30'), '2024-02-27'); // Feb 30 → Feb 29
  assert.equal(windowEnd('2024-08-30'), '2025-02-26');
  assert.equal(windowEnd('2024-02-29'), '2024-08-27'); // from a leap day
  assert.equal(windowEnd('2021-03-31'), '2021-09-28'); // Sep 30 - 2
  assert.equal(windowEnd('2021-12-31'), '2022-06-28'); // Jun 30 - 2, across the year
  assert.equal(windowEnd('2021-07-01'), '2021-12-30');
  assert.equal(windowEnd('2021-07-02'), '2021-12-31');
  assert.equal(windowEnd('2021-07-03'), '2022-01-01');
  assert.equal(windowEnd('2100-08-31'), '2101-02-26'); // 2100 is not a leap year
  assert.equal(windowEnd('2099-08-31'), '2100-02-26');
  assert.equal(windowEnd('2399-08-31'), '2400-02-27'); // 2400 is
  assert.equal(windowEnd('2021-02-30'), null);
  assert.equal(windowEnd('not a date'), null);
});

// ---------------------------------------------------------------------------------------------
// Hand-made filings
// ---------------------------------------------------------------------------------------------

const R = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 10 } });

function row(index: number, r: Partial<LedgerRow>): LedgerRow {
  return {
    index, kind: 'transaction', security: 'Common Stock', date: null, code: null, shares: null, acquiredDisposed: null, price: null, reported: null,
    directOrIndirect: 'D', nature: null, range: R(10 + index), balanceRange: R(10 + index), balanceRaw: null, ...r,
  };
}

function filing(file: string, f: Partial<LedgerFiling>, rows: Partial<LedgerRow>[] = []): LedgerFiling {
  return {
    file, index: 0, formType: '4', period: null, owners: ['Locke Benjamin M.'], issuerName: 'Tecogen Inc.', tradingSymbol: 'TGEN', signatureDate: null,
    late: false, lateTransactions: 0, rows: rows.map((r, i) => row(i, r)), range: R(0), ...f,
  };
}

const tx = (date: string, code: string, shares: number, ad: 'A' | 'D', price: number | null, reported: number | null): Partial<LedgerRow> => ({ date, code, shares, acquiredDisposed: ad, price, reported });

test('one owner however the name is written; issuer by symbol, or by the name a symbol was given with', () => {
  assert.equal(ownerKey('Locke Benjamin M.'), ownerKey('Benjamin M. Locke'));
  assert.equal(ownerKey('LOCKE, BENJAMIN M'), ownerKey('benjamin m locke'));
  assert.notEqual(ownerKey('Locke Benjamin'), ownerKey('Locke Benjamin M.'));
  const l = buildLedger([
    filing('a.txt', { formType: '3', period: '2020-01-01' }, [{ kind: 'holding', reported: 100 }]),
    filing('b.txt', { period: '2020-02-01', owners: ['Benjamin M. Locke'], tradingSymbol: null, issuerName: 'TECOGEN INC' }, [tx('2020-02-01', 'P', 50, 'A', 3, 150)]),
    filing('c.txt', { period: '2020-02-01', owners: ['Someone Else'] }, [tx('2020-02-01', 'P', 50, 'A', 3, 150)]),
  ]);
  assert.equal(l.groups.length, 2);
  const g = l.groups.find((x) => x.ownerKey === ownerKey('Locke Benjamin M.'))!;
  assert.equal(g.filings.length, 2);
  assert.equal(g.issuer, 'TGEN');
  assert.equal(g.breaks.length, 0);
  assert.deepEqual(g.positions[0]!.entries.map((e) => e.computed), [null, 150]);
});

test('positions, computed balances, breaks, open positions and what could not be placed', () => {
  const l = buildLedger([
    filing('f3.txt', { formType: '3', period: '2021-01-04' }, [
      { kind: 'holding', reported: 1000 },
      { kind: 'holding', reported: 500, directOrIndirect: 'I', nature: 'By Trust' },
    ]),
    filing('f4a.txt', { period: '2021-02-01' }, [
      tx('2021-02-01', 'S', 200, 'D', 10, 800),
      { ...tx('2021-02-01', 'G', 100, 'D', null, 400), directOrIndirect: 'I', nature: 'by  TRUST' },
    ]),
    // Does not follow: 800 + 300 = 1100, reported 1200.
    filing('f4b.txt', { period: '2021-03-01' }, [tx('2021-03-01', 'P', 300, 'A', 8, 1200), tx('2021-03-02', 'S', 1200, 'D', 9, 0)]),
    // A holding row follows from the previous reported balance; a title with other spacing and case is the same security.
    filing('f4c.txt', { period: '2021-04-01' }, [{ kind: 'holding', security: 'COMMON  stock', reported: 0 }, { kind: 'holding', security: null, reported: 5 }]),
    filing('noissuer.txt', { issuerName: null, tradingSymbol: null }),
  ]);
  assert.equal(l.groups.length, 1);
  const g = l.groups[0]!;
  const direct = g.positions.find((p) => p.directOrIndirect === 'D')!;
  const trust = g.positions.find((p) => p.directOrIndirect === 'I')!;
  assert.deepEqual(direct.entries.map((e) => [e.row.reported, e.computed, e.isBreak]), [[1000, null, false], [800, 800, false], [1200, 1100, true], [0, 0, false], [0, 0, false]]);
  assert.equal(direct.open, false, 'sold out');
  assert.deepEqual(trust.entries.map((e) => e.computed), [null, 400]);
  assert.equal(trust.open, true, 'last balance 400, never reported again: open, not a break');
  assert.deepEqual(g.breaks.map((e) => [e.filing.file, e.computed, e.row.reported]), [['f4b.txt', 1100, 1200]]);
  assert.deepEqual(l.unplaced.map((u) => [u.filing.file, u.reason]), [['f4c.txt', 'no security title was read'], ['noissuer.txt', 'no issuer name or trading symbol was read']]);
  const json = ledgerJson(l);
  assert.deepEqual(json.groups[0]!.breaks, [{ file: 'f4b.txt', line: 11, security: 'Common Stock', expected: 1100, reported: 1200 }]);
  assert.match(ledgerCsv(l), /^owner,issuer,security,directOrIndirect,nature,file,line,date,code,shares,acquiredDisposed,price,reported,computed,break\r\n/);
  assert.match(ledgerCsv(l), /f4b\.txt,11,2021-03-01,P,300,A,8,1200,1100,yes\r\n/);
});

test('an amendment replaces the filing it amends; both stay listed; a joint filing is in each owner\'s group', () => {
  const l = buildLedger([
    filing('1.txt', { formType: '3', period: '2021-01-04', owners: ['Ann Owner', 'Fund LP'] }, [{ kind: 'holding', reported: 1000 }]),
    filing('2.txt', { period: '2021-02-01', signatureDate: '2021-02-02', owners: ['Ann Owner', 'Fund LP'] }, [tx('2021-02-01', 'P', 100, 'A', 10, 9999)]),
    filing('3.txt', { formType: '4/A', period: '2021-02-01', signatureDate: '2021-03-01', owners: ['Owner Ann', 'Fund LP'] }, [tx('2021-02-01', 'P', 100, 'A', 10, 1100)]),
  ]);
  assert.equal(l.groups.length, 2);
  for (const g of l.groups) {
    assert.deepEqual(g.filings.map((f) => [f.filing.file, f.superseded]), [['1.txt', false], ['2.txt', true], ['3.txt', false]]);
    assert.equal(g.breaks.length, 0, 'the wrong original no longer counts');
    assert.deepEqual(g.positions[0]!.entries.map((e) => e.filing.file), ['1.txt', '3.txt']);
  }
});

// ---------------------------------------------------------------------------------------------
// Short-swing matching
// ---------------------------------------------------------------------------------------------

function entries(...trades: [string, string, number, number | null][]): Entry[] {
  const f = filing('x.txt', {}, trades.map(([date, code, shares, price]) => tx(date, code, shares, code === 'S' ? 'D' : 'A', price, null)));
  return f.rows.map((r) => ({ filing: f, row: r, computed: null, prev: null, isBreak: false }));
}

test('short swing: lowest in, highest out; losses not netted; outside the window not matched', () => {
  const s = shortSwing(entries(
    ['2021-01-05', 'P', 100, 10],
    ['2021-03-01', 'S', 100, 15],
    ['2021-04-01', 'P', 100, 12],
    ['2021-05-01', 'S', 50, 9], // below both purchases: a loss, never netted
    ['2021-05-02', 'S', 80, 14],
  ));
  // Largest difference first: P@10/S@15 (5 × 100); then P@12/S@14 (2 × 80); P@10 is used up.
  assert.deepEqual(s.pairs.map((p) => [p.purchase.price, p.sale.price, p.shares, p.profitCents]), [[10, 15, 100, 50000], [12, 14, 80, 16000]]);
  assert.equal(s.profitCents, 66000);

  const before = shortSwing(entries(['2020-12-20', 'S', 100, 20], ['2021-06-19', 'P', 100, 1], ['2021-06-18', 'P', 10, 19.5]));
  assert.deepEqual(before.pairs.map((p) => [p.purchase.date, p.sale.date, p.shares, p.profitCents]), [['2021-06-18', '2020-12-20', 10, 500]], 'a sale before the purchase matches too; Jun 19 is outside');

  const ties = shortSwing(entries(['2021-01-01', 'P', 10, 5], ['2021-01-02', 'P', 10, 5], ['2021-01-03', 'S', 15, 7]));
  assert.deepEqual(ties.pairs.map((p) => [p.purchase.date, p.shares]), [['2021-01-01', 10], ['2021-01-02', 5]], 'ties: the earlier purchase first');

  const odd = shortSwing(entries(['2021-01-01', 'P', 10, null], ['2021-01-02', 'M', 10, 1], ['2021-01-03', 'S', 10, 7], ['2021-01-04', 'G', 5, null]));
  assert.deepEqual(odd.unmatchable.map((u) => [u.entry.row.code, u.reason]), [['P', 'no price']]);
  assert.deepEqual(odd.otherCodes, { M: 1, G: 1 });
  assert.equal(odd.pairs.length, 0);
});

/** The matching definition read literally: scan every pair each round. */
function bruteForce(trades: { key: string; code: 'P' | 'S'; date: string; shares: number; price: number; order: number }[]) {
  const pad = (n: number) => String(n).padStart(2, '0');
  const end = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const last = new Date(Date.UTC(y, m - 1 + 7, 0)).getUTCDate(); // last day of the month six months on
    const t = new Date(Date.UTC(y, m - 1 + 6, Math.min(d, last)) - 2 * 86400000);
    return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  };
  const inWindow = (a: string, b: string) => (a <= b ? b <= end(a) : a <= end(b));
  const left = trades.map((t) => t.shares);
  const earlier = (a: number, b: number) => trades[a]!.date < trades[b]!.date || (trades[a]!.date === trades[b]!.date && trades[a]!.order < trades[b]!.order);
  const pairs: { p: string; s: string; shares: number; cents: number }[] = [];
  for (;;) {
    let best: [number, number] | null = null;
    for (let i = 0; i < trades.length; i++) {
      for (let j = 0; j < trades.length; j++) {
        const p = trades[i]!;
        const s = trades[j]!;
        if (p.code !== 'P' || s.code !== 'S' || left[i]! <= 0 || left[j]! <= 0 || !(s.price > p.price) || !inWindow(p.date, s.date)) continue;
        if (!best) {
          best = [i, j];
          continue;
        }
        const bd = trades[best[1]]!.price - trades[best[0]]!.price;
        const d = s.price - p.price;
        if (d > bd || (d === bd && (earlier(i, best[0]) || (i === best[0] && earlier(j, best[1]))))) best = [i, j];
      }
    }
    if (!best) return pairs;
    const [i, j] = best;
    const shares = Math.min(left[i]!, left[j]!);
    left[i]! -= shares;
    left[j]! -= shares;
    pairs.push({ p: trades[i]!.key, s: trades[j]!.key, shares, cents: Math.round(shares * (trades[j]!.price - trades[i]!.price) * 100) });
  }
}

// ---------------------------------------------------------------------------------------------
// Generated series, read back from their text
// ---------------------------------------------------------------------------------------------

function readSeries(s: Series): LedgerFiling[] {
  return s.files.flatMap((f) => ledgerFilings(f.name, analyze(f.text, { today: TODAY })));
}

function truthTrades(s: Series) {
  const out: Parameters<typeof bruteForce>[0] = [];
  s.files.forEach((f, fi) => {
    if (f.superseded) return;
    f.record.nonDerivative.forEach((r, ri) => {
      if (r.kind === 'transaction' && (r.transactionCode === 'P' || r.transactionCode === 'S')) {
        out.push({ key: `${f.name}#${ri}`, code: r.transactionCode, date: r.transactionDate!, shares: r.shares!, price: r.pricePerShare!, order: fi * 1000 + ri });
      }
    });
  });
  return out;
}

const SERIES = 16;

test(`generated series (${SERIES}): every injected break and no other; amendments, joint filings, late counts, short swing as brute force`, () => {
  let breaksSeen = 0;
  let pairsSeen = 0;
  let amendments = 0;
  let joint = 0;
  for (let i = 0; i < SERIES; i++) {
    const s = generateSeries(`ledger-${i}`, { breaks: i % 4, joint: i % 3 === 0 });
    const l = buildLedger(readSeries(s));
    const why = `series ${i}`;
    assert.deepEqual(l.unplaced, [], why);
    assert.equal(l.groups.length, s.owners.length, `${why}: one group per owner`);
    if (s.owners.length > 1) joint++;
    const want = s.breaks.map((b) => `${b.file}#${b.row} ${b.security}: ${b.expected} -> ${b.reported}`).sort();
    const brute = bruteForce(truthTrades(s));
    for (const g of l.groups) {
      const got = g.breaks.map((e) => `${e.filing.file}#${e.row.index} ${e.row.security}: ${e.computed} -> ${e.row.reported}`).sort();
      assert.deepEqual(got, want, `${why}: breaks of ${g.owner}`);
      assert.deepEqual(g.filings.map((f) => [f.filing.file, f.superseded]), s.files.map((f) => [f.name, f.superseded]), `${why}: filings in order, the amended ones replaced`);
      assert.deepEqual(g.late, s.late, `${why}: late counts`);
      const pairs = g.shortSwing.pairs.map((p) => ({ p: `${p.purchase.entry.filing.file}#${p.purchase.entry.row.index}`, s: `${p.sale.entry.filing.file}#${p.sale.entry.row.index}`, shares: p.shares, cents: p.profitCents }));
      assert.deepEqual(pairs, brute, `${why}: short-swing pairs`);
      assert.equal(g.shortSwing.profitCents, brute.reduce((t, p) => t + p.cents, 0));
      assert.deepEqual(g.shortSwing.unmatchable, []);
    }
    breaksSeen += want.length;
    pairsSeen += brute.length;
    amendments += s.files.filter((f) => f.superseded).length;
  }
  // The series exercise what they are for.
  assert.ok(breaksSeen >= SERIES, `breaks injected: ${breaksSeen}`);
  assert.ok(pairsSeen >= SERIES * 3, `short-swing pairs: ${pairsSeen}`);
  assert.ok(amendments >= 3, `amended filings: ${amendments}`);
  assert.ok(joint >= 3);
});

test('several owners and issuers in one folder: separate groups, each with its own breaks', () => {
  const a = generateSeries('folder-a', { prefix: 'a', breaks: 1 });
  const b = generateSeries('folder-b', { prefix: 'b', breaks: 2, issuer: a.issuer });
  const c = generateSeries('folder-c', { prefix: 'c', breaks: 0 });
  const l = buildLedger([...readSeries(c), ...readSeries(b), ...readSeries(a)]);
  assert.equal(l.groups.length, 3);
  for (const s of [a, b, c]) {
    const g = l.groups.find((x) => x.ownerKey === ownerKey(s.owners[0]!))!;
    assert.deepEqual(g.breaks.map((e) => `${e.filing.file}#${e.row.index}`).sort(), s.breaks.map((x) => `${x.file}#${x.row}`).sort());
    assert.equal(g.filings.length, s.files.length);
  }
});

test('form345 ledger: --json contract, --csv, text; exit 1 on a break', () => {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  const dir = tempDir('form345-ledger-');
  const s = generateSeries('cli', { breaks: 1, prefix: 'f' });
  for (const f of s.files) writeFileSync(path.join(dir, f.name), f.text);
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'form345.js'), 'ledger', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORM345_TODAY: '2026-11-23' } });
  const j = run('--json', '.');
  assert.equal(j.status, 1, j.stderr);
  const out = JSON.parse(j.stdout) as { groups: Record<string, unknown>[]; unplaced: unknown[] };
  assert.equal(out.groups.length, 1);
  const g = out.groups[0] as ReturnType<typeof ledgerJson>['groups'][number];
  assert.deepEqual(Object.keys(g), ['owner', 'issuer', 'filings', 'positions', 'breaks', 'shortSwing', 'late']);
  assert.deepEqual(Object.keys(g.positions[0]!.entries[0]!), ['file', 'line', 'date', 'code', 'shares', 'acquiredDisposed', 'price', 'reported', 'computed']);
  assert.equal(g.shortSwing.method, 'lowest-in-highest-out');
  assert.equal(g.breaks.length, 1);
  const br = g.breaks[0]!;
  assert.equal(br.file, s.breaks[0]!.file);
  assert.equal(br.expected, s.breaks[0]!.expected);
  // `line` is the 1-based line of the reported balance: the figure stands there in the text.
  const text = s.files.find((f) => f.name === br.file)!.text;
  assert.ok(text.split(/\r?\n/)[br.line - 1]!.replace(/,/g, '').includes(String(br.reported)), 'the line shows the balance');
  assert.equal(Math.round(g.shortSwing.profit * 100), Math.round(g.shortSwing.pairs.reduce((t, p) => t + p.profit, 0) * 100));
  const csv = run('--csv', '.');
  assert.equal(csv.status, 1);
  assert.equal(csv.stdout.trim().split(/\r\n/).length, 1 + g.positions.reduce((n, p) => n + p.entries.length, 0));
  const txt = run('.');
  assert.match(txt.stdout, new RegExp(`${br.file.replace(/\./g, '\\.')}:${br.line} break `));
  const clean = generateSeries('cli-clean', { breaks: 0, prefix: 'g' });
  const dir2 = tempDir('form345-ledger-');
  for (const f of clean.files) writeFileSync(path.join(dir2, f.name), f.text);
  assert.equal(run('--json', dir2).status, 0);
  const bad = run('--format', 'sarif', '.');
  assert.equal(bad.status, 2);
});

test('ledger of records that hold nothing to place: no crash, reported as unplaced', () => {
  const l = buildLedger(ledgerFilings('junk.txt', analyze('FORM 4\n\nnothing here at all\n', { today: TODAY })));
  assert.equal(l.groups.length, 0);
  assert.ok(l.unplaced.every((u) => u.reason.length > 0));
});
