/**
 * The status bar text for an active filing: form type(s) and problem counts. Pure.
 */
export interface Counts {
  errors: number;
  warnings: number;
}

/** `Form 4`, `Form 4 ×2`, `Forms 3, 4`; a placeholder when the records are not known yet. */
export function formLabel(formTypes: readonly (string | null)[] | undefined): string {
  if (!formTypes || formTypes.length === 0) return 'Form 3/4/5';
  const known = formTypes.map((f) => f ?? '?');
  const distinct = [...new Set(known)];
  if (distinct.length === 1) return known.length > 1 ? `Form ${distinct[0]} ×${known.length}` : `Form ${distinct[0]}`;
  return `Forms ${distinct.join(', ')}`;
}

/** Codicons render the counts like the built-in problems indicator. */
export function statusText(formTypes: readonly (string | null)[] | undefined, counts: Counts): string {
  return `$(file-text) ${formLabel(formTypes)}  $(error) ${counts.errors}  $(warning) ${counts.warnings}`;
}

export function statusTooltip(formTypes: readonly (string | null)[] | undefined, counts: Counts): string {
  const e = counts.errors === 1 ? '1 error' : `${counts.errors} errors`;
  const w = counts.warnings === 1 ? '1 warning' : `${counts.warnings} warnings`;
  return `${formLabel(formTypes)}: ${e}, ${w}. Click to open the Problems panel.`;
}
