/** The `invalid-date` rule: a date that does not exist (13/45/2020) or lies in the future. */
import type { Finding, Range } from '../types';
import { finding, type Rule, type RuleModule, replaceFix, rowPointer } from './rule';
import type { FilingModel } from '../filing/parse';
import { dateCandidates, formatDateLike, parseUsDate } from '../domain/calendar';

export const META = {
  code: 'invalid-date',
  level: 'error',
  description: 'A date that does not exist (13/45/2020) or lies in the future.',
  docs: 'a date that cannot exist, or lies in the future; fixes: plausible dates',
} as const;

interface DateCell {
  raw: string;
  range: Range;
  pointer: string;
}

function allDateCells(model: FilingModel): DateCell[] {
  const cells: DateCell[] = [];
  for (const d of model.header.dateCells) cells.push({ raw: d.raw, range: d.range, pointer: `/${d.field}` });
  for (const r of model.rows) for (const d of r.dates) cells.push({ raw: d.raw, range: d.range, pointer: `${rowPointer(r)}/${d.field}` });
  model.signatures.forEach((s, i) => {
    if (s.rawDate && s.dateRange) cells.push({ raw: s.rawDate, range: s.dateRange, pointer: `/signatures/${i}/date` });
  });
  return cells;
}

const check: Rule = ({ model, today }) => {
  const out: Finding[] = [];
  for (const cell of allDateCells(model)) {
    const parsed = parseUsDate(cell.raw);
    if (!parsed) continue;
    if (parsed.iso === null) {
      const fixes = dateCandidates(cell.raw).map((iso, i) => replaceFix(`Change to ${formatDateLike(iso, cell.raw)}`, cell.range, formatDateLike(iso, cell.raw), i === 0));
      out.push(finding(META, `${cell.raw} is not a real date; correct the month or day.`, cell.range, { pointer: cell.pointer, fixes }));
    } else if (parsed.iso > today && !cell.pointer.endsWith('/expirationDate') && !cell.pointer.endsWith('/dateExercisable')) {
      out.push(finding(META, `${cell.raw} lies in the future; a filing reports dates that have passed.`, cell.range, { pointer: cell.pointer }));
    }
  }
  return out;
};

const rule: RuleModule = { ...META, check };
export default rule;
