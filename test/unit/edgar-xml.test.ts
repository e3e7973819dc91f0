/**
 * EDGAR ownership XML from text: three round trips.
 *
 * 1. Real filings: every conversion in fixtures/real, fixtures/rendered and fixtures/defaults, EDGAR's
 *    own pages, and every filing of ../shared/real/edgar-more rendered as EDGAR's page: text → XML →
 *    the filer's XML element by element (test/support/xml-compare.ts; what no text shows is listed
 *    there in NOT_IN_TEXT, what a conversion destroyed in its *.lost.json).
 * 2. A third-party reader: the XML parses in sec-edgar-toolkit's OwnershipFormParser and gives what
 *    `normalize` gives.
 * 3. Generated filings of every form and amendment type in every layout: well-formed, in the
 *    specified element order, and xml → record (test/tools/xml-to-record.ts) equals `normalize`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { OwnershipFormParser } from 'sec-edgar-toolkit';
import { analyze, type AnalyzedFiling, type FilingRecord } from '../../server/src/analysis';
import { ownershipXml, decimal, escapeXml } from '../../server/src/analysis/edgar/xml';
import { lookupCik, parseCikMap } from '../../server/src/analysis/edgar/cikMap';
import { lostOf, TODAY } from '../support/fixtures';
import { flatten, xmlDifferences } from '../support/xml-compare';
import { orderProblems } from '../support/xml-order';
import { parseXml, xmlToRecord } from '../tools/xml-to-record';
import { renderEdgarHtml } from '../tools/render-edgar-html';
import { FORM_TYPES, LAYOUTS, generateCase } from '../gen/index';

const ROOT = path.resolve(__dirname, '..', '..');
const EDGAR = path.resolve(ROOT, '..', 'shared', 'real', 'edgar');
const MORE = path.resolve(ROOT, '..', 'shared', 'real', 'edgar-more');

function filerXml(stem: string): string {
  const fromHtml = path.join(EDGAR, `${stem}.fromhtml.xml`);
  return readFileSync(existsSync(fromHtml) ? fromHtml : path.join(EDGAR, `${stem}.xml`), 'utf8');
}

function filings(text: string): AnalyzedFiling[] {
  return analyze(text, { today: TODAY }).filings;
}

// ---------------------------------------------------------------------------------------------
// 1. Real filings against the filers' XML.

/** The full-width conversion whose lost list applies to a default conversion (as default-fixtures.test.ts). */
const FAMILY: Record<string, string> = { w3m80: 'w3m', lynx80: 'lynx', 'pandoc-plain72': 'pandoc-plain', gfm: 'pandoc-plain', h2md: 'w3m', links: 'w3m', elinks: 'w3m', w3m60: 'w3m', lynx60: 'lynx', html2text60: 'html2text', 'pandoc-plain60': 'pandoc-plain', 'pandoc-md120': 'pandoc-md' };

function truthDir(stem: string): string {
  return existsSync(path.join(ROOT, 'fixtures', 'real', `${stem}.expected.json`)) ? path.join(ROOT, 'fixtures', 'real') : path.join(ROOT, 'fixtures', 'rendered');
}

describe('real conversions: text → XML equals the filer\'s XML', () => {
  for (const dirName of ['real', 'rendered', 'defaults']) {
    const dir = path.join(ROOT, 'fixtures', dirName);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt') && f !== 'TOOLS.txt')) {
      const file = path.join(dir, name);
      test(`${dirName}/${name}`, () => {
        const text = readFileSync(file, 'utf8');
        const got = filings(text);
        if (name.startsWith('multi')) {
          const stems = name.startsWith('multi5') ? ['form4.Evans', '374WaterForm4', 'form3.BAMPartners', 'form5.snow', 'form3.snow'] : ['374WaterForm4', 'form3.snow', 'form5.snow'];
          const lost = lostOf(file);
          assert.equal(got.length, stems.length);
          stems.forEach((stem, i) => assert.deepStrictEqual(xmlDifferences(ownershipXml(got[i]!).xml, filerXml(stem), lost[i] ?? []), [], stem));
          return;
        }
        const stem = name.replace(/\.[^.]+\.txt$/, '');
        const tool = name.split('.').slice(-2)[0]!;
        const lost = [...(lostOf(file)[0] ?? [])];
        if (dirName === 'defaults') lost.push(...(lostOf(path.join(truthDir(stem), `${stem}.${FAMILY[tool]}.txt`))[0] ?? []));
        assert.equal(got.length, 1);
        assert.deepStrictEqual(xmlDifferences(ownershipXml(got[0]!).xml, filerXml(stem), lost), []);
      });
    }
  }

  for (const stem of ['form4.Evans', '374WaterForm4', 'form3.snow', 'form5.snow', 'form3.BAMPartners']) {
    test(`EDGAR's own page ${stem}.html`, () => {
      const got = filings(readFileSync(path.join(EDGAR, `${stem}.html`), 'utf8'));
      // Form 5 prints no V column and its K is read as in every conversion of it.
      const lost = stem === 'form5.snow' ? ['/nonDerivative/0/equitySwapInvolved'] : [];
      assert.deepStrictEqual(xmlDifferences(ownershipXml(got[0]!).xml, filerXml(stem), lost), []);
    });
  }
});

/**
 * Filings of ../shared/real/edgar-more whose records the parser does not read fully from the
 * rendered page yet (record-level gaps, the same in `normalize`; the XML carries what the record
 * holds). Shrink this list.
 */
const MORE_GAPS: Record<string, string> = {
  'ADGI.000120919121051298.doc4.xml': 'four signatures on one line read as one; second owner\'s relationship row',
  'GUTS.000095017024009914.ownership.xml': 'five signatures of entities read as one',
  'OSCR.000120919121017168.doc3.xml': 'two signatures read as one; second owner\'s relationship row',
  'LNKD.000120919112014199.doc4.xml': 'second owner\'s relationship row',
  'LNKD.000120919112058667.doc4.xml': 'second owner\'s relationship row',
  'EB.000147511521000064.edgardoc.xml': 'signature "By: ... For: the Reporting Person" not read',
  'EB.000147511521000069.edgardoc.xml': 'signature "By: ... For: the Reporting Person" not read',
  'EB.000147511522000055.edgardoc.xml': 'signature "By: ... For: the Reporting Person" not read',
  'MSFT.000106299323018084.form4.xml': 'signature without "/s/" not read',
  'MSFT.000162643118000006.edgar.xml': 'signature without "/s/" read as remarks',
  'MSFT.000162643119000056.edgar.xml': 'signature without "/s/" read as remarks',
  'TSLA.000089924322015949.doc4.xml': 'signature "By: ... For: Elon Musk" not read',
  'TSLA.000089924322028181.doc4.xml': 'signature "By: ... For: Elon Musk" not read',
  'TSLA.000089924323004992.doc5.xml': 'signature "By: ... For: Elon Musk" read as remarks',
  'RTPZ.000121390020038084.ownership.xml': 'the filer\'s city "NEW YORK," loses its comma',
  'LNKD.000118143111033001.rrd313108.xml': 'two signatures read as one; second owner\'s relationship row',
  'SCTY.000118143112064161.rrd362468.xml': 'remarks opening with "*" read without it',
};

describe('../shared/real/edgar-more rendered as EDGAR\'s page: page → XML equals the filer\'s XML', () => {
  const files = existsSync(MORE) ? readdirSync(MORE).filter((f) => f.endsWith('.xml')) : [];
  test('the filings are present', () => assert.ok(files.length >= 40, `${files.length} filings`));
  for (const f of files) {
    test(f, MORE_GAPS[f] ? { todo: MORE_GAPS[f] } : {}, () => {
      const xml = readFileSync(path.join(MORE, f), 'utf8');
      const got = filings(renderEdgarHtml(xml));
      assert.equal(got.length, 1);
      assert.deepStrictEqual(xmlDifferences(ownershipXml(got[0]!).xml, xml), []);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// 2. A third-party reader of ownership XML.

/**
 * What the toolkit reads. It reads the ownership form (D/I) of a transaction from
 * postTransactionAmounts and a holding's amount and D/I from elements the specification does not
 * have (`sharesOwned`, a holding's own `directOrIndirectOwnership`), so it gives nothing for them
 * on the filers' XML either (checked below): those are left out of the comparison.
 */
function toolkitView(xml: string) {
  // The toolkit logs each parse on stdout.
  const log = console.log;
  console.log = () => undefined;
  let all;
  try {
    all = new OwnershipFormParser(xml).parseAll();
  } finally {
    console.log = log;
  }
  const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
  return {
    issuer: { name: all.issuerInfo.name || null, tradingSymbol: all.issuerInfo.tradingSymbol || null },
    owners: (all.reportingOwners ?? []).map((o) => o.name || null),
    transactions: all.nonDerivativeTransactions.map((t) => ({
      title: t.securityTitle,
      date: day(t.transactionDate),
      code: t.code ?? null,
      shares: t.shares,
      price: t.pricePerShare,
      ad: t.acquiredDisposedCode || null,
      owned: t.sharesOwnedFollowingTransaction ?? null,
    })),
    holdings: all.nonDerivativeHoldings.map((h) => ({ title: h.securityTitle })),
    derivative: all.derivativeTransactions.map((t) => ({
      title: t.securityTitle,
      date: day(t.transactionDate),
      shares: t.shares,
      conversion: t.conversionOrExercisePrice,
      expiration: day(t.expirationDate),
      underlying: t.underlyingSecurity?.title ?? null,
    })),
    footnotes: all.footnotes ?? {},
  };
}

function recordView(rec: FilingRecord) {
  // The toolkit reads an absent number as 0 and an absent text as "".
  const n = (x: number | null) => x ?? 0;
  const nd = rec.nonDerivative;
  return {
    issuer: rec.issuer,
    owners: rec.reportingOwners.map((o) => o.name),
    transactions: nd.filter((r) => r.kind === 'transaction').map((r) => ({
      title: r.securityTitle ?? '',
      date: r.transactionDate,
      code: r.transactionCode,
      shares: n(r.shares),
      price: n(r.pricePerShare),
      ad: r.acquiredDisposed,
      owned: r.sharesOwnedFollowing,
    })),
    holdings: nd.filter((r) => r.kind === 'holding').map((r) => ({ title: r.securityTitle ?? '' })),
    derivative: rec.derivative.filter((r) => r.kind === 'transaction').map((r) => ({
      title: r.securityTitle ?? '',
      date: r.transactionDate,
      shares: n(r.shares),
      conversion: n(r.conversionOrExercisePrice),
      expiration: r.expirationDate,
      underlying: r.underlyingSecurityTitle,
    })),
    footnotes: Object.fromEntries(rec.footnotes.map((f) => [`F${f.id}`, f.text])),
  };
}

describe('sec-edgar-toolkit reads the XML as normalize reads the text', () => {
  test('what the toolkit does not read, it does not read from the filers\' XML either', () => {
    const all = (() => {
      const log = console.log;
      console.log = () => undefined;
      try {
        return new OwnershipFormParser(filerXml('form4.snow')).parseAll();
      } finally {
        console.log = log;
      }
    })();
    assert.ok(all.nonDerivativeHoldings.length > 0 && all.nonDerivativeTransactions.length > 0);
    assert.ok(all.nonDerivativeHoldings.every((h) => h.sharesOwned === 0 && h.directOrIndirectOwnership === ''));
    assert.ok(all.nonDerivativeTransactions.every((t) => !t.directOrIndirectOwnership));
  });

  const pages = [
    ...['form4.Evans', '374WaterForm4', 'form3.snow', 'form5.snow', 'form3.BAMPartners'].map((s) => path.join(EDGAR, `${s}.html`)),
    ...readdirSync(path.join(ROOT, 'fixtures', 'rendered')).filter((f) => f.endsWith('.html')).map((f) => path.join(ROOT, 'fixtures', 'rendered', f)),
    ...readdirSync(path.join(ROOT, 'fixtures', 'real')).filter((f) => f.endsWith('.lynx.txt')).map((f) => path.join(ROOT, 'fixtures', 'real', f)),
  ];
  for (const file of pages) {
    test(path.relative(ROOT, file), () => {
      for (const f of filings(readFileSync(file, 'utf8'))) {
        assert.deepStrictEqual(toolkitView(ownershipXml(f).xml), recordView(f.record));
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// 3. Generated filings.

/** What the XML cannot carry: whether the joint-filing line is checked (EDGAR counts the owners). */
function comparable(rec: FilingRecord): FilingRecord {
  return { ...rec, jointFiling: null };
}

describe('generated filings: well-formed, in order, xml → record equals normalize', () => {
  for (const formType of FORM_TYPES) {
    test(`Form ${formType} in every layout, at noise 0, 1 and 2`, () => {
      let n = 0;
      for (const noise of [0, 1, 2] as const) for (const layout of LAYOUTS) {
        for (let k = 0; k < (noise === 0 ? 6 : 3); k++) {
          const c = generateCase(`xml-${formType}-${layout}-${noise}-${k}`, { layout, formType, noise });
          const got = filings(c.text);
          assert.equal(got.length, 1, `${c.seed}: one filing`);
          const f = got[0]!;
          const { xml } = ownershipXml(f);
          const root = parseXml(xml);
          assert.deepStrictEqual(orderProblems(root), [], `${c.seed}: element order`);
          const back = xmlToRecord(xml);
          assert.deepStrictEqual(comparable(back), comparable(f.record), `${c.seed}: xml → record`);
          // The 10b5-1 box is printed on Forms 4 and 5 from April 2023; the generator checks it when a footnote gives the plan.
          if (noise === 0) {
            const printed = !formType.startsWith('3') && (c.truth.periodOfReport ?? '') >= '2023-04-01';
            const aff = flatten(xml).get('/aff10b5One');
            assert.equal(aff, printed ? String(c.truth.footnotes.some((x) => /10b5-1/.test(x.text))) : undefined, `${c.seed}: aff10b5One`);
          }
          n++;
        }
      }
      assert.equal(n, LAYOUTS.length * 12);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The writer's own rules.

const FORM4 = readFileSync(path.join(ROOT, 'fixtures', 'real', '374WaterForm4.w3m.txt'), 'utf8');

describe('the writer', () => {
  test('values as the specification types them', () => {
    assert.equal(decimal(1234567.5), '1234567.5');
    assert.equal(decimal(0.0000001), '0.0000001');
    assert.equal(decimal(-1), null);
    assert.equal(escapeXml(`A & B <"C">`), 'A &amp; B &lt;&quot;C&quot;&gt;');
  });

  test('an unnamespaced root, no stylesheet, no schemaVersion, no derived elements', () => {
    const { xml } = ownershipXml(filings(FORM4)[0]!);
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<ownershipDocument>\n/);
    assert.doesNotMatch(xml, /xmlns|xml-stylesheet|schemaVersion|noSecuritiesOwned|form3HoldingsReported|form4TransactionsReported/);
    assert.doesNotMatch(xml, /\d,\d{3}|\$/);
  });

  test('dateOfOriginalSubmission only on amendments', () => {
    const original = ownershipXml(filings(FORM4)[0]!).xml;
    assert.doesNotMatch(original, /dateOfOriginalSubmission/);
    const c = generateCase('xml-amendment', { formType: '4/A', layout: 'tabbed' });
    const f = filings(c.text)[0]!;
    assert.equal(f.record.formType, '4/A');
    const amended = ownershipXml(f).xml;
    assert.match(amended, /<documentType>4\/A<\/documentType>/);
    if (c.truth.dateOfOriginalSubmission) assert.match(amended, new RegExp(`<dateOfOriginalSubmission>${c.truth.dateOfOriginalSubmission}</dateOfOriginalSubmission>`));
  });

  test('CIKs from the map by trading symbol or name; absent otherwise', () => {
    const f = filings(FORM4)[0]!;
    const none = ownershipXml(f);
    assert.equal(none.issuerCik, null);
    assert.doesNotMatch(none.xml, /Cik>/);
    const { map, problems } = parseCikMap({ scwo: 1000001, 'melkote, rajesh ramaswamy': '2000002', bad: 'x12' });
    assert.deepStrictEqual(problems, ['"bad": a CIK is 1 to 10 digits, got "x12"']);
    const withMap = ownershipXml(f, { cikMap: map });
    assert.match(withMap.xml, /<issuerCik>0001000001<\/issuerCik>/);
    assert.match(withMap.xml, /<rptOwnerCik>0002000002<\/rptOwnerCik>/);
    assert.equal(lookupCik(map, 'Unknown Corp'), null);
    assert.deepStrictEqual(parseCikMap([1, 2]).problems.length, 1);
  });

  test('a V marked on a Form 4 is transactionFormType 5, a K is equitySwapInvolved', () => {
    for (let k = 0; k < 40; k++) {
      const c = generateCase(`xml-v-${k}`, { formType: '4', layout: 'tabbed', requireRows: true });
      const f = filings(c.text)[0]!;
      const flat = flatten(ownershipXml(f).xml);
      f.record.nonDerivative.forEach((r, i) => {
        if (r.kind !== 'transaction' || r.reportedEarly === null) return;
        assert.equal(flat.get(`/nonDerivativeTable/nonDerivative[${i}]/transactionCoding/transactionFormType`), r.reportedEarly ? '5' : '4');
        if (r.equitySwapInvolved !== null) assert.equal(flat.get(`/nonDerivativeTable/nonDerivative[${i}]/transactionCoding/equitySwapInvolved`), String(r.equitySwapInvolved));
      });
    }
  });
});
