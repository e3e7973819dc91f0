/**
 * Aligning the tokens of one table row to the columns of the form.
 *
 * Converters lose cells, glue header words into cells, split one cell in two, or flatten a row
 * into single-spaced text. Positions alone cannot be trusted, and neither can types alone (an
 * "A" is a code in one column and a direction in the next). So a row is matched against the
 * form's column sequence (a grammar) by a small dynamic program: each token goes to one column
 * or is dropped, each column takes a value, an explicitly empty cell, or nothing, and the
 * cheapest assignment wins. Costs encode what real filings look like (a footnote alone in the
 * exercisable-date column is normal, in the transaction-date column it is rare, and so on).
 * Work is O(columns × tokens²) per row with tokens capped, so linear in the document.
 */
import type { Token } from '../text/cells';
import { isTransactionCode } from '../domain/codes';

export type SlotKind =
  | 'text' // security title, underlying title, nature of ownership: one or more words
  | 'date' // a date; a footnote alone may stand in for it
  | 'code' // transaction code letter
  | 'v' // the V column of Form 4
  | 'number' // share amounts
  | 'money' // prices
  | 'ad' // (A) or (D)
  | 'di'; // Direct (D) or Indirect (I)

export interface Slot {
  /** Field name in the record, or a pseudo-field ('sharesA', 'sharesD', 'v'). */
  field: string;
  kind: SlotKind;
  /** Cost when the row gives this column nothing at all. */
  empty: number;
  /** Cost of a lone footnote reference standing in for the value (Infinity: never). */
  placeholder: number;
}

export interface SlotFill {
  slot: Slot;
  /** Value tokens (words of a text column, or the single value token). Empty when null. */
  tokens: Token[];
  /** A lone footnote reference stood in for the value. */
  footnoteOnly: boolean;
  /** The column is there but its cell is empty (tabbed and grid layouts). */
  explicitEmpty: boolean;
}

export interface Alignment {
  cost: number;
  fills: SlotFill[];
  dropped: Token[];
}

const INF = Number.POSITIVE_INFINITY;
/** Rows longer than this are not real rows; the rest of the line is ignored. */
const MAX_TOKENS = 120;

function isPunctuationOnly(text: string): boolean {
  return !/[A-Za-z0-9]/.test(text);
}

function dropCost(tokens: Token[], i: number): number {
  const t = tokens[i];
  switch (t.type) {
    case 'empty':
      return 0.04;
    case 'ref': {
      // A reference next to a value in its cell annotates that value; alone, it may stand in
      // for a value (a footnoted date or price), so dropping it costs more.
      const prev = tokens[i - 1];
      const annotates = prev && prev.cell === t.cell && prev.type !== 'empty';
      if (annotates) return t.superscript ? 0 : 0.05;
      return 0.25;
    }
    case 'word':
      return isPunctuationOnly(t.text) ? 0.05 : 0.9;
    case 'letter':
      return 0.7;
    case 'check':
      return 0.5;
    default:
      return 1.2;
  }
}

/** Cost of one value token in a single-token column; INF when it cannot go there. */
function fitCost(slot: Slot, t: Token): number {
  switch (slot.kind) {
    case 'date':
      if (t.type === 'date') return 0;
      if (t.type === 'word' && /^immed/i.test(t.text)) return 0.1;
      return INF;
    case 'code':
      if (t.type !== 'letter') return INF;
      return isTransactionCode(t.text) ? 0 : 0.6;
    case 'v':
      if (t.type === 'letter' && t.text === 'V') return 0;
      if (t.type === 'check' && t.text === '☒') return 0.2;
      return INF;
    case 'number':
      if (t.type === 'number') return 0;
      if (t.type === 'money') return 0.8;
      return INF;
    case 'money':
      if (t.type === 'money') return 0;
      if (t.type === 'number') return 0.25;
      return INF;
    case 'ad':
      return t.type === 'letter' && (t.text === 'A' || t.text === 'D') ? 0 : INF;
    case 'di':
      if (t.type === 'letter' && (t.text === 'D' || t.text === 'I')) return 0;
      if (t.type === 'word' && /^(direct|indirect)$/i.test(t.text)) return 0.1;
      return INF;
    default:
      return INF;
  }
}

/** Cost of a token inside a text column (title, nature); INF when it cannot be text. */
function textCost(t: Token, first: boolean, prev: Token | undefined): number {
  switch (t.type) {
    case 'word':
      return 0;
    case 'letter':
      return first ? 0.3 : 0.05;
    case 'number':
      // "Convertible Notes due 2028": a number in the same cell as the words before it.
      if (first) return 0.6;
      return prev && prev.cell === t.cell && prev.type === 'word' && prev.line === t.line ? 0.05 : 0.35;
    case 'money':
      // "Common Shares, par value $0.01 per share": a price inside a title.
      return first ? INF : 0.5;
    case 'ref':
      return first ? INF : 0;
    default:
      return INF;
  }
}

interface Back {
  kind: 'drop' | 'empty' | 'explicit' | 'value' | 'text' | 'placeholder';
  fromJ: number;
  fromI: number;
}

/** Aligns row tokens to a column grammar. */
export function align(allTokens: Token[], slots: readonly Slot[]): Alignment {
  const tokens = allTokens.length > MAX_TOKENS ? allTokens.slice(0, MAX_TOKENS) : allTokens;
  const n = tokens.length;
  const m = slots.length;
  const width = n + 1;
  const cost = new Float64Array((m + 1) * width).fill(INF);
  const back: (Back | undefined)[] = new Array((m + 1) * width);
  const at = (j: number, i: number) => j * width + i;
  cost[at(0, 0)] = 0;
  const relax = (j: number, i: number, c: number, b: Back) => {
    const k = at(j, i);
    if (c < cost[k]) {
      cost[k] = c;
      back[k] = b;
    }
  };
  for (let j = 0; j <= m; j++) {
    for (let i = 0; i <= n; i++) {
      const here = cost[at(j, i)];
      if (here === INF) continue;
      if (i < n) relax(j, i + 1, here + dropCost(tokens, i), { kind: 'drop', fromJ: j, fromI: i });
      if (j === m) continue;
      const slot = slots[j];
      relax(j + 1, i, here + slot.empty, { kind: 'empty', fromJ: j, fromI: i });
      if (i >= n) continue;
      const t = tokens[i];
      if (t.type === 'empty') {
        relax(j + 1, i + 1, here, { kind: 'explicit', fromJ: j, fromI: i });
        continue;
      }
      if (t.type === 'ref') {
        if (slot.placeholder < INF) relax(j + 1, i + 1, here + slot.placeholder, { kind: 'placeholder', fromJ: j, fromI: i });
        continue;
      }
      if (slot.kind === 'text') {
        let c = here;
        for (let k = i; k < n; k++) {
          const tk = tokens[k];
          const tc = textCost(tk, k === i, tokens[k - 1]);
          if (tc === INF) break;
          c += tc;
          if (k > i && tk.cell !== tokens[k - 1].cell) c += 0.15;
          if (tk.type !== 'ref') relax(j + 1, k + 1, c, { kind: 'text', fromJ: j, fromI: i });
        }
      } else {
        const fc = fitCost(slot, t);
        if (fc < INF) relax(j + 1, i + 1, here + fc, { kind: 'value', fromJ: j, fromI: i });
      }
    }
  }
  return rebuild(tokens, slots, cost[at(m, n)], back, width);
}

function rebuild(tokens: Token[], slots: readonly Slot[], total: number, back: (Back | undefined)[], width: number): Alignment {
  const fills: SlotFill[] = slots.map((slot) => ({ slot, tokens: [], footnoteOnly: false, explicitEmpty: false }));
  const dropped: Token[] = [];
  let j = slots.length;
  let i = tokens.length;
  while (j > 0 || i > 0) {
    const b = back[j * width + i];
    if (!b) break;
    const taken = tokens.slice(b.fromI, i);
    switch (b.kind) {
      case 'drop':
        dropped.push(...taken);
        break;
      case 'explicit':
        fills[b.fromJ].explicitEmpty = true;
        break;
      case 'placeholder':
        fills[b.fromJ].footnoteOnly = true;
        fills[b.fromJ].tokens = taken;
        break;
      case 'value':
      case 'text':
        fills[b.fromJ].tokens = taken;
        break;
      default:
        break;
    }
    j = b.fromJ;
    i = b.fromI;
  }
  dropped.reverse();
  return { cost: total, fills, dropped };
}
