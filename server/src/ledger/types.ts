/**
 * The holdings ledger across filings: what it reads from each filing (a compact extract that
 * crosses worker threads and is kept per file by the language server) and what it builds.
 *
 * Pure data; no `vscode`, no LSP connection. Ranges are 0-based like the analysis.
 */
import type { AcquiredDisposed, DirectIndirect, FormType, Range } from '../analysis/types';

/** One Table I row as the ledger needs it. */
export interface LedgerRow {
  /** Index of the row in the filing's `nonDerivative` records. */
  index: number;
  kind: 'transaction' | 'holding';
  security: string | null;
  date: string | null;
  code: string | null;
  shares: number | null;
  acquiredDisposed: AcquiredDisposed | null;
  price: number | null;
  reported: number | null;
  directOrIndirect: DirectIndirect | null;
  nature: string | null;
  /** The row in the text. */
  range: Range;
  /** The amount-owned-following value in the text, when it was read. */
  balanceRange: Range | null;
  /** That value as written ("12,500"). */
  balanceRaw: string | null;
}

/** One filing as the ledger needs it. */
export interface LedgerFiling {
  /** Path or URI of the file that holds it. */
  file: string;
  /** Position of the filing in its file (0 for the first). */
  index: number;
  formType: FormType | null;
  period: string | null;
  owners: string[];
  issuerName: string | null;
  tradingSymbol: string | null;
  signatureDate: string | null;
  /** The `late-filing` rule found this Form 4 late. */
  late: boolean;
  /** Transactions (both tables) of a late Form 4 signed after their own due date. */
  lateTransactions: number;
  rows: LedgerRow[];
  /** Range of the whole filing (for reports about the filing itself). */
  range: Range;
}

// ---------------------------------------------------------------------------------------------
// What the ledger builds.
// ---------------------------------------------------------------------------------------------

export interface Entry {
  filing: LedgerFiling;
  row: LedgerRow;
  /** The balance this entry should show, from the previous one; null when not computable. */
  computed: number | null;
  /** The entry this one follows from (same position), or null for the opening entry. */
  prev: Entry | null;
  isBreak: boolean;
}

export interface Position {
  /** The title as first written. */
  security: string;
  directOrIndirect: DirectIndirect;
  nature: string | null;
  entries: Entry[];
  /** The last known balance is not zero: still held, or no longer reported (not a break). */
  open: boolean;
}

export interface SwingSide {
  entry: Entry;
  date: string;
  shares: number;
  price: number;
}

export interface SwingPair {
  purchase: SwingSide;
  sale: SwingSide;
  shares: number;
  /** In cents, so sums are exact. */
  profitCents: number;
}

export interface Unmatchable {
  entry: Entry;
  reason: string;
}

export interface ShortSwing {
  pairs: SwingPair[];
  profitCents: number;
  unmatchable: Unmatchable[];
  /** Table I transactions with codes other than P and S, counted per code (not matched). */
  otherCodes: Record<string, number>;
}

export interface GroupFiling {
  filing: LedgerFiling;
  /** An amendment of the same form and period replaces it in the ledger. */
  superseded: boolean;
  /**
   * Another copy of the same filing (same form, period, signature date and Table I transactions:
   * the same filing converted twice, or saved twice) stands before it; it is left out.
   */
  duplicate: boolean;
}

export interface Group {
  owner: string;
  issuer: string;
  ownerKey: string;
  issuerKey: string;
  filings: GroupFiling[];
  positions: Position[];
  breaks: Entry[];
  shortSwing: ShortSwing;
  late: { reports: number; transactions: number };
}

/** A filing or row the ledger could not place in a group or a position, and why. */
export interface Unplaced {
  filing: LedgerFiling;
  row: LedgerRow | null;
  reason: string;
}

export interface Ledger {
  groups: Group[];
  unplaced: Unplaced[];
}
