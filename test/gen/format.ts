/** Printed forms of record values, shared by the truth generator, the renderers and the tests. */

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(iso: string, days: number): string {
  const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) + days * 86400000;
  const d = new Date(t);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function daysBetween(a: string, b: string): number {
  const ta = Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10));
  const tb = Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10));
  return Math.round((tb - ta) / 86400000);
}

/** "2014-12-18" → "12/18/2014". */
export function mdy(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2014-12-18" → "December 18, 2014". */
export function longDate(iso: string): string {
  return `${MONTHS[+iso.slice(5, 7) - 1]} ${+iso.slice(8, 10)}, ${iso.slice(0, 4)}`;
}

/** Rounds away binary noise: amounts and prices carry at most 4 decimals. */
export function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** 163350 → "163,350"; 5381.2 → "5,381.2"; 196.356 → "196.356". */
export function amount(n: number): string {
  const neg = n < 0;
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

/** Price digits without "$": 2.6 → "2.6", or with fixed cents ("2.60") when asked and the value allows it. */
export function priceDigits(n: number, fixedCents = false): string {
  if (fixedCents && n !== 0 && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9) {
    const [i, f] = n.toFixed(2).split('.');
    return `${amount(Number(i))}.${f}`;
  }
  return amount(n);
}
