/** How the analysis writes numbers and dates into messages, fixes and outline names. */

/** 1234567.5 → "1,234,567.5", at most four decimals (toLocaleString is slow on hot paths). */
export function groupDigits(n: number): string {
  const [int, frac] = String(Math.round(n * 10000) / 10000).split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return `${sign}${out}${frac ? `.${frac}` : ''}`;
}

/** "2017-11-14" → "11/14/2017", the way the forms print dates. */
export function usDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}
