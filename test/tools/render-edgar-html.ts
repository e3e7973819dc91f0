/**
 * EDGAR ownership XML (`<ownershipDocument>`, Forms 3/4/5 and /A) → HTML laid out like EDGAR's own
 * rendering of it (the `xslF345X..` view a browser shows on sec.gov).
 *
 * Test tooling only: it turns the XML-only real filings into HTML that the HTML-to-text tools
 * (w3m, lynx, pandoc, html2text) convert the way they convert EDGAR's pages (fixtures/rendered/).
 * Written from the five real renderings in ../shared/real/edgar: the same nesting of tables, the
 * same header boxes and captions, the same cell classes, empty cells, footnote superscripts,
 * checkbox cells, `$` prefixes, number and date formats. Everything shown comes from the XML.
 *
 * Choices the real renderings fix (one era each; see fixtures/rendered/README.md):
 * * Forms 4/5 print the "no longer subject to Section 16" box; Form 5 adds the "Form 3 Holdings
 *   Reported" / "Form 4 Transactions Reported" boxes; the 10b5-1 box is printed when the schema has
 *   it (`aff10b5One` present or schema X0508 and later), as in the 2025 rendering.
 * * The third line of the relationship box is four cells (officer title, other text) when the XML has
 *   `officerTitle` or `otherText`, else one spanned cell of two empty spans (as Evans/BAM show).
 * * More than one reporting owner: the first is in box 1 (and its relationship in the relationship
 *   box); all owners are listed again, name and address only, after Table II (as BAM shows).
 * * `<remarks>` present (even empty): a Remarks heading and cell; absent: no Remarks rows.
 * * An empty table (no rows, or no table element) is its header only (`<thead>` without `<tbody>`).
 *
 * CLI: `node --import tsx test/tools/render-edgar-html.ts FILE.xml > FILE.html`.
 */

import { at, child, childElements, parseXml, textContent, type XmlElement } from './xml-to-record';

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text as the HTML shows it: line breaks with their indentation become one space; other runs stay. */
function flow(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/** The `<value>` of an EDGAR field, or its own text; '' when absent or empty. */
function raw(el: XmlElement | undefined): string {
  if (!el) return '';
  const v = child(el, 'value');
  return flow(textContent(v ?? el));
}

function fieldAt(el: XmlElement | undefined, path: string): XmlElement | undefined {
  return el ? at(el, path) : undefined;
}

function val(el: XmlElement | undefined, path: string): string {
  return raw(fieldAt(el, path));
}

/** "757756" → "757,756", "134018.0" → "134,018", "0.3621" stays, "0.00" → "0"; non-numbers as written. */
function number(s: string): string {
  const t = s.replace(/,/g, '').trim();
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return s;
  const int = (m[2] || '0').replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return m[1] + grouped + (frac ? '.' + frac : '');
}

/** xs:date "2025-04-30" (time-zone suffix allowed) → "04/30/2025". */
function date(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : s;
}

/** Footnote ids directly under the field element ("F3" → "3"). */
function notes(el: XmlElement | undefined): string[] {
  if (!el) return [];
  return childElements(el, 'footnoteId')
    .map((f) => (f.attrs['id'] ?? '').trim().replace(/^F/i, ''))
    .filter((id) => id !== '');
}

function sups(ids: string[]): string {
  return ids.map((id) => `<span class="FootnoteData"><sup>(${esc(id)})</sup></span>`).join('');
}

type Kind = 'text' | 'number' | 'date' | 'price';

/**
 * One data cell's content: the value in a span of `cls` (`$` before prices), then the footnote marks.
 * A field with only footnotes gets an empty value span before them, as EDGAR prints it.
 */
function data(field: XmlElement | undefined, kind: Kind, cls: string, extraNotes: string[] = []): string {
  const v = raw(field);
  const ids = [...notes(field), ...extraNotes];
  if (v === '' && ids.length === 0) return '';
  if (v === '') return kind === 'price' ? sups(ids) : `\n<span class="${cls}">\n\n            </span>${sups(ids)}\n`;
  const shown = kind === 'number' || kind === 'price' ? number(v) : kind === 'date' ? date(v) : v;
  const dollar = kind === 'price' ? `<span class="${cls.replace('Data', 'Text')}">$</span>` : '';
  const body = `${dollar}<span class="${cls}">${esc(shown)}</span>${sups(ids)}`;
  return dollar || ids.length ? `\n${body}\n` : body;
}

function td(content: string, align: 'left' | 'center' = 'center'): string {
  return `<td align="${align}">${content}</td>`;
}

// ---------------------------------------------------------------------------------------------
// Document facts
// ---------------------------------------------------------------------------------------------

interface Doc {
  root: XmlElement;
  form: '3' | '4' | '5';
  amendment: boolean;
  owners: XmlElement[];
}

function schemaAtLeast(root: XmlElement, version: number): boolean {
  const m = /^X(\d{4})$/i.exec(val(root, 'schemaVersion'));
  return m ? Number(m[1]) >= version : false;
}

function truthy(s: string): boolean {
  return s === '1' || s.toLowerCase() === 'true';
}

function checkMark(on: boolean): string {
  return on ? '<span class="FormData">X</span>' : '';
}

// ---------------------------------------------------------------------------------------------
// Page parts
// ---------------------------------------------------------------------------------------------

const STYLE = `<style type="text/css">
  .FormData, .FormDataC, .FormDataR, .SmallFormData {color: blue; font-family: Times, serif;}
  .FootnoteData {color: green; font-size: x-small;}
  .FormName, .FormTitle, .FormTitle1, .FormTitle2 {font-weight: bold; font-family: arial, sans-serif;}
  .FormText, .FormTextC, .FormTextR, .SmallFormText, .SmallFormTextR, .MedSmallFormText {font-family: arial, sans-serif;}
  .FormTextC {text-align: center;} .SmallFormTextR {text-align: right;}
  .SmallFormText, .SmallFormTextR {font-size: xx-small;} .MedSmallFormText {font-size: x-small;}
</style>`;

const OMB: Record<Doc['form'], [string, string]> = { '3': ['3235-0104', '0.5'], '4': ['3235-0287', '0.5'], '5': ['3235-0362', '1.0'] };
const STATEMENT: Record<Doc['form'], string> = {
  '3': 'INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES',
  '4': 'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP',
  '5': 'ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP',
};

function box(checked: boolean, label: string): string {
  const inner = checked ? '<span class="FormData">X</span>' : '  ';
  return `<tr valign="middle">
<td><table width="100%" border="1" cellpadding="0" cellspacing="0"><tr><td>${inner}</td></tr></table></td>
<td class="SmallFormText">${label}</td>
</tr>\n`;
}

function titleBlock(d: Doc): string {
  const { root, form } = d;
  const boxes: string[] = [];
  if (form !== '3') {
    boxes.push(
      box(
        truthy(val(root, 'notSubjectToSection16')),
        'Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. <i>See</i> Instruction 1(b).',
      ),
    );
    if (form === '5') {
      boxes.push(box(truthy(val(root, 'form3HoldingsReported')), 'Form 3 Holdings Reported.'));
      boxes.push(box(truthy(val(root, 'form4TransactionsReported')), 'Form 4 Transactions Reported.'));
    }
  }
  // Forms 4 and 5 span the title over the box rows that precede the 10b5-1 box.
  const span = form === '3' ? 1 : form === '4' ? 2 : 4;
  if (form !== '3' && (child(root, 'aff10b5One') !== undefined || schemaAtLeast(root, 508))) {
    boxes.push(
      box(
        truthy(val(root, 'aff10b5One')),
        'Check this box to indicate that a transaction was made pursuant to a contract, instruction or written plan for the purchase or sale of equity securities of the issuer that is intended to satisfy the affirmative defense conditions of Rule 10b5-1(c). See Instruction 10. ',
      ),
    );
  }
  const [omb, hours] = OMB[form];
  const formName = `FORM ${form}${d.amendment ? '/A' : ''}`;
  return `<table width="100%" border="0" cellspacing="0" cellpadding="4">
<tr>
<td width="20%" colspan="2" valign="top" align="center" class="FormName">${formName}</td>
<td rowspan="${span}" width="60%" valign="middle" align="center">
<span class="FormTitle">UNITED STATES SECURITIES AND EXCHANGE COMMISSION</span><br><span class="MedSmallFormText">Washington, D.C. 20549</span><br><br><span class="FormTitle">${STATEMENT[form]}</span><br><br><span class="MedSmallFormText">Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934</span><br><span class="MedSmallFormText">or Section 30(h) of the Investment Company Act of 1940</span>
</td>
<td rowspan="${span}" width="20%" valign="top" align="center"><table width="100%" border="1" summary="OMB Approval Status Box">
<tr><td class="FormTextC">OMB APPROVAL</td></tr>
<tr><td><table width="100%" border="0" summary="OMB Interior Box">
<tr>
<td class="SmallFormText" colspan="3">OMB Number:</td>
<td class="SmallFormTextR">${omb}</td>
</tr>
<tr><td class="SmallFormText" colspan="4">Estimated average burden</td></tr>
<tr>
<td class="SmallFormText" colspan="3">hours per response:</td>
<td class="SmallFormTextR">${hours}</td>
</tr>
</table></td></tr>
</table></td>
</tr>
${boxes.join('')}</table>\n`;
}

function link(cik: string, name: string): string {
  return `<a href="/cgi-bin/browse-edgar?action=getcompany&amp;CIK=${esc(cik)}">${esc(name)}</a>`;
}

/** Box 1: name and address of one reporting owner (also the blocks of the joint-filer list). */
function ownerBlock(owner: XmlElement): string {
  const addr = child(owner, 'reportingOwnerAddress');
  const fd = (s: string): string => `<span class="FormData">${esc(s)}</span>`;
  return `<span class="MedSmallFormText">1. Name and Address of Reporting Person<sup>*</sup></span><table border="0" width="100%"><tr><td>${link(
    val(owner, 'reportingOwnerId/rptOwnerCik'),
    val(owner, 'reportingOwnerId/rptOwnerName'),
  )}</td></tr></table>
<hr width="98%">
<table border="0" width="100%"><tr>
<td width="33%" class="MedSmallFormText">(Last)</td>
<td width="33%" class="MedSmallFormText">(First)</td>
<td width="33%" class="MedSmallFormText">(Middle)</td>
</tr></table>
<table border="0" width="100%">
<tr><td>${fd(val(addr, 'rptOwnerStreet1'))}</td></tr>
<tr><td>${fd(val(addr, 'rptOwnerStreet2'))}</td></tr>
</table>
<hr width="98%">
<span class="MedSmallFormText">(Street)</span><table border="0" width="100%"><tr>
<td width="33%">${fd(val(addr, 'rptOwnerCity'))}</td>
<td width="33%">${fd(val(addr, 'rptOwnerState'))}</td>
<td width="33%">${fd(val(addr, 'rptOwnerZipCode'))}</td>
</tr></table>
<hr width="98%">
<table border="0" width="100%"><tr>
<td width="33%" class="MedSmallFormText">(City)</td>
<td width="33%" class="MedSmallFormText">(State)</td>
<td width="33%" class="MedSmallFormText">(Zip)</td>
</tr></table>\n`;
}

function issuerBox(d: Doc, n: number): string {
  const issuer = child(d.root, 'issuer');
  return `<span class="MedSmallFormText">${n}. Issuer Name <b>and</b> Ticker or Trading Symbol
      </span><br>${link(val(issuer, 'issuerCik'), val(issuer, 'issuerName'))}
     [ <span class="FormData">${esc(val(issuer, 'issuerTradingSymbol'))}</span> ]
   `;
}

function relationshipBox(d: Doc, n: number): string {
  const rel = child(d.owners[0]!, 'reportingOwnerRelationship');
  const f = (name: string): string => checkMark(truthy(val(rel, name)));
  const third =
    rel && (child(rel, 'officerTitle') || child(rel, 'otherText'))
      ? `<tr>
<td width="15%" align="center"></td>
<td width="35%" align="left" style="color: blue">${esc(val(rel, 'officerTitle'))}</td>
<td width="15%" align="center"></td>
<td width="35%" align="left" style="color: blue">${esc(val(rel, 'otherText'))}</td>
</tr>`
      : `<tr><td colspan="4" align="center">
<span class="FormData"></span><span class="FormData"></span>
</td></tr>`;
  return `<span class="MedSmallFormText">${n}. Relationship of Reporting Person(s) to Issuer
      </span><br><span class="MedSmallFormText">(Check all applicable)</span><table border="0" width="100%">
<tr>
<td width="15%" align="center">${f('isDirector')}</td>
<td width="35%" class="MedSmallFormText">Director</td>
<td width="15%" align="center">${f('isTenPercentOwner')}</td>
<td width="35%" class="MedSmallFormText">10% Owner</td>
</tr>
<tr>
<td align="center">${f('isOfficer')}</td>
<td class="MedSmallFormText">Officer (give title below)</td>
<td align="center">${f('isOther')}</td>
<td class="MedSmallFormText">Other (specify below)</td>
</tr>
${third}
</table>\n`;
}

function amendmentBox(d: Doc, n: number): string {
  const orig = val(d.root, 'dateOfOriginalSubmission');
  return `<span class="MedSmallFormText">${n}. If Amendment, Date of Original Filed
         (Month/Day/Year)</span><br>${orig ? `<span class="FormData">${esc(date(orig))}</span>` : ''}\n`;
}

function jointBox(d: Doc): string {
  const joint = d.owners.length > 1;
  return `<span class="MedSmallFormText">6. Individual or Joint/Group Filing (Check Applicable Line)
      </span><table border="0" width="100%">
<tr>
<td width="15%" align="center">${checkMark(!joint)}</td>
<td width="85%" class="MedSmallFormText">Form filed by One Reporting Person</td>
</tr>
<tr>
<td width="15%" align="center">${checkMark(joint)}</td>
<td width="85%" class="MedSmallFormText">Form filed by More than One Reporting Person</td>
</tr>
</table>\n`;
}

function dateBox(d: Doc, caption: string, n: number): string {
  const p = val(d.root, 'periodOfReport');
  return `<span class="MedSmallFormText">${n}. ${caption}
         (Month/Day/Year)</span><br>${p ? `<span class="FormData">${esc(date(p))}</span>` : ''}\n`;
}

function headerBoxes(d: Doc): string {
  const owner = ownerBlock(d.owners[0]!);
  if (d.form === '3') {
    return `<table width="100%" border="1" cellspacing="0" cellpadding="4">
<tr>
<td rowspan="3" width="30%" valign="top">
${owner}</td>
<td rowspan="3" width="15%" valign="top">
${dateBox(d, 'Date of Event Requiring Statement', 2)}</td>
<td valign="top" colspan="2">
${issuerBox(d, 3)}</td>
</tr>
<tr>
<td rowspan="2" width="30%" valign="top">
${relationshipBox(d, 4)}</td>
<td valign="top">
${amendmentBox(d, 5)}</td>
</tr>
<tr><td valign="top">
${jointBox(d)}</td></tr>
</table>\n`;
  }
  // The 10b5-1 era renders box 1 over four rows (one more than it has), the older one over three.
  const rows = child(d.root, 'aff10b5One') !== undefined || schemaAtLeast(d.root, 508) ? 4 : 3;
  const caption = d.form === '4' ? 'Date of Earliest Transaction' : "Statement for Issuer's Fiscal Year Ended";
  return `<table width="100%" border="1" cellspacing="0" cellpadding="4">
<tr>
<td rowspan="${rows}" width="35%" valign="top">
${owner}</td>
<td width="35%" valign="top">
${issuerBox(d, 2)}</td>
<td rowspan="2" valign="top">
${relationshipBox(d, 5)}</td>
</tr>
<tr><td valign="top">
${dateBox(d, caption, 3)}</td></tr>
<tr>
<td valign="top">
${amendmentBox(d, 4)}</td>
<td valign="top">
${jointBox(d)}</td>
</tr>
</table>\n`;
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/** [width, text, rowspan-or-colspan] of a header cell; `span > 0` is colspan, else rowspan 2. */
type Head = [width: number, text: string, colspan?: number];

function headerRow(cells: Head[], cls: (i: number) => string, twoRows: boolean): string {
  return cells
    .map(([w, text, colspan], i) => {
      const span = colspan ? ` colspan="${colspan}"` : twoRows ? ' rowspan="2"' : '';
      return `<th width="${w}%" valign="top"${span} align="left" class="${cls(i)}">${text}</th>`;
    })
    .join('\n');
}

function subRow(cells: [number, string][], cls: string, bottom: boolean): string {
  const v = bottom ? ' valign="bottom"' : '';
  return cells.map(([w, t]) => `<th width="${w}%"${v} align="center" class="${cls}">${t}</th>`).join('\n');
}

function table(title: string, colspan: number, head: string, rows: string[]): string {
  const titleCell =
    title.includes('<br>') ? `<tr><th width="100%" valign="top" colspan="${colspan}" align="center" class="FormTextC">\n${title}\n</th></tr>` : `<tr><th width="100%" valign="top" colspan="${colspan}" align="center" class="FormTextC">${title}</th></tr>`;
  const thead = `<thead>\n${titleCell}\n${head}\n</thead>`;
  if (rows.length === 0) return `<table width="100%" border="1" cellspacing="0" cellpadding="4">${thead}</table>\n`;
  const body = rows.length === 1 ? `<tbody>${rows[0]}</tbody>` : `<tbody>\n${rows.join('\n')}\n</tbody>`;
  return `<table width="100%" border="1" cellspacing="0" cellpadding="4">\n${thead}\n${body}\n</table>\n`;
}

const TABLE_II_TITLE =
  '<b>Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned</b><br><b>(e.g., puts, calls, warrants, options, convertible securities)</b>';

function rowsOf(root: XmlElement, tableName: string, names: string[]): XmlElement[] {
  const t = child(root, tableName);
  return t ? childElements(t).filter((e) => names.includes(e.name)) : [];
}

function nonDerivativeRow(row: XmlElement, form: Doc['form']): string {
  const isTx = row.name === 'nonDerivativeTransaction';
  const title = td(data(child(row, 'securityTitle'), 'text', 'FormData'), 'left');
  const owned = fieldAt(row, 'postTransactionAmounts/sharesOwnedFollowingTransaction') ?? fieldAt(row, 'postTransactionAmounts/valueOwnedFollowingTransaction');
  const di = td(data(fieldAt(row, 'ownershipNature/directOrIndirectOwnership'), 'text', 'FormData'));
  const nature = td(data(fieldAt(row, 'ownershipNature/natureOfOwnership'), 'text', 'FormData'), 'left');
  if (form === '3') {
    return `<tr>\n${title}\n${td(data(owned, 'number', 'FormData'))}\n${di}\n${nature}\n</tr>`;
  }
  const cells: string[] = [title];
  if (isTx) {
    const coding = child(row, 'transactionCoding');
    const codeCls = form === '4' ? 'SmallFormData' : 'FormData';
    cells.push(td(data(child(row, 'transactionDate'), 'date', 'FormData')));
    cells.push(td(data(child(row, 'deemedExecutionDate'), 'date', 'FormData')));
    cells.push(td(data(child(coding, 'transactionCode'), 'text', codeCls, notes(coding))));
    if (form === '4') cells.push(td(val(coding, 'transactionFormType') === '5' ? `<span class="${codeCls}">V</span>` : ''));
    const amounts = child(row, 'transactionAmounts');
    cells.push(td(data(child(amounts, 'transactionShares') ?? child(amounts, 'transactionTotalValue'), 'number', 'FormData')));
    cells.push(td(data(child(amounts, 'transactionAcquiredDisposedCode'), 'text', 'FormData')));
    cells.push(td(data(child(amounts, 'transactionPricePerShare'), 'price', 'FormData')));
  } else {
    for (let i = 0; i < (form === '4' ? 7 : 6); i++) cells.push(td(''));
  }
  cells.push(td(data(owned, 'number', 'FormData')), di, nature);
  return `<tr>\n${cells.join('\n')}\n</tr>`;
}

function tableI(d: Doc): string {
  const rows = rowsOf(d.root, 'nonDerivativeTable', ['nonDerivativeTransaction', 'nonDerivativeHolding']).map((r) =>
    nonDerivativeRow(r, d.form),
  );
  if (d.form === '3') {
    const head = `<tr>\n${headerRow(
      [
        [44, '1. Title of Security (Instr. 4)'],
        [19, '2. Amount of Securities Beneficially Owned (Instr. 4)'],
        [11, '3. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)'],
        [26, '4. Nature of Indirect Beneficial Ownership (Instr. 5)'],
      ],
      () => 'MedSmallFormText',
      false,
    )}\n</tr>`;
    return table('<b>Table I - Non-Derivative Securities Beneficially Owned</b>', 4, head, rows);
  }
  const f4 = d.form === '4';
  const cells: Head[] = f4
    ? [
        [36, '1. Title of Security (Instr. 3)'],
        [6, '2. Transaction Date (Month/Day/Year)'],
        [5, '2A. Deemed Execution Date, if any (Month/Day/Year)'],
        [7, '3. Transaction Code (Instr. 8)', 2],
        [19, '4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)', 3],
        [11, '5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)'],
        [9, '6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)'],
        [8, '7. Nature of Indirect Beneficial Ownership (Instr. 4)'],
      ]
    : [
        [28, '1. Title of Security (Instr. 3)'],
        [7, '2. Transaction Date (Month/Day/Year)'],
        [6, '2A. Deemed Execution Date, if any (Month/Day/Year)'],
        [6, '3. Transaction Code (Instr. 8)'],
        [24, '4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)', 3],
        [11, "5. Amount of Securities Beneficially Owned at end of Issuer's Fiscal Year (Instr. 3 and 4)"],
        [8, '6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)'],
        [9, '7. Nature of Indirect Beneficial Ownership (Instr. 4)'],
      ];
  const sub: [number, string][] = f4
    ? [[4, 'Code'], [3, 'V'], [8, 'Amount'], [5, '(A) or (D)'], [6, 'Price']]
    : [[10, 'Amount'], [5, '(A) or (D)'], [9, 'Price']];
  const head = `<tr>\n${headerRow(cells, (i) => (f4 && i === 0 ? 'MedSmallFormText' : 'SmallFormText'), true)}\n</tr>\n<tr>\n${subRow(
    sub,
    'SmallFormText',
    false,
  )}\n</tr>`;
  // Form 5's Table I title spans 16 columns, as EDGAR prints it (the table has 10).
  return table('<b>Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned</b>', f4 ? 11 : 16, head, rows);
}

function derivativeRow(row: XmlElement, form: Doc['form']): string {
  const isTx = row.name === 'derivativeTransaction';
  const di = fieldAt(row, 'ownershipNature/directOrIndirectOwnership');
  const nature = td(data(fieldAt(row, 'ownershipNature/natureOfOwnership'), 'text', 'FormData'), 'left');
  const underTitle = fieldAt(row, 'underlyingSecurity/underlyingSecurityTitle');
  const underAmount = fieldAt(row, 'underlyingSecurity/underlyingSecurityShares') ?? fieldAt(row, 'underlyingSecurity/underlyingSecurityValue');
  const exercise = td(data(child(row, 'exerciseDate'), 'date', 'SmallFormData'));
  const expiration = td(data(child(row, 'expirationDate'), 'date', 'SmallFormData'));
  if (form === '3') {
    return `<tr>\n${[
      td(data(child(row, 'securityTitle'), 'text', 'FormData'), 'left'),
      exercise,
      expiration,
      td(data(underTitle, 'text', 'FormData')),
      td(data(underAmount, 'number', 'FormData')),
      td(data(child(row, 'conversionOrExercisePrice'), 'price', 'FormData')),
      td(data(di, 'text', 'FormData')),
      nature,
    ].join('\n')}\n</tr>`;
  }
  const cells: string[] = [
    td(data(child(row, 'securityTitle'), 'text', 'SmallFormData'), 'left'),
    td(data(child(row, 'conversionOrExercisePrice'), 'price', 'SmallFormData')),
  ];
  const amounts = child(row, 'transactionAmounts');
  if (isTx) {
    const coding = child(row, 'transactionCoding');
    cells.push(td(data(child(row, 'transactionDate'), 'date', 'SmallFormData')));
    cells.push(td(data(child(row, 'deemedExecutionDate'), 'date', 'SmallFormData')));
    cells.push(td(data(child(coding, 'transactionCode'), 'text', 'SmallFormData', notes(coding))));
    if (form === '4') cells.push(td(val(coding, 'transactionFormType') === '5' ? '<span class="SmallFormData">V</span>' : ''));
    const amount = data(child(amounts, 'transactionShares') ?? child(amounts, 'transactionTotalValue'), 'number', 'SmallFormData');
    const disposed = val(amounts, 'transactionAcquiredDisposedCode') === 'D';
    cells.push(td(disposed ? '' : amount), td(disposed ? amount : ''));
  } else {
    for (let i = 0; i < (form === '4' ? 6 : 5); i++) cells.push(td(''));
  }
  cells.push(exercise, expiration);
  cells.push(td(data(underTitle, 'text', 'SmallFormData')), td(data(underAmount, 'number', 'FormData')));
  cells.push(td(isTx ? data(child(amounts, 'transactionPricePerShare'), 'price', 'SmallFormData') : ''));
  const owned = fieldAt(row, 'postTransactionAmounts/sharesOwnedFollowingTransaction') ?? fieldAt(row, 'postTransactionAmounts/valueOwnedFollowingTransaction');
  cells.push(td(data(owned, 'number', 'SmallFormData')), td(data(di, 'text', 'SmallFormData')), nature);
  return `<tr>\n${cells.join('\n')}\n</tr>`;
}

function tableII(d: Doc): string {
  const rows = rowsOf(d.root, 'derivativeTable', ['derivativeTransaction', 'derivativeHolding']).map((r) => derivativeRow(r, d.form));
  if (d.form === '3') {
    const head = `<tr>\n${headerRow(
      [
        [35, '1. Title of Derivative Security (Instr. 4)'],
        [9, '2. Date Exercisable and Expiration Date (Month/Day/Year)', 2],
        [26, '3. Title and Amount of Securities Underlying Derivative Security (Instr. 4)', 2],
        [7, '4. Conversion or Exercise Price of Derivative Security'],
        [8, '5. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)'],
        [15, '6. Nature of Indirect Beneficial Ownership (Instr. 5)'],
      ],
      () => 'MedSmallFormText',
      true,
    )}\n</tr>\n<tr>\n${subRow(
      [
        [4, 'Date Exercisable'],
        [5, 'Expiration Date'],
        [20, 'Title'],
        [6, 'Amount or Number of Shares'],
      ],
      'MedSmallFormText',
      true,
    )}\n</tr>`;
    return table(
      '<b>Table II - Derivative Securities Beneficially Owned</b><br><b>(e.g., puts, calls, warrants, options, convertible securities)</b>',
      8,
      head,
      rows,
    );
  }
  const f4 = d.form === '4';
  const cells: Head[] = [
    [13, '1. Title of Derivative Security (Instr. 3)'],
    [f4 ? 5 : 6, '2. Conversion or Exercise Price of Derivative Security'],
    [f4 ? 5 : 6, '3. Transaction Date (Month/Day/Year)'],
    [f4 ? 5 : 6, '3A. Deemed Execution Date, if any (Month/Day/Year)'],
    f4 ? [9, '4. Transaction Code (Instr. 8)', 2] : [6, '4. Transaction Code (Instr. 8)'],
    [f4 ? 10 : 12, '5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)', 2],
    [f4 ? 9 : 10, '6. Date Exercisable and Expiration Date (Month/Day/Year)', 2],
    [f4 ? 17 : 18, '7. Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)', 2],
    [f4 ? 6 : 5, '8. Price of Derivative Security (Instr. 5)'],
    [f4 ? 6 : 7, '9. Number of derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)'],
    [6, '10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)'],
    [7, '11. Nature of Indirect Beneficial Ownership (Instr. 4)'],
  ];
  const sub: [number, string][] = f4
    ? [[4, 'Code'], [4, 'V'], [5, '(A)'], [5, '(D)'], [5, 'Date Exercisable'], [4, 'Expiration Date'], [10, 'Title'], [7, 'Amount or Number of Shares']]
    : [[6, '(A)'], [6, '(D)'], [5, 'Date Exercisable'], [5, 'Expiration Date'], [12, 'Title'], [6, 'Amount or Number of Shares']];
  const head = `<tr>\n${headerRow(cells, () => 'SmallFormText', true)}\n</tr>\n<tr>\n${subRow(sub, 'SmallFormText', true)}\n</tr>`;
  return table(TABLE_II_TITLE, f4 ? 16 : 15, head, rows);
}

/** Joint filings: every reporting owner again, name and address, in a narrow bordered list. */
function ownerList(d: Doc): string {
  if (d.owners.length < 2) return '';
  const items = d.owners.map((o) => `<tr><td valign="top">\n${ownerBlock(o)}</td></tr>`);
  return `<table width="40%" border="1" cellspacing="0" cellpadding="4">\n${items.join('\n')}\n</table>\n`;
}

function explanation(d: Doc): string {
  const rows = ['<tr><td class="MedSmallFormText"><b>Explanation of Responses:</b></td></tr>'];
  for (const f of childElements(child(d.root, 'footnotes') ?? d.root, 'footnote')) {
    const id = (f.attrs['id'] ?? '').trim().replace(/^F/i, '');
    rows.push(`<tr><td class="FootnoteData">${esc(id)}. ${esc(flow(textContent(f)))}</td></tr>`);
  }
  const remarks = child(d.root, 'remarks');
  if (remarks) {
    rows.push('<tr><td class="FormText"><b>Remarks:</b></td></tr>');
    rows.push(`<tr><td class="FootnoteData">${esc(flow(textContent(remarks)))}</td></tr>`);
  }
  return `<table border="0" width="100%">\n${rows.join('\n')}\n</table>\n`;
}

function signatures(d: Doc): string {
  const sigs = childElements(d.root, 'ownerSignature').map(
    (s) => `<tr>
<td width="60%"></td>
<td width="20%"><u><span class="FormData">${esc(val(s, 'signatureName'))}</span></u></td>
<td width="20%"><u><span class="FormData">${esc(date(val(s, 'signatureDate')))}</span></u></td>
</tr>`,
  );
  const instr = d.form === '3' ? '5' : '4';
  return `<table width="100%" border="0">
${sigs.join('\n')}
<tr>
<td></td>
<td class="MedSmallFormText">** Signature of Reporting Person</td>
<td class="MedSmallFormText">Date</td>
</tr>
<tr><td colspan="3" class="MedSmallFormText">Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.</td></tr>
<tr><td colspan="3" class="MedSmallFormText">* If the form is filed by more than one reporting person, <i>see</i> Instruction ${instr} (b)(v).</td></tr>
<tr><td colspan="3" class="MedSmallFormText">** Intentional misstatements or omissions of facts constitute Federal Criminal Violations <i>See</i> 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).</td></tr>
<tr><td colspan="3" class="MedSmallFormText">Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, <i>see</i> Instruction 6 for procedure.</td></tr>
<tr><td colspan="3" class="MedSmallFormText"><b>Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB Number.</b></td></tr>
</table>\n`;
}

// ---------------------------------------------------------------------------------------------
// Entry
// ---------------------------------------------------------------------------------------------

/** Renders an ownershipDocument XML string as EDGAR's HTML page for it. */
export function renderEdgarHtml(xml: string): string {
  const root = parseXml(xml);
  if (root.name !== 'ownershipDocument') throw new Error(`root element is <${root.name}>, not <ownershipDocument>`);
  const docType = val(root, 'documentType').toUpperCase();
  const m = /^([345])(\/A)?$/.exec(docType);
  if (!m) throw new Error(`documentType ${JSON.stringify(docType)} is not a Form 3, 4 or 5`);
  const owners = childElements(root, 'reportingOwner');
  if (owners.length === 0) throw new Error('no reportingOwner');
  const d: Doc = { root, form: m[1] as Doc['form'], amendment: m[2] !== undefined, owners };
  const formLabel = `${d.form}${d.amendment ? '/A' : ''}`;
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>SEC FORM ${formLabel}</title>
${STYLE}
</head>
<body>SEC Form ${formLabel}
   ${titleBlock(d)}${headerBoxes(d)}${tableI(d)}${tableII(d)}${ownerList(d)}${explanation(d)}${signatures(d)}</body>
</html>
`;
}

async function main(argv: string[]): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    process.stderr.write('usage: render-edgar-html.ts FILE.xml\n');
    process.exitCode = 2;
    return;
  }
  process.stdout.write(renderEdgarHtml(readFileSync(files[0]!, 'utf8')));
}

const invoked = process.argv[1] ?? '';
if (/render-edgar-html\.ts$/.test(invoked)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    process.exitCode = 1;
  });
}
