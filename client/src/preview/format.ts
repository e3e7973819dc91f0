/**
 * How record values read in the preview and in exports: one place, so both say the same.
 * Pure. Dates stay ISO (the record's own form, unambiguous across locales); amounts are plain
 * numbers with digit grouping; prices carry a dollar sign and at least two decimals.
 */
import type { AcquiredDisposed, DirectIndirect, FormType, RowKind } from '../../../server/src/analysis/types';

/** Shown for a value the text does not give (null in the record). */
export const MISSING = '—';

export function formatDate(iso: string | null): string {
  return iso ?? MISSING;
}

export function formatAmount(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return MISSING;
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

export function formatPrice(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return MISSING;
  return '$' + n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 6 });
}

export function formatBoolean(b: boolean | null): string {
  return b === null ? MISSING : b ? 'Yes' : 'No';
}

export function spellAcquiredDisposed(v: AcquiredDisposed | null): string {
  return v === 'A' ? 'Acquired (A)' : v === 'D' ? 'Disposed of (D)' : MISSING;
}

export function spellDirectIndirect(v: DirectIndirect | null): string {
  return v === 'D' ? 'Direct (D)' : v === 'I' ? 'Indirect (I)' : MISSING;
}

export function spellKind(kind: RowKind): string {
  return kind === 'transaction' ? 'Transaction' : 'Holding';
}

export function formTitle(formType: FormType | null): string {
  return formType ? `Form ${formType}` : 'Form 3/4/5';
}

export function text(s: string | null | undefined): string {
  return s === null || s === undefined || s.trim() === '' ? MISSING : s;
}
