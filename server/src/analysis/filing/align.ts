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
import { TextMemo } from '../text/memo';
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
/** Extra cost of a text column without a word (more than an empty title costs). */
const WORDLESS_TEXT = 1.6;
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
      // "(A)" / "(D)" alone: the sub-column labels glued into the row.
      return t.paren ? 0.3 : 0.7;
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
      // Codes are printed bare ("P", "A(1)"); "(A)" in a row is the (A)/(D) label glued in.
      if (t.type !== 'letter' || t.paren) return INF;
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

/** Cost of an amount with thousands separators inside a text column. */
const GROUPED_IN_TEXT = 1;

/** "1,386", "19,066,032": an amount with thousands separators. */
function isGrouped(text: string): boolean {
  return /^\d{1,3},\d{3}/.test(text);
}

/** Cost of a token inside a text column (title, nature); INF when it cannot be text. */
function textCost(t: Token, first: boolean, prev: Token | undefined): number {
  switch (t.type) {
    case 'word':
      return 0;
    case 'letter':
      // "(A)", "(D)": labels of the amount's sub-columns, not words of a title.
      if (t.paren) return 0.8;
      if (first) return 0.3;
      // "Series A", "Class B": a letter after a word. After an amount it is a code or (A)/(D)
      // of a flattened row whose date was lost ("Common Stock M 5,335 A $0").
      return prev && prev.type === 'number' ? 0.6 : 0.05;
    case 'number':
      // An amount written with thousands separators is a row's value (shares, amounts owned): a
      // title that names one ("Warrant to buy 10,000 shares") is rare, and a text column that takes
      // one more often swallowed the values of the columns around it.
      if (isGrouped(t.text)) return GROUPED_IN_TEXT;
      // "Convertible Notes due 2028": a number in the same cell as the words before it.
      if (first) return 0.6;
      if (prev && prev.cell === t.cell && prev.type === 'word' && prev.line === t.line) return 0.05;
      return prev && prev.type === 'letter' ? 0.5 : 0.35;
    case 'money':
      // "Common Shares, par value $0.01 per share": a price inside a title.
      return first ? INF : 0.5;
    case 'ref':
      return first ? INF : 0;
    default:
      return INF;
  }
}

/** How a DP cell was reached (back pointers, kept in typed arrays: rows are aligned by the thousand). */
enum How {
  Drop = 1,
  Empty,
  Explicit,
  Value,
  Text,
  Placeholder,
}

interface Table {
  cost: Float64Array;
  kind: Uint8Array;
  fromJ: Int32Array;
  fromI: Int32Array;
  width: number;
}

/**
 * The alignment of a row as token indices, valid for every row whose tokens look the same to
 * the cost functions (see {@link shapeOf}): rows of one layout repeat their shape, so most rows
 * reuse the plan of an earlier one instead of running the program again.
 */
interface Plan {
  cost: number;
  /** Per slot: first and end token index of its value (from === to: none). */
  from: Int32Array;
  to: Int32Array;
  footnoteOnly: Uint8Array;
  explicitEmpty: Uint8Array;
  dropped: number[];
}

function wordClass(text: string): string {
  if (isPunctuationOnly(text)) return 'p';
  if (/^immed/i.test(text)) return 'm';
  if (/^(direct|indirect)$/i.test(text)) return 'r';
  return 'w';
}

/**
 * Everything about the tokens that the costs below read: the type, the letter or the class of a
 * word, superscript references, and whether a token shares its cell and line with the one before.
 */
export function shapeOf(tokens: Token[]): string {
  let shape = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const sameCell = prev !== undefined && prev.cell === t.cell;
    const sameLine = prev !== undefined && prev.line === t.line;
    shape += `${t.type === 'word' ? wordClass(t.text) : t.type === 'number' && isGrouped(t.text) ? 'ng' : t.type === 'letter' || t.type === 'check' ? `${t.type[0]}${t.text}${t.paren ? '()' : ''}` : t.type}${t.superscript ? '^' : ''}${sameCell ? '=' : ''}${sameLine ? '_' : ''},`;
  }
  return shape;
}

const grammarIds = new WeakMap<readonly Slot[], number>();
let nextGrammarId = 0;
/** Plans by grammar and shape, bounded like the line memos (shapes seen once fall out). */
const plans = new TextMemo<Plan>(20000);

/** Aligns row tokens to a column grammar. */
export function align(allTokens: Token[], slots: readonly Slot[]): Alignment {
  const tokens = allTokens.length > MAX_TOKENS ? allTokens.slice(0, MAX_TOKENS) : allTokens;
  let id = grammarIds.get(slots);
  if (id === undefined) grammarIds.set(slots, (id = nextGrammarId++));
  const key = `${id}:${shapeOf(tokens)}`;
  return materialize(
    plans.get(key, () => planAlignment(tokens, slots)),
    tokens,
    slots,
  );
}

/**
 * One row's tokens under several grammars: each plan's cost, and its alignment built only when
 * asked (a row is read under every variant of its table and keeps one). The tokens' shape is
 * computed once for all; each plan and alignment is the one {@link align} gives.
 */
export function alignEach(allTokens: Token[], grammars: readonly (readonly Slot[])[]): { cost: number; alignment: () => Alignment }[] {
  const tokens = allTokens.length > MAX_TOKENS ? allTokens.slice(0, MAX_TOKENS) : allTokens;
  const shape = shapeOf(tokens);
  return grammars.map((slots) => {
    let id = grammarIds.get(slots);
    if (id === undefined) grammarIds.set(slots, (id = nextGrammarId++));
    const plan = plans.get(`${id}:${shape}`, () => planAlignment(tokens, slots));
    let built: Alignment | undefined;
    return { cost: plan.cost, alignment: () => (built ??= materialize(plan, tokens, slots)) };
  });
}

/** The same alignment computed afresh, without the plan cache (tests compare the two). */
export function alignUncached(allTokens: Token[], slots: readonly Slot[]): Alignment {
  const tokens = allTokens.length > MAX_TOKENS ? allTokens.slice(0, MAX_TOKENS) : allTokens;
  return materialize(planAlignment(tokens, slots), tokens, slots);
}

function materialize(plan: Plan, tokens: Token[], slots: readonly Slot[]): Alignment {
  const fills: SlotFill[] = slots.map((slot, j) => ({
    slot,
    tokens: plan.from[j] < plan.to[j] ? tokens.slice(plan.from[j], plan.to[j]) : [],
    footnoteOnly: plan.footnoteOnly[j] === 1,
    explicitEmpty: plan.explicitEmpty[j] === 1,
  }));
  return { cost: plan.cost, fills, dropped: plan.dropped.map((i) => tokens[i]) };
}

/** The dynamic program proper. */
function planAlignment(tokens: Token[], slots: readonly Slot[]): Plan {
  const n = tokens.length;
  const m = slots.length;
  const width = n + 1;
  const size = (m + 1) * width;
  const t: Table = { cost: new Float64Array(size).fill(INF), kind: new Uint8Array(size), fromJ: new Int32Array(size), fromI: new Int32Array(size), width };
  const { cost, kind, fromJ, fromI } = t;
  cost[0] = 0;
  const relax = (k: number, c: number, how: How, j: number, i: number) => {
    if (c < cost[k]) {
      cost[k] = c;
      kind[k] = how;
      fromJ[k] = j;
      fromI[k] = i;
    }
  };
  for (let j = 0; j <= m; j++) {
    for (let i = 0; i <= n; i++) {
      const here = cost[j * width + i];
      if (here === INF) continue;
      if (i < n) relax(j * width + i + 1, here + dropCost(tokens, i), How.Drop, j, i);
      if (j === m) continue;
      const slot = slots[j];
      const next = (j + 1) * width;
      relax(next + i, here + slot.empty, How.Empty, j, i);
      if (i >= n) continue;
      const tok = tokens[i];
      if (tok.type === 'empty') {
        relax(next + i + 1, here, How.Explicit, j, i);
        continue;
      }
      if (tok.type === 'ref') {
        if (slot.placeholder < INF) relax(next + i + 1, here + slot.placeholder, How.Placeholder, j, i);
        continue;
      }
      if (slot.kind === 'text') {
        let c = here;
        let words = false;
        for (let k = i; k < n; k++) {
          const tk = tokens[k];
          const tc = textCost(tk, k === i, tokens[k - 1]);
          if (tc === INF) break;
          c += tc;
          if (k > i && tk.cell !== tokens[k - 1].cell) c += 0.15;
          if (tk.type === 'word') words = true;
          // A title or nature without a word (a bare amount, a code letter and a price: "P A
          // $93.60") is no text: those values belong to their columns and the text cell came out
          // empty. Only a text that goes on with a word may start so ("2028 Notes").
          const wordless = !words && (k + 1 >= n || tokens[k + 1].type !== 'word');
          if (tk.type !== 'ref') relax(next + k + 1, c + (wordless ? WORDLESS_TEXT : 0), How.Text, j, i);
        }
      } else {
        const fc = fitCost(slot, tok);
        if (fc < INF) relax(next + i + 1, here + fc, How.Value, j, i);
      }
    }
  }
  return rebuild(tokens.length, slots.length, t);
}

function rebuild(n: number, m: number, t: Table): Plan {
  const plan: Plan = { cost: t.cost[m * t.width + n], from: new Int32Array(m), to: new Int32Array(m), footnoteOnly: new Uint8Array(m), explicitEmpty: new Uint8Array(m), dropped: [] };
  let j = m;
  let i = n;
  while (j > 0 || i > 0) {
    const k = j * t.width + i;
    const how = t.kind[k];
    if (!how) break;
    const bj = t.fromJ[k];
    const bi = t.fromI[k];
    switch (how) {
      case How.Drop:
        for (let x = i - 1; x >= bi; x--) plan.dropped.push(x);
        break;
      case How.Explicit:
        plan.explicitEmpty[bj] = 1;
        break;
      case How.Placeholder:
        plan.footnoteOnly[bj] = 1;
        plan.from[bj] = bi;
        plan.to[bj] = i;
        break;
      case How.Value:
      case How.Text:
        plan.from[bj] = bi;
        plan.to[bj] = i;
        break;
      default:
        break;
    }
    j = bj;
    i = bi;
  }
  plan.dropped.reverse();
  return plan;
}
