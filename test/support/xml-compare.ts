/**
 * Element-by-element comparison of two ownership XML documents: ours (from text) and the filer's.
 *
 * Each document is flattened to `path → value` entries: a leaf element's text, a value wrapper's
 * `<value>` (at the wrapper's path), and the footnote ids on an element (`path#fn`, sorted). Values
 * are compared as the specification types them (booleans 0/1/true/false, decimals as numbers,
 * dates without a time zone); rows are addressed by their position in the table, as the record's
 * pointers address them.
 *
 * What a text cannot show is not compared, and is named here, not skipped by a loop:
 * {@link NOT_IN_TEXT}.
 */
import { parseXml, type XmlElement } from '../tools/xml-to-record';

/** Elements no printed form shows: EDGAR derives them, or the filer's software adds them. */
export const NOT_IN_TEXT: Record<string, string> = {
  schemaVersion: 'EDGAR inserts it',
  issuerCik: 'not printed on the form (from the CIK map)',
  rptOwnerCik: 'not printed on the form (from the CIK map)',
  rptOwnerCcc: 'never printed, removed before dissemination',
  noSecuritiesOwned: 'EDGAR derives it (Form 3)',
  form3HoldingsReported: 'EDGAR derives it (Form 5)',
  form4TransactionsReported: 'EDGAR derives it (Form 5)',
  rptOwnerStateDescription: 'EDGAR fills it',
  rptOwnerGoodAddress: 'EDGAR fills it',
  transactionTimeliness: 'the rendering does not print E/L',
  issuerForeignTradingSymbol: 'not printed by the rendering',
  rptOwnerNonUSAddressFlag: 'not printed by the rendering',
  rptOwnerNonUSStateTerritory: 'not printed by the rendering',
  rptOwnerCountry: 'not printed by the rendering',
};

/** The form type of a Form 5 transaction (4 late, 5 on time) is not printed: Form 5 has no V column. */
const FORM5_UNPRINTED = new Set(['transactionFormType']);

/** Amounts the text shows as one number whether the XML calls them shares or value. */
const SAME_AS: Record<string, string> = {
  valueOwnedFollowingTransaction: 'sharesOwnedFollowingTransaction',
  transactionTotalValue: 'transactionShares',
  underlyingSecurityValue: 'underlyingSecurityShares',
};

const BOOLEANS = new Set(['isDirector', 'isOfficer', 'isTenPercentOwner', 'isOther', 'equitySwapInvolved', 'notSubjectToSection16', 'aff10b5One']);
const DECIMALS = new Set(['transactionShares', 'transactionPricePerShare', 'sharesOwnedFollowingTransaction', 'conversionOrExercisePrice', 'underlyingSecurityShares']);
const DATES = new Set(['periodOfReport', 'dateOfOriginalSubmission', 'transactionDate', 'deemedExecutionDate', 'exerciseDate', 'expirationDate', 'signatureDate']);
const ROW_ELEMENTS = new Set(['nonDerivativeTransaction', 'nonDerivativeHolding', 'derivativeTransaction', 'derivativeHolding']);
const RELATIONSHIP_FLAGS = ['isDirector', 'isOfficer', 'isTenPercentOwner', 'isOther'];

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function ownText(el: XmlElement): string {
  let s = '';
  for (const c of el.children) if (typeof c === 'string') s += c;
  return collapse(s);
}

function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

function normalize(name: string, value: string): string {
  if (BOOLEANS.has(name)) {
    const t = value.toLowerCase();
    return t === '1' || t === 'true' ? 'true' : t === '0' || t === 'false' ? 'false' : value;
  }
  if (DECIMALS.has(name)) {
    const n = Number(value.replace(/,/g, ''));
    return Number.isFinite(n) ? String(n) : value;
  }
  if (DATES.has(name)) return value.slice(0, 10);
  if (name === 'signatureName') return value.replace(/^\/s\/\s*/i, '');
  return value;
}

export type Flat = Map<string, string>;

/** Flattens an `ownershipDocument` (see the module comment). */
export function flatten(xml: string): Flat {
  const doc = parseXml(xml);
  if (doc.name !== 'ownershipDocument') throw new Error(`root is <${doc.name}>`);
  const out: Flat = new Map();
  const form5 = /^5/.test(ownText(elements(doc).find((e) => e.name === 'documentType') ?? { name: '', attrs: {}, children: [] }));
  const walk = (el: XmlElement, path: string) => {
    const counters = new Map<string, number>();
    let rowIndex = 0;
    for (const c of elements(el)) {
      if (c.name in NOT_IN_TEXT || (form5 && FORM5_UNPRINTED.has(c.name))) continue;
      if (c.name === 'footnoteId') continue;
      const name = SAME_AS[c.name] ?? c.name;
      let here: string;
      if (ROW_ELEMENTS.has(c.name)) {
        here = `${path}/${el.name === 'nonDerivativeTable' ? 'nonDerivative' : 'derivative'}[${rowIndex++}]`;
        out.set(`${here}/kind`, c.name);
      } else if (c.name === 'reportingOwner' || c.name === 'ownerSignature') {
        const k = counters.get(c.name) ?? 0;
        counters.set(c.name, k + 1);
        here = `${path}/${c.name}[${k}]`;
      } else if (c.name === 'footnote') here = `${path}/footnote[${c.attrs['id'] ?? '?'}]`;
      else here = `${path}/${name}`;
      const ids = elements(c)
        .filter((f) => f.name === 'footnoteId')
        .map((f) => f.attrs['id'] ?? '')
        .sort();
      if (ids.length) out.set(`${here}#fn`, ids.join(','));
      const kids = elements(c).filter((k) => k.name !== 'footnoteId');
      const value = kids.find((k) => k.name === 'value');
      if (value) {
        const v = ownText(value);
        if (v !== '') out.set(here, normalize(name, v));
      } else if (kids.length === 0) {
        const v = c.name === 'footnote' ? collapse(textAll(c)) : ownText(c);
        if (v !== '') out.set(here, normalize(name, v));
      } else walk(c, here);
      if (c.name === 'reportingOwnerRelationship') {
        // An omitted flag is an unchecked box.
        for (const f of RELATIONSHIP_FLAGS) if (!out.has(`${here}/${f}`)) out.set(`${here}/${f}`, 'false');
      }
    }
  };
  walk(doc, '');
  // Forms 4 and 5 print the exit box: absent in the XML, it shows unchecked.
  const type = out.get('/documentType') ?? '';
  if (!/^3/.test(type) && !out.has('/notSubjectToSection16')) out.set('/notSubjectToSection16', 'false');
  return out;
}

function textAll(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textAll(c);
  return s;
}

/** Record field → where the XML holds it, relative to its row. */
const ROW_FIELD_PATHS: Record<string, string> = {
  securityTitle: 'securityTitle',
  transactionDate: 'transactionDate',
  deemedExecutionDate: 'deemedExecutionDate',
  transactionCode: 'transactionCoding/transactionCode',
  equitySwapInvolved: 'transactionCoding/equitySwapInvolved',
  reportedEarly: 'transactionCoding/transactionFormType',
  shares: 'transactionAmounts/transactionShares',
  acquiredDisposed: 'transactionAmounts/transactionAcquiredDisposedCode',
  pricePerShare: 'transactionAmounts/transactionPricePerShare',
  sharesOwnedFollowing: 'postTransactionAmounts/sharesOwnedFollowingTransaction',
  directOrIndirect: 'ownershipNature/directOrIndirectOwnership',
  natureOfOwnership: 'ownershipNature/natureOfOwnership',
  conversionOrExercisePrice: 'conversionOrExercisePrice',
  dateExercisable: 'exerciseDate',
  expirationDate: 'expirationDate',
  underlyingSecurityTitle: 'underlyingSecurity/underlyingSecurityTitle',
  underlyingShares: 'underlyingSecurity/underlyingSecurityShares',
};

const OWNER_FIELD_PATHS: Record<string, string> = {
  name: 'reportingOwnerId/rptOwnerName',
  street1: 'reportingOwnerAddress/rptOwnerStreet1',
  street2: 'reportingOwnerAddress/rptOwnerStreet2',
  city: 'reportingOwnerAddress/rptOwnerCity',
  state: 'reportingOwnerAddress/rptOwnerState',
  zip: 'reportingOwnerAddress/rptOwnerZipCode',
  isDirector: 'reportingOwnerRelationship/isDirector',
  isOfficer: 'reportingOwnerRelationship/isOfficer',
  isTenPercentOwner: 'reportingOwnerRelationship/isTenPercentOwner',
  isOther: 'reportingOwnerRelationship/isOther',
  officerTitle: 'reportingOwnerRelationship/officerTitle',
  otherText: 'reportingOwnerRelationship/otherText',
};

/**
 * The flattened paths a record pointer's value stands at (a lost value's path is not compared).
 * Returns path prefixes; footnote ids on the element go with its value.
 */
export function xmlPathsOf(pointer: string): string[] {
  const p = pointer.split('/').slice(1);
  if ((p[0] === 'nonDerivative' || p[0] === 'derivative') && p.length >= 2) {
    const table = p[0] === 'nonDerivative' ? '/nonDerivativeTable/nonDerivative' : '/derivativeTable/derivative';
    const row = `${table}[${p[1]}]`;
    if (p.length === 2) return [row];
    if (p[2] === 'footnoteIds') return [`${row}#fn-all`];
    const rel = ROW_FIELD_PATHS[p[2]!];
    return rel ? [`${row}/${rel}`] : [];
  }
  if (p[0] === 'reportingOwners' && p.length >= 2) {
    const owner = `/reportingOwner[${p[1]}]`;
    if (p.length === 2) return [owner];
    const rel = OWNER_FIELD_PATHS[p[2]!];
    return rel ? [`${owner}/${rel}`] : [];
  }
  if (p[0] === 'issuer') return [p[1] === 'name' ? '/issuer/issuerName' : '/issuer/issuerTradingSymbol'];
  if (p[0] === 'signatures') return [`/ownerSignature[${p[1]}]${p[2] === 'date' ? '/signatureDate' : p[2] === 'name' ? '/signatureName' : ''}`];
  if (p[0] === 'footnotes') return ['/footnotes/footnote'];
  return [`/${p.join('/')}`];
}

/** Differences between our flattened XML and the filer's, minus the lost values' paths. */
export function xmlDifferences(ours: string, theirs: string, lost: Iterable<string> = []): string[] {
  const a = flatten(ours);
  const b = flatten(theirs);
  const skip: string[] = [];
  const skipFootnoteIdsUnder: string[] = [];
  for (const pointer of lost) {
    for (const path of xmlPathsOf(pointer)) {
      if (path.endsWith('#fn-all')) skipFootnoteIdsUnder.push(path.slice(0, -'#fn-all'.length));
      else skip.push(path);
    }
  }
  const skipped = (key: string) =>
    skip.some((s) => key === s || key.startsWith(`${s}/`) || key.startsWith(`${s}#`) || key.startsWith(`${s}[`)) ||
    skipFootnoteIdsUnder.some((s) => key.startsWith(`${s}/`) && key.endsWith('#fn'));
  const diffs: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (skipped(key)) continue;
    const x = a.get(key);
    const y = b.get(key);
    if (x !== y) diffs.push(`${key}: ours ${x === undefined ? '(absent)' : JSON.stringify(x)}, filer's ${y === undefined ? '(absent)' : JSON.stringify(y)}`);
  }
  return diffs.sort();
}
