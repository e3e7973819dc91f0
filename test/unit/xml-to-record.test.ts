import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { decodeEntities, parseXml, textContent, xmlToRecord, XmlError } from '../tools/xml-to-record';

const EDGAR = join(__dirname, '..', '..', '..', 'shared', 'real', 'edgar');
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'real');
const read = (name: string): string => readFileSync(join(EDGAR, name), 'utf8');

const RECORD_KEYS = [
  'formType', 'issuer', 'reportingOwners', 'periodOfReport', 'dateOfOriginalSubmission', 'notSubjectToSection16',
  'jointFiling', 'nonDerivative', 'derivative', 'footnotes', 'signatures', 'remarks',
];
const OWNER_KEYS = [
  'name', 'street1', 'street2', 'city', 'state', 'zip', 'isDirector', 'isOfficer', 'isTenPercentOwner', 'isOther',
  'officerTitle', 'otherText',
];
const ND_KEYS = [
  'kind', 'securityTitle', 'transactionDate', 'deemedExecutionDate', 'transactionCode', 'equitySwapInvolved', 'reportedEarly', 'shares',
  'acquiredDisposed', 'pricePerShare', 'sharesOwnedFollowing', 'directOrIndirect', 'natureOfOwnership', 'footnoteIds',
];
const D_KEYS = [
  'kind', 'securityTitle', 'conversionOrExercisePrice', 'transactionDate', 'deemedExecutionDate', 'transactionCode',
  'equitySwapInvolved', 'reportedEarly', 'shares', 'acquiredDisposed', 'dateExercisable', 'expirationDate', 'underlyingSecurityTitle',
  'underlyingShares', 'pricePerShare', 'sharesOwnedFollowing', 'directOrIndirect', 'natureOfOwnership', 'footnoteIds',
];

describe('XML reader', () => {
  test('elements, attributes, text, self-closing tags', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c --><a x="1" y=\'two\'><b>t</b><c id="F1"/>tail</a>');
    assert.equal(root.name, 'a');
    assert.deepEqual(root.attrs, { x: '1', y: 'two' });
    assert.equal(root.children.length, 3);
    assert.equal(textContent(root), 'ttail');
  });

  test('entities', () => {
    assert.equal(decodeEntities('&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&nbsp;'), '&<>"\'AB&nbsp;');
    const root = parseXml('<a t="&quot;q&quot;">R&amp;D &#169;</a>');
    assert.equal(root.attrs['t'], '"q"');
    assert.equal(textContent(root), 'R&D ©');
  });

  test('CDATA is literal', () => {
    assert.equal(textContent(parseXml('<a><![CDATA[<b>&amp;</b>]]></a>')), '<b>&amp;</b>');
  });

  test('malformed documents throw', () => {
    assert.throws(() => parseXml('<a><b></a>'), XmlError);
    assert.throws(() => parseXml('<a>'), XmlError);
    assert.throws(() => parseXml('<a></a><b></b>'), XmlError);
    assert.throws(() => parseXml('<a x=1></a>'), XmlError);
  });
});

describe('xmlToRecord on the real EDGAR XML', () => {
  const files = readdirSync(EDGAR).filter((f) => f.endsWith('.xml'));

  test('every XML converts, with the schema property order', () => {
    assert.ok(files.length >= 10);
    for (const f of files) {
      const r = xmlToRecord(read(f));
      assert.deepEqual(Object.keys(r), RECORD_KEYS, f);
      assert.deepEqual(Object.keys(r.issuer), ['name', 'tradingSymbol'], f);
      for (const o of r.reportingOwners) assert.deepEqual(Object.keys(o), OWNER_KEYS, f);
      for (const row of r.nonDerivative) assert.deepEqual(Object.keys(row), ND_KEYS, f);
      for (const row of r.derivative) assert.deepEqual(Object.keys(row), D_KEYS, f);
      for (const fn of r.footnotes) assert.match(fn.id, /^\d+$/, f);
      assert.ok(r.formType !== null, f);
    }
  });

  test('374Water Form 4: officer with omitted false flags, footnote-only exercise date', () => {
    const r = xmlToRecord(read('374WaterForm4.xml'));
    assert.equal(r.formType, '4');
    assert.deepEqual(r.issuer, { name: '374Water Inc.', tradingSymbol: 'SCWO' });
    assert.equal(r.notSubjectToSection16, null, 'absent in the XML');
    assert.equal(xmlToRecord(read('374WaterForm4.xml'), { rendered: true }).notSubjectToSection16, false);
    const o = r.reportingOwners[0]!;
    assert.equal(o.street2, '100 SOUTHCENTER COURT, SUITE 200');
    assert.deepEqual([o.isDirector, o.isOfficer, o.isTenPercentOwner, o.isOther], [false, true, false, false]);
    assert.equal(o.officerTitle, 'Chief Technology Officer');
    assert.equal(o.otherText, null);
    assert.equal(r.jointFiling, false);
    const nd = r.nonDerivative[0]!;
    assert.equal(nd.kind, 'transaction');
    assert.equal(nd.transactionCode, 'A');
    assert.equal(nd.equitySwapInvolved, false);
    assert.equal(nd.shares, 757756);
    assert.equal(nd.pricePerShare, 0);
    assert.deepEqual(nd.footnoteIds, ['1']);
    const d = r.derivative[0]!;
    assert.equal(d.conversionOrExercisePrice, 0.33);
    assert.equal(d.dateExercisable, null);
    assert.equal(d.expirationDate, '2035-04-29');
    assert.equal(d.underlyingShares, 757576);
    assert.equal(d.sharesOwnedFollowing, 757756);
    assert.deepEqual(d.footnoteIds, ['1']);
    assert.deepEqual(r.signatures, [{ name: 'Rajesh Melkote', date: '2025-05-02' }]);
    assert.equal(r.remarks, null);
  });

  test('Snowflake Form 3: holdings, footnote-only price and dates, entities in footnotes', () => {
    const r = xmlToRecord(read('form3.snow.xml'), { rendered: true });
    assert.equal(r.formType, '3');
    assert.equal(r.notSubjectToSection16, null, 'Form 3 has no such box');
    assert.equal(r.nonDerivative.length, 0);
    assert.equal(r.derivative.length, 6);
    const d0 = r.derivative[0]!;
    assert.equal(d0.kind, 'holding');
    assert.equal(d0.conversionOrExercisePrice, null);
    assert.equal(d0.dateExercisable, null);
    assert.equal(d0.expirationDate, null);
    assert.equal(d0.transactionCode, null);
    assert.equal(d0.equitySwapInvolved, null);
    assert.equal(d0.underlyingShares, 134018);
    assert.equal(d0.sharesOwnedFollowing, null);
    assert.equal(d0.natureOfOwnership, 'Limited Partnership');
    assert.deepEqual(d0.footnoteIds, ['1', '2', '3', '4']);
    assert.deepEqual(r.derivative[5]!.footnoteIds, ['2', '3', '5', '9']);
    assert.equal(r.derivative[1]!.conversionOrExercisePrice, 3.74);
    assert.match(r.footnotes[1]!.text, /certain "Permitted Transfers" described/);
    assert.doesNotMatch(r.footnotes[1]!.text, / {2}/);
    assert.equal(r.remarks, 'Exhibit 24 - Power of Attorney');
    assert.equal(r.signatures[0]!.name, 'Travis Shrout, Attorney-in-Fact');
  });

  test('Snowflake Form 5: 0/1 booleans, coding footnote, wrapped footnote text, holdings', () => {
    const r = xmlToRecord(read('form5.snow.xml'));
    assert.equal(r.formType, '5');
    assert.equal(r.notSubjectToSection16, false);
    const [g, h1, h2] = r.nonDerivative;
    assert.equal(g!.transactionCode, 'G');
    assert.equal(g!.equitySwapInvolved, false);
    assert.equal(g!.acquiredDisposed, 'D');
    assert.deepEqual(g!.footnoteIds, ['1', '2']);
    assert.equal(h1!.kind, 'holding');
    assert.equal(h1!.transactionDate, null);
    assert.equal(h1!.equitySwapInvolved, null);
    assert.equal(h1!.sharesOwnedFollowing, 151188);
    assert.equal(h2!.natureOfOwnership, 'Trust');
    assert.equal(
      r.footnotes[1]!.text,
      'Includes shares to be issued in connection with the vesting of one or more restricted stock units.',
    );
    assert.equal(r.remarks, null);
    assert.equal(r.reportingOwners[0]!.officerTitle, null);
  });

  test('joint filings and a missing relationship element', () => {
    const b = xmlToRecord(read('form3.snow.nonderiv.xml'));
    assert.equal(b.jointFiling, true);
    assert.equal(b.reportingOwners.length, 2);
    assert.doesNotMatch(b.signatures.map((s) => s.name).join('|'), /\n/);

    const bam = xmlToRecord(read('form3.BAMPartners.fromhtml.xml'));
    assert.equal(bam.reportingOwners.length, 10);
    assert.equal(bam.jointFiling, true);
    assert.equal(bam.reportingOwners[0]!.isTenPercentOwner, true);
    assert.equal(bam.reportingOwners[1]!.isTenPercentOwner, null, 'no relationship element: unknown');
    assert.equal(bam.reportingOwners[0]!.state, 'A6');
    assert.equal(bam.nonDerivative[0]!.sharesOwnedFollowing, 101158891);
    assert.deepEqual(bam.nonDerivative[0]!.footnoteIds, ['1', '2', '3']);
    assert.equal(bam.signatures[0]!.name, 'See Signatures Included in Exhibit 99.2');
    assert.match(bam.remarks ?? '', /\(the "Merger Agreement"\)/);
  });

  test('Evans transcription: /s/ without a space, fractional holdings, empty remarks', () => {
    const r = xmlToRecord(read('form4.Evans.fromhtml.xml'));
    assert.equal(r.signatures[0]!.name, 'Jessica L. Brosius, Attorney in Fact for Nora B. Sullivan');
    assert.equal(r.nonDerivative[0]!.sharesOwnedFollowing, 5381.2);
    assert.equal(r.nonDerivative[0]!.pricePerShare, 39.52);
    assert.equal(r.reportingOwners[0]!.street2, null);
    assert.equal(r.remarks, null);
  });

  test('empty containers and elements: no rows, nulls', () => {
    const r = xmlToRecord(read('form3.nosecurities.xml'));
    assert.deepEqual(r.nonDerivative, []);
    assert.deepEqual(r.derivative, []);
    assert.deepEqual(r.footnotes, []);
    const v = xmlToRecord(read('VertexForm4.derivative-only.xml'));
    assert.equal(v.derivative.length, 1);
    assert.equal(v.derivative[0]!.deemedExecutionDate, null);
    assert.equal(v.derivative[0]!.shares, 196.356);
  });

  test('X0609 document with new fields converts', () => {
    const r = xmlToRecord(read('candlechaser.form4.MVIS.xml'));
    assert.equal(r.issuer.tradingSymbol, 'MVIS');
    assert.equal(r.reportingOwners[0]!.officerTitle, 'GC');
    assert.ok(r.nonDerivative.length > 0);
  });

  test('transactionTotalValue and underlyingSecurityValue stand in for share counts', () => {
    const xml = `<ownershipDocument><documentType>4</documentType><derivativeTable><derivativeTransaction>
      <securityTitle><value>Note</value></securityTitle>
      <transactionAmounts><transactionTotalValue><value>1,000</value></transactionTotalValue>
        <transactionAcquiredDisposedCode><value>A</value></transactionAcquiredDisposedCode></transactionAmounts>
      <underlyingSecurity><underlyingSecurityTitle><value>Common</value></underlyingSecurityTitle>
        <underlyingSecurityValue><value>250.5</value><footnoteId id="F12"/></underlyingSecurityValue></underlyingSecurity>
      <ownershipNature><directOrIndirectOwnership><value>D</value><footnoteId id="F2"/><footnoteId id="F12"/></directOrIndirectOwnership></ownershipNature>
    </derivativeTransaction></derivativeTable></ownershipDocument>`;
    const d = xmlToRecord(xml).derivative[0]!;
    assert.equal(d.shares, 1000);
    assert.equal(d.underlyingShares, 250.5);
    assert.deepEqual(d.footnoteIds, ['2', '12'], 'numeric order, deduplicated');
  });

  test('committed truth records match the converter', () => {
    const truth: Record<string, string> = {
      '374WaterForm4': '374WaterForm4.xml',
      'form3.snow': 'form3.snow.xml',
      'form5.snow': 'form5.snow.xml',
      'form4.Evans': 'form4.Evans.fromhtml.xml',
      'form3.BAMPartners': 'form3.BAMPartners.fromhtml.xml',
    };
    for (const [stem, xml] of Object.entries(truth)) {
      const committed = readFileSync(join(FIXTURES, `${stem}.expected.json`), 'utf8');
      assert.equal(committed, JSON.stringify(xmlToRecord(read(xml), { rendered: true }), null, 2) + '\n', stem);
    }
  });
});

/** Resolves a JSON pointer ("/derivative/0/acquiredDisposed"); undefined when it does not exist. */
function resolve(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

describe('fixtures/real integrity', () => {
  const files = readdirSync(FIXTURES);
  const texts = files.filter((f) => f.endsWith('.txt') && f !== 'TOOLS.txt');

  test('every conversion has a lost list whose pointers name non-null values of its truth', () => {
    assert.ok(texts.length >= 35);
    for (const t of texts) {
      const base = t.replace(/\.txt$/, '');
      const stemName = base.slice(0, base.lastIndexOf('.'));
      const lostFile = join(FIXTURES, `${base}.lost.json`);
      assert.ok(existsSync(lostFile), `${base}.lost.json missing`);
      const lost: unknown = JSON.parse(readFileSync(lostFile, 'utf8'));
      const multi = existsSync(join(FIXTURES, `${stemName}.expected.jsonl`));
      const truths: unknown[] = multi
        ? readFileSync(join(FIXTURES, `${stemName}.expected.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
        : [JSON.parse(readFileSync(join(FIXTURES, `${stemName}.expected.json`), 'utf8'))];
      const perFiling = (multi ? lost : [lost]) as string[][];
      assert.equal(perFiling.length, truths.length, t);
      perFiling.forEach((pointers, i) => {
        assert.deepEqual([...pointers].sort(), [...new Set(pointers)].sort(), `${t}: duplicates`);
        for (const p of pointers) {
          const v = resolve(truths[i], p);
          assert.ok(v !== undefined && v !== null, `${t} filing ${i}: ${p} is not a value of the truth`);
        }
      });
    }
  });

  test('multi-filing documents are their parts back to back, truths in the same order', () => {
    const parts: Record<string, { tools: string[]; stems: string[] }> = {
      multi: { tools: ['w3m'], stems: ['374WaterForm4', 'form3.snow', 'form5.snow'] },
      multi5: {
        tools: ['lynx', 'html2text'],
        stems: ['form4.Evans', '374WaterForm4', 'form3.BAMPartners', 'form5.snow', 'form3.snow'],
      },
    };
    for (const [name, { tools, stems }] of Object.entries(parts)) {
      for (const tool of tools) {
        const whole = readFileSync(join(FIXTURES, `${name}.${tool}.txt`), 'utf8');
        const joined = stems.map((s) => readFileSync(join(FIXTURES, `${s}.${tool}.txt`), 'utf8')).join('');
        assert.equal(whole, joined, `${name}.${tool}.txt`);
      }
      const lines = readFileSync(join(FIXTURES, `${name}.expected.jsonl`), 'utf8').trim().split('\n');
      assert.deepEqual(
        lines.map((l) => JSON.parse(l)),
        stems.map((s) => JSON.parse(readFileSync(join(FIXTURES, `${s}.expected.json`), 'utf8'))),
        name,
      );
    }
  });
});
