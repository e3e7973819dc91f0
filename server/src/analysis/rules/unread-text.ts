/** The `unread-text` rule: text the reader saw in a table but could not place in the record (a value no column took). */
import { finding, type Rule, type RuleModule } from './rule';

export const META = {
  code: 'unread-text',
  level: 'hint',
  description: 'Text the reader saw in a table but could not place in the record (a value no column took).',
  docs: 'text of a table the reader saw and could not place in the record (a value no column took, a dated row no grammar reads), one finding a line',
} as const;

/** What the readers saw and could not place: one finding a line, the line's unread text in it. */
const check: Rule = ({ model }) => {
  const byLine = new Map<number, { start: number; end: number; texts: string[]; reason: string }>();
  for (const p of model.problems) {
    const at = byLine.get(p.line);
    if (!at) byLine.set(p.line, { start: p.start, end: p.end, texts: [p.text], reason: p.reason });
    else {
      at.start = Math.min(at.start, p.start);
      at.end = Math.max(at.end, p.end);
      at.texts.push(p.text);
    }
  }
  return [...byLine].map(([line, p]) =>
    finding(META, `Not read into the record: "${p.texts.join(' ')}" (${p.reason}); check where the row's values stand.`, {
      start: { line, character: p.start },
      end: { line, character: p.end },
    }),
  );
};

const rule: RuleModule = { ...META, check };
export default rule;
