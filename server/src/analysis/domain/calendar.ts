/**
 * Dates as Section 16 filings need them: parsing the US-style dates printed on the forms,
 * recognising impossible ones (and guessing what was meant), and counting business days for the
 * Form 4 deadline (two business days after the transaction; weekends and federal holidays do not
 * count).
 *
 * All arithmetic works on day numbers (days since 1970-01-01) so no time zone can shift a date.
 * ISO strings (YYYY-MM-DD) are the currency between modules.
 */

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month m (1–12) of year y. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_LENGTHS[m - 1] ?? 0;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The ISO date, or null when the date does not exist (month 13, February 30, ...). */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

// --- day numbers ---------------------------------------------------------------------------------

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link dayNumber}. */
function civilFromDay(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** 0 = Sunday ... 6 = Saturday. */
function weekdayOfDay(z: number): number {
  return (((z + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

function isoFromDay(z: number): string {
  const { y, m, d } = civilFromDay(z);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Day number of a valid ISO date, else null. */
function dayFromIso(iso: string): number | null {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return null;
  const y = toInt(iso.slice(0, 4));
  const m = toInt(iso.slice(5, 7));
  const d = toInt(iso.slice(8, 10));
  if (y === null || m === null || d === null || isoDate(y, m, d) === null) return null;
  return dayNumber(y, m, d);
}

/** Non-negative integer from a string of ASCII digits only, else null. */
function toInt(s: string): number | null {
  if (s.length === 0) return null;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    n = n * 10 + c;
  }
  return n;
}

/** English weekday name of a valid ISO date, else null. */
export function weekdayName(iso: string): string | null {
  const z = dayFromIso(iso);
  return z === null ? null : WEEKDAY_NAMES[weekdayOfDay(z)] ?? null;
}

// --- parsing -------------------------------------------------------------------------------------

export interface ParsedDate {
  /** Null when the numbers do not make a real date (02/30/2019). */
  iso: string | null;
  y: number;
  m: number;
  d: number;
}

const MONTH_NAMES: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3],
  ['april', 4], ['apr', 4], ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7],
  ['august', 8], ['aug', 8], ['september', 9], ['sept', 9], ['sep', 9], ['october', 10],
  ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** The months' short names ("jan" … "dec", and "sept"): every written month name starts with one. */
export const MONTH_ABBREVIATIONS: readonly string[] = [...MONTH_NAMES.keys()].filter((n) => n.length <= 4);

/** Two-digit years: 00–50 are this century, 51–99 the last one. */
function expandYear(yy: number): number {
  return yy <= 50 ? 2000 + yy : 1900 + yy;
}

function parsed(y: number, m: number, d: number): ParsedDate {
  return { iso: isoDate(y, m, d), y, m, d };
}

/**
 * Reads a date written as MM/DD/YYYY, M/D/YYYY, MM/DD/YY (also with '-' instead of '/'),
 * YYYY-MM-DD, or "Month D, YYYY" (full or abbreviated month name). Returns null when the text
 * does not have the shape of a date; returns iso null when it has the shape but the date does
 * not exist, so callers can report it (and offer {@link dateCandidates}).
 */
export function parseUsDate(raw: string): ParsedDate | null {
  const s = raw.trim();
  if (s.length === 0 || s.length > 40) return null;
  return parseNumericDate(s) ?? parseNamedMonthDate(s);
}

function parseNumericDate(s: string): ParsedDate | null {
  const sep = s.includes('/') ? '/' : '-';
  const parts = s.split(sep);
  if (parts.length !== 3) return null;
  const [a, b, c] = parts as [string, string, string];
  const na = toInt(a);
  const nb = toInt(b);
  const nc = toInt(c);
  if (na === null || nb === null || nc === null) return null;
  if (sep === '-' && a.length === 4 && b.length <= 2 && c.length <= 2 && b.length > 0) {
    return parsed(na, nb, nc); // YYYY-MM-DD
  }
  if (a.length > 2 || b.length > 2) return null;
  if (c.length === 4) return parsed(nc, na, nb);
  if (c.length === 2) return parsed(expandYear(nc), na, nb);
  return null;
}

/** "November 14, 2017", "Nov. 14 2017", "Sept 3, 2019". */
function parseNamedMonthDate(s: string): ParsedDate | null {
  const words = s.replace(/[.,]/g, ' ').split(/\s+/).filter((w) => w.length > 0);
  if (words.length !== 3) return null;
  const [name, day, year] = words as [string, string, string];
  const m = MONTH_NAMES.get(name.toLowerCase());
  const d = toInt(day);
  const y = toInt(year);
  if (m === undefined || d === null || y === null || day.length > 2 || year.length !== 4) return null;
  return parsed(y, m, d);
}

// --- federal holidays and business days -----------------------------------------------------------

/** Day number of the n-th (1-based) given weekday of a month; n = -1 for the last one. */
function nthWeekday(y: number, m: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = dayNumber(y, m, 1);
    return first + ((weekday - weekdayOfDay(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = dayNumber(y, m, daysInMonth(y, m));
  return last - ((weekdayOfDay(last) - weekday + 7) % 7);
}

/** A fixed-date holiday moves to Friday when it falls on Saturday, to Monday on Sunday. */
function observed(z: number): number {
  const wd = weekdayOfDay(z);
  if (wd === 6) return z - 1;
  if (wd === 0) return z + 1;
  return z;
}

const MONDAY = 1;
const THURSDAY = 4;

/** Observed day numbers of the holidays that belong to year y (some may fall in y - 1). */
function holidayDaysOfYear(y: number): number[] {
  const days = [
    observed(dayNumber(y, 1, 1)), // New Year's Day (may be observed on Dec 31 of y - 1)
    nthWeekday(y, 1, MONDAY, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(y, 2, MONDAY, 3), // Washington's Birthday
    nthWeekday(y, 5, MONDAY, -1), // Memorial Day
    observed(dayNumber(y, 7, 4)), // Independence Day
    nthWeekday(y, 9, MONDAY, 1), // Labor Day
    nthWeekday(y, 10, MONDAY, 2), // Columbus Day
    observed(dayNumber(y, 11, 11)), // Veterans Day
    nthWeekday(y, 11, THURSDAY, 4), // Thanksgiving Day
    observed(dayNumber(y, 12, 25)), // Christmas Day
  ];
  if (y >= 2021) days.push(observed(dayNumber(y, 6, 19))); // Juneteenth, a federal holiday since 2021
  return days;
}

const holidayCache = new Map<number, ReadonlySet<number>>();

/** Observed federal holiday day numbers that fall inside calendar year y. */
function holidaySet(y: number): ReadonlySet<number> {
  let set = holidayCache.get(y);
  if (!set) {
    const start = dayNumber(y, 1, 1);
    const end = dayNumber(y, 12, 31);
    // Next year's New Year's Day is observed on Dec 31 of this year when Jan 1 is a Saturday.
    const all = [...holidayDaysOfYear(y), ...holidayDaysOfYear(y + 1)];
    set = new Set(all.filter((z) => z >= start && z <= end));
    holidayCache.set(y, set);
  }
  return set;
}

/**
 * Observed US federal holidays falling in the given year, as sorted ISO dates. Observed dates
 * follow the federal rule: Saturday → the Friday before, Sunday → the Monday after. A New Year's
 * Day on a Saturday is therefore observed on December 31 of the year before, and is listed there.
 */
export function usFederalHolidays(year: number): string[] {
  return [...holidaySet(year)].sort((a, b) => a - b).map(isoFromDay);
}

function isBusinessDayNumber(z: number): boolean {
  const wd = weekdayOfDay(z);
  if (wd === 0 || wd === 6) return false;
  return !holidaySet(civilFromDay(z).y).has(z);
}

/**
 * True for a weekday that is not an observed federal holiday. Ad-hoc closings of the federal
 * government (days of mourning, extra days off by executive order) are not included.
 */
export function isBusinessDay(iso: string): boolean {
  const z = dayFromIso(iso);
  return z !== null && isBusinessDayNumber(z);
}

/**
 * The date n business days after (n > 0) or before (n < 0) the given date. The start date itself
 * never counts, whether or not it is a business day. n = 0 returns the date unchanged.
 */
export function addBusinessDays(iso: string, n: number): string | null {
  let z = dayFromIso(iso);
  if (z === null || !Number.isInteger(n)) return null;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    z += step;
    if (isBusinessDayNumber(z)) left--;
  }
  return isoFromDay(z);
}

/** The date n calendar days after (n < 0: before) the given date, or null for an invalid date. */
export function addCalendarDays(iso: string, n: number): string | null {
  const z = dayFromIso(iso);
  return z === null || !Number.isInteger(n) ? null : isoFromDay(z + n);
}

/**
 * The same calendar date `months` months later; a day the target month lacks (Aug 31 + 6 months)
 * becomes that month's last day (Feb 28, or 29 in a leap year). Null for an invalid date.
 */
export function addCalendarMonths(iso: string, months: number): string | null {
  const z = dayFromIso(iso);
  if (z === null || !Number.isInteger(months)) return null;
  const { y, m, d } = civilFromDay(z);
  const total = y * 12 + (m - 1) + months;
  const yy = Math.floor(total / 12);
  const mm = total - yy * 12 + 1;
  return isoDate(yy, mm, Math.min(d, daysInMonth(yy, mm)));
}

/** Last timely filing day of a Form 4: the end of the second business day after the transaction. */
export function form4DueDate(transactionIso: string): string | null {
  return addBusinessDays(transactionIso, 2);
}

/**
 * How many business days lie after `fromIso` up to and including `toIso` (negative when `toIso`
 * is earlier). A Form 4 signed or filed on a date with a count above 2 is late.
 */
export function businessDaysAfter(fromIso: string, toIso: string): number | null {
  const from = dayFromIso(fromIso);
  const to = dayFromIso(toIso);
  if (from === null || to === null) return null;
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  let count = 0;
  for (let z = lo + 1; z <= hi; z++) if (isBusinessDayNumber(z)) count++;
  return to >= from ? count : -count;
}

// --- repairing impossible dates -------------------------------------------------------------------

/** Digit pairs that OCR commonly confuses, most frequent first. */
const OCR_DIGIT_SWAPS: ReadonlyArray<readonly [string, string]> = [
  ['4', '1'], ['7', '1'], ['0', '8'], ['3', '8'], ['5', '6'], ['6', '8'], ['9', '8'], ['0', '6'], ['0', '9'],
];

interface Candidate {
  iso: string;
  /** Lower is more plausible. */
  weight: number;
  order: number;
}

/** Two-digit (or one-digit) field variants with one digit replaced by its OCR look-alike. */
function ocrVariants(field: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < field.length; i++) {
    for (const [a, b] of OCR_DIGIT_SWAPS) {
      const ch = field[i];
      const repl = ch === a ? b : ch === b ? a : null;
      if (repl !== null) out.push(field.slice(0, i) + repl + field.slice(i + 1));
    }
  }
  return out;
}

/** The month and day digits as written (for M/D/YYYY and "Month D, YYYY" forms too). */
function writtenFields(p: ParsedDate): { month: string; day: string } {
  return { month: String(p.m).padStart(2, '0'), day: String(p.d).padStart(2, '0') };
}

/**
 * Plausible real dates for a date that does not exist ("13/14/2017", "02/30/2019",
 * "11/41/2017", "2/29/2019"), most plausible first, at most five, no duplicates. Tried in order
 * of plausibility: month and day swapped (a day-first date), the day's two digits transposed,
 * one digit misread by OCR (4↔1, 7↔1, 0↔8, 3↔8, 5↔6, ...), the day clamped to the month's
 * last day (or the month to 12). Returns [] for a valid date or text that is not a date.
 */
export function dateCandidates(raw: string): string[] {
  const p = parseUsDate(raw);
  if (!p || p.iso !== null) return [];
  const found: Candidate[] = [];
  const add = (y: number, m: number, d: number, weight: number): void => {
    const iso = isoDate(y, m, d);
    if (iso) found.push({ iso, weight, order: found.length });
  };
  const { y, m, d } = p;
  const { month, day } = writtenFields(p);

  if (m > 12 && d <= 12) add(y, d, m, 1); // day-first date: 14/11/2017
  if (d > daysInMonth(y, m) && d <= 31 && m >= 1 && m <= 12) add(y, m, daysInMonth(y, m), 1.5); // Feb 30 → Feb 28
  add(y, toInt(month[1] + month[0]) ?? 0, d, 2); // month digits transposed
  add(y, m, toInt(day[1] + day[0]) ?? 0, 2); // day digits transposed: 41 → 14
  for (const v of ocrVariants(month)) add(y, toInt(v) ?? 0, d, 2.5);
  for (const v of ocrVariants(day)) add(y, m, toInt(v) ?? 0, 2.5);
  if (m >= 1 && m <= 12 && d > 31) add(y, m, daysInMonth(y, m), 3); // day far too large: last day of month
  // Month too large (13–19): the second digit was misread; offer the real two-digit months.
  if (m > 12 && m < 20) for (const mm of [12, 11, 10]) add(y, mm, Math.min(d, 31), 3.5);

  found.sort((a, b) => a.weight - b.weight || a.order - b.order);
  const out: string[] = [];
  for (const c of found) {
    if (!out.includes(c.iso)) out.push(c.iso);
    if (out.length === 5) break;
  }
  return out;
}

/**
 * Writes an ISO date in the style of `like` (a date as written in the document), so a quick fix
 * keeps the filing's own format: "2/3/2019" style gives "3/1/2019", "02/03/19" gives "03/01/19",
 * "Feb 3, 2019" gives "Mar 1, 2019"; anything else gives MM/DD/YYYY.
 */
export function formatDateLike(iso: string, like: string): string {
  const z = dayFromIso(iso);
  if (z === null) return iso;
  const { y, m, d } = civilFromDay(z);
  const s = like.trim();
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(s)) return iso;
  const named = s.match(/^([A-Za-z]+)(\.?)\s/);
  if (named) {
    // "Nov" / "Nov." → abbreviated; "November", "May", "June" → full names.
    const written = named[1]!.toLowerCase();
    const abbreviated = written.length <= 4 && written !== 'may' && written !== 'june' && written !== 'july';
    const name = FULL_MONTHS[m - 1]!;
    return `${abbreviated ? name.slice(0, 3) : name}${named[2]} ${d}, ${y}`;
  }
  const parts = s.split(/[/-]/);
  const sep = s.includes('-') ? '-' : '/';
  if (parts.length === 3) {
    // The month field shows the style: "02/…" pads, "2/…" does not (a day ≥ 10 says nothing).
    const padded = parts[0]!.length === 2 || parts[1]!.startsWith('0');
    const mm = padded ? pad(m, 2) : String(m);
    const dd = padded ? pad(d, 2) : String(d);
    const yy = parts[2]!.length === 2 ? pad(y % 100, 2) : pad(y, 4);
    return `${mm}${sep}${dd}${sep}${yy}`;
  }
  return `${pad(m, 2)}/${pad(d, 2)}/${pad(y, 4)}`;
}

const FULL_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
