/**
 * The outline of one filing: header boxes, owners, Table I and II with one child per row
 * ("P 2,000 Common Stock @ $2.64 (11/14/2017)"), footnotes, signatures, remarks.
 */
import type { OutlineNode, Range } from '../types';
import type { FilingModel } from './parse';
import type { ParsedRow } from './tables';
import { groupDigits, usDate } from '../text/format';
import { BOX_LABEL_PARTS, LABEL_PATTERNS, SHORT_CAPTIONS, TABLE_HEADINGS } from '../vocabulary/wording';

/** A printed label as a caption: its first letter capital, the others lower case. */
const sentenceCase = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();

const P = BOX_LABEL_PARTS;
/** Each box's outline caption, in the printed label's words (the period box as Form 4 words it). */
const BOX_TITLES: Record<string, string> = Object.fromEntries(
  Object.entries({
    'box.reportingPerson': P.nameAndAddress,
    'box.issuer': LABEL_PATTERNS['box.issuer'].at(-1)!,
    'box.periodOfReport': P.earliestTransaction,
    'box.amendment': `${P.ifAmendment}, ${SHORT_CAPTIONS.dateOfOriginal}`,
    'box.relationship': `${P.relationship.split(' ')[0]} ${P.toIssuer}`,
    'box.jointFiling': `${P.individualOr} ${P.joint} ${P.filing}`,
  }).map(([key, label]) => [key, sentenceCase(label)]),
);

/** The tables' outline captions. */
const TABLE_TITLES = {
  nonDerivative: `${TABLE_HEADINGS.tableI} — ${sentenceCase(TABLE_HEADINGS.nonDerivative)}`,
  derivative: `${TABLE_HEADINGS.tableII} — ${sentenceCase(TABLE_HEADINGS.derivative)}`,
};

function fmtNumber(n: number | null): string | null {
  return n === null ? null : groupDigits(n);
}



/** "P 2,000 Common Stock @ $2.64 (11/14/2017)", "163,350 Common Stock (D)". */
export function rowName(row: ParsedRow): string {
  const r = row.record;
  const parts: string[] = [];
  if (row.kind === 'transaction') {
    parts.push(r.transactionCode ?? '?');
    const shares = fmtNumber(r.shares);
    if (shares) parts.push(shares);
    parts.push(r.securityTitle ?? '(untitled)');
    if (r.pricePerShare !== null) parts.push(`@ $${fmtNumber(r.pricePerShare)}`);
    if (r.transactionDate) parts.push(`(${usDate(r.transactionDate)})`);
  } else {
    const owned = fmtNumber('underlyingShares' in r && r.sharesOwnedFollowing === null ? r.underlyingShares : r.sharesOwnedFollowing);
    if (owned) parts.push(owned);
    parts.push(r.securityTitle ?? '(untitled)');
    if (r.directOrIndirect) parts.push(`(${r.directOrIndirect})`);
  }
  return parts.join(' ');
}

function node(name: string, kind: OutlineNode['kind'], range: Range, children: OutlineNode[] = [], detail?: string, pointer?: string, selectionRange?: Range): OutlineNode {
  return { name, kind, range, selectionRange: selectionRange ?? range, children, ...(detail ? { detail } : {}), ...(pointer ? { pointer } : {}) };
}

function cover(ranges: Range[]): Range | null {
  if (!ranges.length) return null;
  let start = ranges[0].start;
  let end = ranges[0].end;
  for (const r of ranges) {
    if (r.start.line < start.line || (r.start.line === start.line && r.start.character < start.character)) start = r.start;
    if (r.end.line > end.line || (r.end.line === end.line && r.end.character > end.character)) end = r.end;
  }
  return { start, end };
}

export function buildOutline(model: FilingModel, filingRange: Range): OutlineNode {
  const children: OutlineNode[] = [];
  const rec = model.record;
  const boxes = model.header.labels
    .filter((l) => BOX_TITLES[l.key])
    .map((l) => node(BOX_TITLES[l.key], 'box', l.range));
  const headerRange = cover(boxes.map((b) => b.range));
  if (headerRange) children.push(node('Header', 'section', headerRange, boxes));
  const owners = model.owners.map((o, i) =>
    node(o.record.name ?? `Owner ${i + 1}`, 'owner', o.range, [], [o.record.isDirector && 'Director', o.record.isOfficer && (o.record.officerTitle ?? 'Officer'), o.record.isTenPercentOwner && '10% Owner', o.record.isOther && (o.record.otherText ?? 'Other')].filter(Boolean).join(', ') || undefined, `/reportingOwners/${i}`),
  );
  const ownersRange = cover(owners.map((o) => o.range));
  if (ownersRange) children.push(node('Reporting owners', 'section', ownersRange, owners));
  for (const [table, title, kind] of [
    ['nonDerivative', TABLE_TITLES.nonDerivative, 'tableI'],
    ['derivative', TABLE_TITLES.derivative, 'tableII'],
  ] as const) {
    const section = model.sections.find((s) => s.kind === kind);
    const rows = model.rows.filter((r) => r.table === table).map((r) => node(rowName(r), 'row', r.range, [], undefined, `/${table}/${r.index}`));
    const range = cover([...(section ? [section.headingRange] : []), ...rows.map((r) => r.range)]);
    if (range) children.push(node(title, 'section', range, rows, `${rows.length} row${rows.length === 1 ? '' : 's'}`, undefined, section?.headingRange));
  }
  const notes = model.footnotes.map((f, i) => node(`(${f.id}) ${f.text.length > 60 ? `${f.text.slice(0, 57)}...` : f.text}`, 'footnote', f.range, [], undefined, `/footnotes/${i}`, f.markerRange));
  const notesRange = cover(notes.map((n) => n.range));
  if (notesRange) children.push(node('Footnotes', 'section', notesRange, notes));
  if (model.remarks.range) children.push(node('Remarks', 'section', model.remarks.range, [], undefined, '/remarks'));
  const sigs = model.signatures.map((s, i) => node(s.name ?? 'Signature', 'signature', s.range, [], s.date ?? undefined, `/signatures/${i}`));
  const sigRange = cover(sigs.map((s) => s.range));
  if (sigRange) children.push(node('Signatures', 'section', sigRange, sigs));
  const name = `Form ${rec.formType ?? '?'}${rec.issuer.name ? ` — ${rec.issuer.name}` : ''}${rec.issuer.tradingSymbol ? ` [${rec.issuer.tradingSymbol}]` : ''}`;
  const detail = rec.reportingOwners[0]?.name ?? undefined;
  return node(name, 'filing', filingRange, children, detail, '', model.titleRange ?? { start: filingRange.start, end: filingRange.start });
}
