/** The `invalid-date` rule: a date that does not exist (13/45/2020) or lies in the future. */
import type { Finding, Range } from '../types';
import { finding, type Rule, type RuleModule, readFromImage, replaceFix, rowPointer } from './rule';
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

/**
 * OCR misreads digits (0 as 4 or 9, 1 as 7): in text read from a printed image an impossible date is
 * more likely a misreading than the filer's, so it is a hint to check the page, its fixes offered.
 */
const check: Rule = ({ model, today }) => {
  const out: Finding[] = [];
  let ocr: boolean | undefined;
  const misread = () => ((ocr ??= readFromImage(model)) ? { severity: 'hint' as const } : {});
  const note = (extra: { severity?: string }) => (extra.severity ? ' (OCR text: check the page, it may be misread)' : '');
  for (const cell of allDateCells(model)) {
    const parsed = parseUsDate(cell.raw);
    if (!parsed) continue;
    if (parsed.iso === null) {
      const fixes = dateCandidates(cell.raw).map((iso, i) => replaceFix(`Change to ${formatDateLike(iso, cell.raw)}`, cell.range, formatDateLike(iso, cell.raw), i === 0));
      const extra = misread();
      out.push(finding(META, `${cell.raw} is not a real date${note(extra)}; correct the month or day.`, cell.range, { pointer: cell.pointer, fixes, ...extra }));
    } else if (parsed.iso > today && !cell.pointer.endsWith('/expirationDate') && !cell.pointer.endsWith('/dateExercisable')) {
      const extra = misread();
      out.push(finding(META, `${cell.raw} lies in the future${note(extra)}; a filing reports dates that have passed.`, cell.range, { pointer: cell.pointer, ...extra }));
    }
  }
  return out;
};

const rule: RuleModule = { ...META, check };
export default rule;
