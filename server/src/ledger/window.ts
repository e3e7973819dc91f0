/**
 * The Section 16(b) six-month window as the courts read it: the period that starts on one
 * trade's date ends two days before the same calendar date six months later (Stella v.
 * Graham-Paige: a purchase on Feb 10, the period ends Aug 8; Colonial Realty v. MacWilliams: a
 * sale on Dec 20 and a purchase on Jun 19 are outside). When the later month lacks the day
 * (Aug 31 → Feb), the same calendar date is that month's last day.
 */
import { addCalendarDays, addCalendarMonths } from '../analysis/domain/calendar';

/** The last day a trade may fall on to be matched with one on `iso`; null for an invalid date. */
export function windowEnd(iso: string): string | null {
  const same = addCalendarMonths(iso, 6);
  return same === null ? null : addCalendarDays(same, -2);
}

/** True when trades on the two dates (either order) lie within less than six months. */
export function withinWindow(a: string, b: string): boolean {
  const [early, late] = a <= b ? [a, b] : [b, a];
  const end = windowEnd(early);
  return end !== null && late <= end;
}
