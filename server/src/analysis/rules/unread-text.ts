/** The `unread-text` rule: text the reader saw but could not place in the record (a value no column took, footnote text no footnote holds, a value beside a box's date). */
import { finding, type Rule, type RuleModule } from './rule';
import { describeFurniture } from '../layout/pages';

export const META = {
  code: 'unread-text',
  level: 'hint',
  description: "Text the reader saw but could not place in the record (a value no column took), or set aside (a printed page's header or footer).",
  docs: "text the reader saw and could not place in the record (a value no column took, a dated row no grammar reads, footnote text no numbered footnote holds, a value beside the date in a date box, text of the owner's, the issuer's or the relationship box no field took) or set aside (a printed page's header, footer or page number), one finding a line",
} as const;

/** What the readers saw and could not place: one finding a line, the line's unread text in it. */
const check: Rule = ({ model }) => {
  const byLine = new Map<number, { start: number; end: number; texts: string[]; reason: string; advice?: string }>();
  for (const p of model.problems) {
    const at = byLine.get(p.line);
    if (!at) byLine.set(p.line, { start: p.start, end: p.end, texts: [p.text], reason: p.reason, advice: p.advice });
    else {
      at.start = Math.min(at.start, p.start);
      at.end = Math.max(at.end, p.end);
      at.texts.push(p.text);
    }
  }
  const unread = [...byLine].map(([line, p]) =>
    finding(META, `Not read into the record: "${p.texts.join(' ')}" (${p.reason}); ${p.advice ?? "check where the row's values stand"}.`, {
      start: { line, character: p.start },
      end: { line, character: p.end },
    }),
  );
  // Page furniture (a browser's print header and footer, page breaks) was set aside before reading: said, not hidden.
  const furniture = model.furniture.map((f) =>
    finding(META, `Not read: ${describeFurniture(f)}.`, { start: { line: f.line, character: f.start }, end: { line: f.line, character: f.end } }),
  );
  return [...unread, ...furniture];
};

const rule: RuleModule = { ...META, check };
export default rule;
