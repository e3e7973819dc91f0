import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FilingRecord } from '../../server/src/analysis/types';
import {
  FORM_TYPES, LAYOUTS, Rng, generateCase, generateCorpus, generateDocument, propertyCases, randomFiling, render,
} from '../gen/index';
import { amount, mdy, priceDigits } from '../gen/format';

// ---------------------------------------------------------------------------------------------
// A tiny structural validator for ../shared/schema/filing.schema.json (required keys and types).
// ---------------------------------------------------------------------------------------------

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object';
type Shape = Record<string, { types: (Kind | 'null')[]; enum?: readonly (string | null)[] }>;

const S = (...types: (Kind | 'null')[]) => ({ types });
const E = (...values: (string | null)[]) => ({ types: [] as (Kind | 'null')[], enum: values });

const TOP: Shape = {
  formType: E('3', '4', '5', '3/A', '4/A', '5/A', null),
  issuer: S('object'),
  reportingOwners: S('array'),
  periodOfReport: S('string', 'null'),
  dateOfOriginalSubmission: S('string', 'null'),
  notSubjectToSection16: S('boolean', 'null'),
  jointFiling: S('boolean', 'null'),
  nonDerivative: S('array'),
  derivative: S('array'),
  footnotes: S('array'),
  signatures: S('array'),
  remarks: S('string', 'null'),
};
const ISSUER: Shape = { name: S('string', 'null'), tradingSymbol: S('string', 'null') };
const OWNER: Shape = {
  name: S('string', 'null'), street1: S('string', 'null'), street2: S('string', 'null'), city: S('string', 'null'),
  state: S('string', 'null'), zip: S('string', 'null'), isDirector: S('boolean', 'null'), isOfficer: S('boolean', 'null'),
  isTenPercentOwner: S('boolean', 'null'), isOther: S('boolean', 'null'), officerTitle: S('string', 'null'), otherText: S('string', 'null'),
};
const ROW_COMMON: Shape = {
  kind: E('transaction', 'holding'),
  securityTitle: S('string', 'null'), transactionDate: S('string', 'null'), deemedExecutionDate: S('string', 'null'),
  transactionCode: S('string', 'null'), equitySwapInvolved: S('boolean', 'null'), reportedEarly: S('boolean', 'null'), shares: S('number', 'null'),
  acquiredDisposed: E('A', 'D', null), pricePerShare: S('number', 'null'), sharesOwnedFollowing: S('number', 'null'),
  directOrIndirect: E('D', 'I', null), natureOfOwnership: S('string', 'null'), footnoteIds: S('array'),
};
const ND: Shape = ROW_COMMON;
const DV: Shape = {
  ...ROW_COMMON, conversionOrExercisePrice: S('number', 'null'), dateExercisable: S('string', 'null'),
  expirationDate: S('string', 'null'), underlyingSecurityTitle: S('string', 'null'), underlyingShares: S('number', 'null'),
};
const FOOTNOTE: Shape = { id: S('string'), text: S('string') };
const SIGNATURE: Shape = { name: S('string', 'null'), date: S('string', 'null') };

function kindOf(v: unknown): Kind | 'null' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as Kind;
}

function checkShape(v: unknown, shape: Shape, path: string, errors: string[]): void {
  if (kindOf(v) !== 'object') {
    errors.push(`${path}: not an object`);
    return;
  }
  const o = v as Record<string, unknown>;
  for (const [key, rule] of Object.entries(shape)) {
    if (!(key in o)) {
      errors.push(`${path}/${key}: missing`);
      continue;
    }
    const val = o[key];
    if (rule.enum) {
      if (!rule.enum.includes(val as string | null)) errors.push(`${path}/${key}: ${JSON.stringify(val)} not in enum`);
    } else if (!rule.types.includes(kindOf(val))) {
      errors.push(`${path}/${key}: ${kindOf(val)} is not ${rule.types.join('|')}`);
    }
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function validateRecord(rec: FilingRecord): string[] {
  const errors: string[] = [];
  checkShape(rec, TOP, '', errors);
  checkShape(rec.issuer, ISSUER, '/issuer', errors);
  rec.reportingOwners.forEach((o, i) => checkShape(o, OWNER, `/reportingOwners/${i}`, errors));
  rec.nonDerivative.forEach((r, i) => checkShape(r, ND, `/nonDerivative/${i}`, errors));
  rec.derivative.forEach((r, i) => checkShape(r, DV, `/derivative/${i}`, errors));
  rec.footnotes.forEach((f, i) => checkShape(f, FOOTNOTE, `/footnotes/${i}`, errors));
  rec.signatures.forEach((s, i) => checkShape(s, SIGNATURE, `/signatures/${i}`, errors));
  // Value formats the schema states in prose: ISO dates, plain numbers, footnote ids as strings.
  const walk = (v: unknown, p: string): void => {
    if (typeof v === 'string' && /(Date|periodOfReport|dateOf|\/date)$/.test(p) && !ISO.test(v)) errors.push(`${p}: not ISO`);
    if (typeof v === 'number' && (!Number.isFinite(v) || v < 0)) errors.push(`${p}: bad number`);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}/${i}`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${p}/${k}`);
  };
  walk(rec, '');
  return errors;
}

test('the validator covers the schema\'s required keys', () => {
  // ../shared beside the checkout, as the seeds are found.
  const path = resolve(__dirname, '..', '..', '..', 'shared', 'schema', 'filing.schema.json');
  assert.ok(existsSync(path), `the shared schema is missing: ${path}`);
  const schema = JSON.parse(readFileSync(path, 'utf8')) as {
    required: string[];
    properties: { issuer: { required: string[] }; reportingOwners: { items: { required: string[] } }; footnotes: { items: { required: string[] } }; signatures: { items: { required: string[] } } };
    $defs: { nonDerivativeRow: { required: string[] }; derivativeRow: { required: string[] } };
  };
  const has = (shape: Shape, keys: string[]): void => { for (const k of keys) assert.ok(k in shape, `validator lacks ${k}`); };
  has(TOP, schema.required);
  has(ISSUER, schema.properties.issuer.required);
  has(OWNER, schema.properties.reportingOwners.items.required);
  has(FOOTNOTE, schema.properties.footnotes.items.required);
  has(SIGNATURE, schema.properties.signatures.items.required);
  has(ND, schema.$defs.nonDerivativeRow.required);
  has(DV, schema.$defs.derivativeRow.required);
});

// ---------------------------------------------------------------------------------------------

test('same seed, same text and truth; different seeds differ', () => {
  for (const layout of LAYOUTS) {
    for (const noise of [0, 3] as const) {
      const a = generateCase(`det-${layout}`, { layout, noise });
      const b = generateCase(`det-${layout}`, { layout, noise });
      assert.equal(a.text, b.text, layout);
      assert.deepEqual(a.truth, b.truth);
      assert.deepEqual(a.lost, b.lost);
    }
  }
  assert.notEqual(generateCase(1).text, generateCase(2).text);
  const d1 = generateDocument(9, 3, { noise: 2 });
  const d2 = generateDocument(9, 3, { noise: 2 });
  assert.equal(d1.text, d2.text);
});

test('every layout renders every form type with the form\'s own boxes and tables', () => {
  for (const layout of LAYOUTS) {
    for (const formType of FORM_TYPES) {
      const c = generateCase(`forms-${layout}-${formType}`, { layout, formType });
      const base = formType.charAt(0);
      // Labels may wrap inside their box or column: compare with borders and line breaks flattened.
      const text = c.text.replace(/[│┌┐└┘├┤┬┴┼─━|]/g, ' ').replace(/\\\*/g, '*').replace(/\s+/g, ' ');
      assert.match(text, new RegExp(`FORM ${base}`), `${layout} ${formType}: title`);
      assert.match(text, /OMB Number/);
      assert.match(text, base === '3' ? /INITIAL STATEMENT OF BENEFICIAL OWNERSHIP/ : base === '4' ? /(?<!ANNUAL )STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP/ : /ANNUAL STATEMENT OF CHANGES/);
      assert.match(text, base === '3' ? /Table I - Non-Derivative Securities Beneficially Owned/ : /Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned/);
      assert.match(text, /Table II - Derivative Securities/);
      assert.match(text, base === '3' ? /Date of Event/ : base === '4' ? /Earliest Transaction/ : /Fiscal Year/);
      assert.match(text, /Relationship of Reporting Person\(s\) to/);
      assert.match(text, /Explanation of Responses/);
      assert.match(text, /Signature of Reporting Person/);
      if (base === '3') assert.doesNotMatch(text, /Check this box if no longer/);
      else assert.match(text, /Check this box if no longer/);
      if (base === '4') assert.match(text, /Code V\b/, `${layout}: V sub-column`);
      assert.equal(c.truth.formType, formType);
    }
  }
});

test('truth records are schema-shaped and internally consistent', () => {
  for (let i = 0; i < 400; i++) {
    const rec = randomFiling(new Rng(`truth-${i}`));
    assert.deepEqual(validateRecord(rec), [], `seed truth-${i}`);
    const base = rec.formType!.charAt(0);
    assert.equal(rec.jointFiling, rec.reportingOwners.length > 1);
    assert.equal(rec.dateOfOriginalSubmission !== null, rec.formType!.endsWith('/A'));
    assert.equal(rec.notSubjectToSection16 === null, base === '3');
    for (const o of rec.reportingOwners) {
      assert.ok(o.isDirector || o.isOfficer || o.isTenPercentOwner || o.isOther, 'some relationship');
      assert.equal(o.officerTitle !== null, o.isOfficer === true);
      assert.equal(o.otherText !== null, o.isOther === true);
    }
    // Footnotes: ids 1..n, every one referenced, every reference defined, row ids sorted and unique.
    const defined = rec.footnotes.map((f) => f.id);
    assert.deepEqual(defined, defined.map((_x, k) => String(k + 1)));
    const used = new Set<string>();
    for (const r of [...rec.nonDerivative, ...rec.derivative]) {
      const ids = r.footnoteIds;
      assert.deepEqual(ids, [...new Set(ids)].sort((a, b) => +a - +b));
      for (const id of ids) {
        assert.ok(defined.includes(id), `ref ${id} defined`);
        used.add(id);
      }
      if (r.directOrIndirect === 'I') assert.ok(r.natureOfOwnership, 'indirect has nature');
      if (r.directOrIndirect === 'D') assert.equal(r.natureOfOwnership, null);
    }
    assert.equal(used.size, defined.length, 'every footnote referenced');
    // Form 3 rows are holdings; Form 4 period is the earliest transaction date.
    if (base === '3') {
      assert.ok([...rec.nonDerivative, ...rec.derivative].every((r) => r.kind === 'holding'));
      assert.ok(rec.derivative.every((r) => r.sharesOwnedFollowing === null && r.underlyingShares !== null));
    }
    const txDates = [...rec.nonDerivative, ...rec.derivative].filter((r) => r.kind === 'transaction').map((r) => r.transactionDate!).sort();
    if (base === '4' && txDates.length) assert.equal(rec.periodOfReport, txDates[0]);
    if (base === '5') assert.ok(txDates.every((d) => d <= rec.periodOfReport!));
    for (const s of rec.signatures) assert.ok(s.date! >= (txDates[txDates.length - 1] ?? rec.periodOfReport!));
    // Rows: A/D agrees with the code; transactions fill their columns, holdings do not.
    for (const r of rec.nonDerivative) {
      if (r.kind === 'holding') {
        assert.equal(r.transactionCode, null);
        assert.equal(r.shares, null);
        assert.notEqual(r.sharesOwnedFollowing, null);
        continue;
      }
      const code = r.transactionCode!;
      if ('PLMXOCA'.includes(code)) assert.equal(r.acquiredDisposed, 'A', `code ${code}`);
      if ('SFDU'.includes(code)) assert.equal(r.acquiredDisposed, 'D', `code ${code}`);
      if ('AGW'.includes(code) && r.pricePerShare !== null && code !== 'A') assert.equal(r.pricePerShare, 0);
      assert.equal(r.equitySwapInvolved, code === 'K', 'a swap only with code K');
      assert.equal(r.reportedEarly === null, base === '5', 'only Form 4 has the V column');
      if (r.pricePerShare === null) assert.ok(r.footnoteIds.length > 0, 'missing price is footnoted');
    }
    for (const r of rec.derivative) {
      if (r.kind === 'transaction' && 'MXOCEH'.includes(r.transactionCode!)) assert.equal(r.acquiredDisposed, 'D');
      if (r.dateExercisable === null || r.conversionOrExercisePrice === null) assert.ok(r.footnoteIds.length > 0, 'footnote-only cells have a footnote');
      if (r.dateExercisable && r.expirationDate) assert.ok(r.dateExercisable <= r.expirationDate);
    }
    // Running balances: each transaction line = previous line of the same title and ownership ± shares.
    const bal = new Map<string, number>();
    for (const r of rec.nonDerivative.filter((x) => x.kind === 'transaction')) {
      const key = `${r.securityTitle}|${r.directOrIndirect}|${r.natureOfOwnership}`;
      const prev = bal.get(key);
      if (prev !== undefined) {
        const expect = Math.round((r.acquiredDisposed === 'A' ? prev + r.shares! : prev - r.shares!) * 10000) / 10000;
        assert.equal(r.sharesOwnedFollowing, expect, `balance of ${key}`);
      }
      bal.set(key, r.sharesOwnedFollowing!);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Renders contain every non-null value's printed form.
// ---------------------------------------------------------------------------------------------

/** For each non-null value: pointer and the alternatives one of which must appear (words: all must). */
function printedForms(rec: FilingRecord): { pointer: string; words?: string[]; anyOf?: string[] }[] {
  const out: { pointer: string; words?: string[]; anyOf?: string[] }[] = [];
  const text = (pointer: string, s: string | null): void => {
    if (s !== null) out.push({ pointer, words: s.split(/\s+/).filter(Boolean) });
  };
  const date = (pointer: string, s: string | null): void => {
    if (s !== null) out.push({ pointer, anyOf: [mdy(s)] });
  };
  const num = (pointer: string, n: number | null): void => {
    if (n !== null) out.push({ pointer, anyOf: [amount(n)] });
  };
  const price = (pointer: string, n: number | null): void => {
    if (n !== null) out.push({ pointer, anyOf: [priceDigits(n), priceDigits(n, true)] });
  };
  text('/issuer/name', rec.issuer.name);
  text('/issuer/tradingSymbol', rec.issuer.tradingSymbol);
  rec.reportingOwners.forEach((o, i) => {
    for (const k of ['name', 'street1', 'street2', 'city', 'state', 'zip', 'officerTitle', 'otherText'] as const) text(`/reportingOwners/${i}/${k}`, o[k]);
  });
  date('/periodOfReport', rec.periodOfReport);
  date('/dateOfOriginalSubmission', rec.dateOfOriginalSubmission);
  const row = (p: string, r: FilingRecord['derivative'][number] | FilingRecord['nonDerivative'][number]): void => {
    text(`${p}/securityTitle`, r.securityTitle);
    date(`${p}/transactionDate`, r.transactionDate);
    date(`${p}/deemedExecutionDate`, r.deemedExecutionDate);
    text(`${p}/transactionCode`, r.transactionCode);
    num(`${p}/shares`, r.shares);
    price(`${p}/pricePerShare`, r.pricePerShare);
    num(`${p}/sharesOwnedFollowing`, r.sharesOwnedFollowing);
    text(`${p}/natureOfOwnership`, r.natureOfOwnership);
    if ('underlyingShares' in r) {
      price(`${p}/conversionOrExercisePrice`, r.conversionOrExercisePrice);
      date(`${p}/dateExercisable`, r.dateExercisable);
      date(`${p}/expirationDate`, r.expirationDate);
      text(`${p}/underlyingSecurityTitle`, r.underlyingSecurityTitle);
      num(`${p}/underlyingShares`, r.underlyingShares);
    }
  };
  rec.nonDerivative.forEach((r, i) => row(`/nonDerivative/${i}`, r));
  rec.derivative.forEach((r, i) => row(`/derivative/${i}`, r));
  rec.footnotes.forEach((f, i) => text(`/footnotes/${i}/text`, f.text));
  rec.signatures.forEach((s, i) => {
    text(`/signatures/${i}/name`, s.name);
    date(`/signatures/${i}/date`, s.date);
  });
  text('/remarks', rec.remarks);
  return out;
}

function missingValues(text: string, rec: FilingRecord): string[] {
  const plain = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').replace(/\\([$*_])/g, '$1');
  const words = new Set(plain.split(/[\s|│]+|<br\s*\/?>/).filter(Boolean));
  const missing: string[] = [];
  for (const f of printedForms(rec)) {
    if (f.words) {
      for (const w of f.words) if (!words.has(w) && !plain.includes(w)) missing.push(`${f.pointer}: "${w}"`);
    } else if (!f.anyOf!.some((s) => plain.includes(s))) {
      missing.push(`${f.pointer}: ${f.anyOf!.join(' / ')}`);
    }
  }
  return missing;
}

test('renders contain every non-null truth value, clean and damaged', () => {
  for (const c of generateCorpus(140, 'values', { noise: 'mixed' })) {
    assert.deepEqual(missingValues(c.text, c.truth), [], `${c.seed} ${c.layout} noise ${c.noise}`);
    assert.deepEqual(validateRecord(c.truth), []);
    for (const p of c.lost) {
      const v = p.split('/').slice(1).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], c.truth);
      assert.equal(v, null, `lost ${p} is null in the truth`);
    }
  }
});

test('noise levels: 0 is clean, higher levels damage boilerplate only', () => {
  const clean = generateCase('noise-x', { layout: 'tabbed', noise: 0 });
  assert.doesNotMatch(clean.text, /\r|\uFEFF| +\n/);
  let damaged = 0;
  for (let i = 0; i < 30; i++) {
    const c0 = generateCase(`noise-${i}`, { noise: 0 });
    const c1 = generateCase(`noise-${i}`, { noise: 1 });
    assert.deepEqual(c1.truth, c0.truth, 'level 1 loses no value');
    assert.deepEqual(c1.lost, []);
    if (c1.text !== c0.text) damaged++;
    const c3 = generateCase(`noise-${i}`, { noise: 3 });
    assert.ok(c3.lost.length >= 1, 'level 3 loses values');
  }
  assert.ok(damaged >= 25);
});

test('multi-filing documents carry one truth per filing, in order', () => {
  const doc = generateDocument('multi', 4);
  assert.equal(doc.truths.length, 4);
  const lines = doc.text.split('\n');
  doc.startLines.forEach((l, i) => {
    const head = lines.slice(l, l + 4).join('\n');
    assert.match(head, new RegExp(`FORM ${doc.truths[i]!.formType!.charAt(0)}`), `filing ${i} starts at line ${l}`);
    assert.deepEqual(missingValues(doc.text, doc.truths[i]!), []);
  });
});

test('propertyCases: one truth, two layouts, both complete', () => {
  let n = 0;
  for (const pc of propertyCases(12, 'prop')) {
    n++;
    assert.deepEqual(pc.renderings.map((r) => r.layout), ['fixed-width', 'pipe']);
    for (const r of pc.renderings) assert.deepEqual(missingValues(r.text, pc.truth), [], `${pc.seed} ${r.layout}`);
    assert.notEqual(pc.renderings[0]!.text, pc.renderings[1]!.text);
  }
  assert.equal(n, 12);
  // Same seed, same cases.
  const a = [...propertyCases(3, 'again')].map((c) => c.renderings[1]!.text);
  const b = [...propertyCases(3, 'again')].map((c) => c.renderings[1]!.text);
  assert.deepEqual(a, b);
});

test('render is a pure function of record, layout and rng seed', () => {
  const rec = randomFiling(new Rng('pure'), { formType: '4' });
  for (const layout of LAYOUTS) assert.equal(render(rec, layout, new Rng(5)), render(rec, layout, new Rng(5)));
});

test('noise 3: a row that loses cells keeps its title and a value, or an amount and its ownership form', () => {
  let touched = 0;
  for (const c of generateCorpus(210, 'rows-kept', { noise: 3 })) {
    for (const p of c.lost) {
      const m = /^\/(nonDerivative|derivative)\/(\d+)\//.exec(p);
      if (!m) continue;
      touched++;
      const row = c.truth[m[1] as 'nonDerivative' | 'derivative'][Number(m[2])] as unknown as Record<string, unknown>;
      const values = Object.entries(row).filter(([k, v]) => k !== 'kind' && k !== 'securityTitle' && (typeof v === 'string' || typeof v === 'number'));
      const titled = row.securityTitle !== null && values.length > 0;
      const owned = values.some(([, v]) => typeof v === 'number') && row.directOrIndirect !== null;
      assert.ok(titled || owned, `${c.seed} ${p}: ${JSON.stringify(row)}`);
    }
  }
  assert.ok(touched >= 100, `${touched} row losses`);
});
