/**
 * EDGAR ownership XML (`<ownershipDocument>`) → normalized {@link FilingRecord}.
 *
 * Test tooling only: it produces the truth records for the real-world fixtures in fixtures/real/.
 * Dependency-free. The XML reader is small and linear: elements, attributes, text, comments,
 * processing instructions, CDATA and the entities &amp; &lt; &gt; &quot; &apos; &#NN; &#xNN;.
 * It is not a validating parser; it accepts the well-formed documents EDGAR disseminates.
 *
 * CLI: `node --import tsx test/tools/xml-to-record.ts [--rendered] FILE.xml` prints the record as
 * pretty JSON (2-space indent, property order of the schema).
 */

import type {
  AcquiredDisposed,
  DerivativeRow,
  DirectIndirect,
  FilingRecord,
  FootnoteRecord,
  FormType,
  NonDerivativeRow,
  ReportingOwnerRecord,
  SignatureRecord,
} from '../../server/src/analysis/types';

// ---------------------------------------------------------------------------------------------
// XML reader
// ---------------------------------------------------------------------------------------------

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(message: string, offset: number) {
    super(`${message} at offset ${offset}`);
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces the five XML entities and numeric character references; unknown entities stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function isNameChar(c: string): boolean {
  return /[A-Za-z0-9_:.\-]/.test(c);
}

/** Parses one XML document and returns its root element. */
export function parseXml(src: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const n = src.length;
  const top = (): XmlElement => stack[stack.length - 1]!;

  while (i < n) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const text = src.slice(i, textEnd);
      if (stack.length > 1) top().children.push(decodeEntities(text));
      else if (text.trim() !== '' && text.charCodeAt(0) !== 0xfeff) throw new XmlError('text outside the root element', i);
      i = textEnd;
      continue;
    }
    // at '<'
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end < 0) throw new XmlError('unterminated comment', i);
      i = end + 3;
    } else if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i + 9);
      if (end < 0) throw new XmlError('unterminated CDATA section', i);
      top().children.push(src.slice(i + 9, end));
      i = end + 3;
    } else if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction', i);
      i = end + 2;
    } else if (src.startsWith('<!', i)) {
      // DOCTYPE (no internal subset expected in EDGAR documents)
      const end = src.indexOf('>', i + 2);
      if (end < 0) throw new XmlError('unterminated declaration', i);
      i = end + 1;
    } else if (src[i + 1] === '/') {
      let j = i + 2;
      while (j < n && isNameChar(src[j]!)) j++;
      const name = src.slice(i + 2, j);
      const end = src.indexOf('>', j);
      if (end < 0) throw new XmlError('unterminated end tag', i);
      const open = top();
      if (stack.length === 1 || open.name !== name) {
        throw new XmlError(`end tag </${name}> does not match <${open.name}>`, i);
      }
      stack.pop();
      i = end + 1;
    } else {
      let j = i + 1;
      while (j < n && isNameChar(src[j]!)) j++;
      const name = src.slice(i + 1, j);
      if (name === '') throw new XmlError('empty tag name', i);
      const el: XmlElement = { name, attrs: {}, children: [] };
      // attributes
      for (;;) {
        while (j < n && /\s/.test(src[j]!)) j++;
        if (j >= n) throw new XmlError('unterminated start tag', i);
        if (src[j] === '>') {
          j++;
          top().children.push(el);
          stack.push(el);
          break;
        }
        if (src[j] === '/' && src[j + 1] === '>') {
          j += 2;
          top().children.push(el);
          break;
        }
        const a0 = j;
        while (j < n && isNameChar(src[j]!)) j++;
        const attr = src.slice(a0, j);
        if (attr === '') throw new XmlError(`bad attribute in <${name}>`, j);
        while (j < n && /\s/.test(src[j]!)) j++;
        if (src[j] !== '=') throw new XmlError(`attribute ${attr} without value`, j);
        j++;
        while (j < n && /\s/.test(src[j]!)) j++;
        const q = src[j];
        if (q !== '"' && q !== "'") throw new XmlError(`unquoted attribute ${attr}`, j);
        const close = src.indexOf(q, j + 1);
        if (close < 0) throw new XmlError(`unterminated attribute ${attr}`, j);
        el.attrs[attr] = decodeEntities(src.slice(j + 1, close));
        j = close + 1;
      }
      i = j;
    }
  }
  if (stack.length > 1) throw new XmlError(`unclosed element <${top().name}>`, n);
  const elements = root.children.filter((c): c is XmlElement => typeof c !== 'string');
  if (elements.length !== 1) throw new XmlError(`expected one root element, found ${elements.length}`, 0);
  return elements[0]!;
}

// ---------------------------------------------------------------------------------------------
// Tree helpers
// ---------------------------------------------------------------------------------------------

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** Follows a path of child names ("a/b/c"). */
export function at(el: XmlElement | undefined, path: string): XmlElement | undefined {
  let cur = el;
  for (const part of path.split('/')) cur = child(cur, part);
  return cur;
}

/** All text inside the element, descendants included. */
export function textContent(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textContent(c);
  return s;
}

function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The element's own text (not its children's), whitespace-collapsed; null if absent or empty. */
function ownText(el: XmlElement | undefined): string | null {
  if (!el) return null;
  let s = '';
  for (const c of el.children) if (typeof c === 'string') s += c;
  const t = collapse(s);
  return t === '' ? null : t;
}

/**
 * The value of an EDGAR field: `<x><value>…</value><footnoteId/></x>` or a plain `<x>…</x>`.
 * null when absent, empty, or only footnoted.
 */
function fieldValue(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const v = child(el, 'value');
  return v ? ownText(v) : ownText(el);
}

function str(el: XmlElement | undefined, path: string): string | null {
  return fieldValue(at(el, path));
}

function num(el: XmlElement | undefined, path: string): number | null {
  const s = str(el, path);
  if (s === null) return null;
  const cleaned = s.replace(/[$,\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

function firstNum(el: XmlElement | undefined, ...paths: string[]): number | null {
  for (const p of paths) {
    const v = num(el, p);
    if (v !== null) return v;
  }
  return null;
}

function bool(el: XmlElement | undefined, path: string): boolean | null {
  const s = str(el, path);
  if (s === null) return null;
  const t = s.toLowerCase();
  if (t === '1' || t === 'true') return true;
  if (t === '0' || t === 'false') return false;
  return null;
}

function isoDate(el: XmlElement | undefined, path: string): string | null {
  const s = str(el, path);
  if (s === null) return null;
  // xs:date may carry a time-zone suffix ("2020-09-15-05:00", "2020-09-15Z").
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  return m ? m[1]! : null;
}

function footnoteNumber(id: string): string {
  return id.trim().replace(/^F/i, '');
}

function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every footnoteId anywhere inside the row, "F3" → "3", numerically sorted, no duplicates. */
function rowFootnoteIds(row: XmlElement): string[] {
  const ids = new Set<string>();
  for (const f of descendants(row, 'footnoteId')) {
    const id = f.attrs['id'];
    if (id !== undefined && id.trim() !== '') ids.add(footnoteNumber(id));
  }
  return [...ids].sort(compareIds);
}

const FORM_TYPES: readonly string[] = ['3', '4', '5', '3/A', '4/A', '5/A'];

function acqDisp(s: string | null): AcquiredDisposed | null {
  return s === 'A' || s === 'D' ? s : null;
}

function dirInd(s: string | null): DirectIndirect | null {
  return s === 'D' || s === 'I' ? s : null;
}

// ---------------------------------------------------------------------------------------------
// Mapping
// ---------------------------------------------------------------------------------------------

export interface XmlToRecordOptions {
  /**
   * Produce the record as the EDGAR rendering of the XML shows it rather than as the XML states it.
   * Only difference: on Forms 4/5 (and /A) the "no longer subject to Section 16" checkbox is always
   * printed, so an absent `notSubjectToSection16` reads as an unchecked box: false instead of null.
   * (Form 3 has no such box, so it stays null there.)
   */
  rendered?: boolean;
}

function owner(el: XmlElement): ReportingOwnerRecord {
  const addr = child(el, 'reportingOwnerAddress');
  const rel = child(el, 'reportingOwnerRelationship');
  // When the relationship element exists, an omitted flag is an unchecked box: false.
  // Without the element nothing is known: null.
  const flag = (name: string): boolean | null => (rel ? (bool(rel, name) ?? false) : null);
  return {
    name: str(el, 'reportingOwnerId/rptOwnerName'),
    street1: str(addr, 'rptOwnerStreet1'),
    street2: str(addr, 'rptOwnerStreet2'),
    city: str(addr, 'rptOwnerCity'),
    state: str(addr, 'rptOwnerState'),
    zip: str(addr, 'rptOwnerZipCode'),
    isDirector: flag('isDirector'),
    isOfficer: flag('isOfficer'),
    isTenPercentOwner: flag('isTenPercentOwner'),
    isOther: flag('isOther'),
    officerTitle: str(rel, 'officerTitle'),
    otherText: str(rel, 'otherText'),
  };
}

function nonDerivativeRow(el: XmlElement, form4: boolean): NonDerivativeRow {
  const isTx = el.name === 'nonDerivativeTransaction';
  return {
    kind: isTx ? 'transaction' : 'holding',
    securityTitle: str(el, 'securityTitle'),
    transactionDate: isTx ? isoDate(el, 'transactionDate') : null,
    deemedExecutionDate: isTx ? isoDate(el, 'deemedExecutionDate') : null,
    transactionCode: isTx ? str(el, 'transactionCoding/transactionCode') : null,
    equitySwapInvolved: isTx ? bool(el, 'transactionCoding/equitySwapInvolved') : null,
    // Only Form 4 prints the V column: a transaction of form type 5 on it was reported early.
    reportedEarly: isTx && form4 ? str(el, 'transactionCoding/transactionFormType') === '5' : null,
    shares: isTx ? firstNum(el, 'transactionAmounts/transactionShares', 'transactionAmounts/transactionTotalValue') : null,
    acquiredDisposed: isTx ? acqDisp(str(el, 'transactionAmounts/transactionAcquiredDisposedCode')) : null,
    pricePerShare: isTx ? num(el, 'transactionAmounts/transactionPricePerShare') : null,
    sharesOwnedFollowing: firstNum(
      el,
      'postTransactionAmounts/sharesOwnedFollowingTransaction',
      'postTransactionAmounts/valueOwnedFollowingTransaction',
    ),
    directOrIndirect: dirInd(str(el, 'ownershipNature/directOrIndirectOwnership')),
    natureOfOwnership: str(el, 'ownershipNature/natureOfOwnership'),
    footnoteIds: rowFootnoteIds(el),
  };
}

function derivativeRow(el: XmlElement, form3: boolean, form4: boolean): DerivativeRow {
  const isTx = el.name === 'derivativeTransaction';
  return {
    kind: isTx ? 'transaction' : 'holding',
    securityTitle: str(el, 'securityTitle'),
    conversionOrExercisePrice: num(el, 'conversionOrExercisePrice'),
    transactionDate: isTx ? isoDate(el, 'transactionDate') : null,
    deemedExecutionDate: isTx ? isoDate(el, 'deemedExecutionDate') : null,
    transactionCode: isTx ? str(el, 'transactionCoding/transactionCode') : null,
    equitySwapInvolved: isTx ? bool(el, 'transactionCoding/equitySwapInvolved') : null,
    // Only Form 4 prints the V column: a transaction of form type 5 on it was reported early.
    reportedEarly: isTx && form4 ? str(el, 'transactionCoding/transactionFormType') === '5' : null,
    shares: isTx ? firstNum(el, 'transactionAmounts/transactionShares', 'transactionAmounts/transactionTotalValue') : null,
    acquiredDisposed: isTx ? acqDisp(str(el, 'transactionAmounts/transactionAcquiredDisposedCode')) : null,
    // A cell holding only a footnote reference has no <value>: null (the id is in footnoteIds).
    dateExercisable: isoDate(el, 'exerciseDate'),
    expirationDate: isoDate(el, 'expirationDate'),
    underlyingSecurityTitle: str(el, 'underlyingSecurity/underlyingSecurityTitle'),
    underlyingShares: firstNum(
      el,
      'underlyingSecurity/underlyingSecurityShares',
      'underlyingSecurity/underlyingSecurityValue',
    ),
    pricePerShare: isTx ? num(el, 'transactionAmounts/transactionPricePerShare') : null,
    // Form 3 Table II has no "owned following" column: the amount is underlyingShares.
    sharesOwnedFollowing:
      form3 && !isTx
        ? null
        : firstNum(el, 'postTransactionAmounts/sharesOwnedFollowingTransaction', 'postTransactionAmounts/valueOwnedFollowingTransaction'),
    directOrIndirect: dirInd(str(el, 'ownershipNature/directOrIndirectOwnership')),
    natureOfOwnership: str(el, 'ownershipNature/natureOfOwnership'),
    footnoteIds: rowFootnoteIds(el),
  };
}

function signature(el: XmlElement): SignatureRecord {
  const raw = str(el, 'signatureName');
  // "/s/ Name" and "/s/Name" alike: the conformed-signature prefix is not part of the name.
  const name = raw === null ? null : raw.replace(/^\/s\/\s*/i, '').trim() || null;
  return { name, date: isoDate(el, 'signatureDate') };
}

/** Converts an `ownershipDocument` XML string to the normalized record. */
export function xmlToRecord(xml: string, options: XmlToRecordOptions = {}): FilingRecord {
  const doc = parseXml(xml);
  if (doc.name !== 'ownershipDocument') throw new Error(`root element is <${doc.name}>, not <ownershipDocument>`);

  const docType = str(doc, 'documentType');
  const formType = docType !== null && FORM_TYPES.includes(docType.toUpperCase()) ? (docType.toUpperCase() as FormType) : null;
  const form3 = formType === '3' || formType === '3/A';
  const form4 = formType === '4' || formType === '4/A';

  // The XML states notSubjectToSection16 only when the filer gave it (optional on Forms 4/5, absent on
  // Form 3): null when absent. EDGAR's Form 4/5 rendering always prints the checkbox, so the rendered
  // text shows it unchecked; `options.rendered` turns absent into false for those forms.
  let notSubjectToSection16 = bool(doc, 'notSubjectToSection16');
  if (notSubjectToSection16 === null && options.rendered && formType !== null && !form3) notSubjectToSection16 = false;

  const owners = childElements(doc, 'reportingOwner').map(owner);

  const nonDerivative = childElements(at(doc, 'nonDerivativeTable') ?? doc).filter(
    (e) => e.name === 'nonDerivativeTransaction' || e.name === 'nonDerivativeHolding',
  );
  const derivative = childElements(at(doc, 'derivativeTable') ?? doc).filter(
    (e) => e.name === 'derivativeTransaction' || e.name === 'derivativeHolding',
  );

  const footnotes: FootnoteRecord[] = childElements(at(doc, 'footnotes') ?? doc, 'footnote').map((f) => ({
    id: footnoteNumber(f.attrs['id'] ?? ''),
    text: collapse(textContent(f)),
  }));

  const remarksEl = child(doc, 'remarks');
  const remarks = remarksEl ? collapse(textContent(remarksEl)) || null : null;

  return {
    formType,
    issuer: {
      name: str(doc, 'issuer/issuerName'),
      tradingSymbol: str(doc, 'issuer/issuerTradingSymbol'),
    },
    reportingOwners: owners,
    periodOfReport: isoDate(doc, 'periodOfReport'),
    dateOfOriginalSubmission: isoDate(doc, 'dateOfOriginalSubmission'),
    notSubjectToSection16,
    jointFiling: owners.length > 1,
    nonDerivative: nonDerivative.map((e) => nonDerivativeRow(e, form4)),
    derivative: derivative.map((e) => derivativeRow(e, form3, form4)),
    footnotes,
    signatures: childElements(doc, 'ownerSignature').map(signature),
    remarks,
  };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const rendered = argv.includes('--rendered');
  const jsonl = argv.includes('--jsonl');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write('usage: xml-to-record.ts [--rendered] [--jsonl] FILE.xml...\n');
    process.exitCode = 2;
    return;
  }
  for (const f of files) {
    const rec = xmlToRecord(readFileSync(f, 'utf8'), { rendered });
    process.stdout.write(jsonl ? JSON.stringify(rec) + '\n' : JSON.stringify(rec, null, 2) + '\n');
  }
}

const invoked = process.argv[1] ?? '';
if (/xml-to-record\.ts$/.test(invoked)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    process.exitCode = 1;
  });
}
