/**
 * A reporting owner's name and mailing address written in one run of text, as the Reporting Owners
 * table prints them in one cell ("THE X FAMILY TRUST 100 MAIN ST SUITE 4 ANYTOWN, DE 19801").
 *
 * EDGAR keeps the parts apart (name, street1, street2, city, state, zip); the cell runs them
 * together. They are told apart the way a reader does: an address already known from the filing
 * (another owner's box 1) is matched whole; otherwise the address starts where a street does
 * (a house number, "C/O", a post-office box), the last comma separates city from state and zip,
 * and the street ends at its street-type word or unit ("DRIVE", "BLVD.", "SUITE 400") with the
 * city after it. What cannot be placed stays in the street, never in another field.
 */
import type { ReportingOwnerRecord } from '../types';

/** The parts of an owner's record the cell holds. */
export type NameAddress = Pick<ReportingOwnerRecord, 'name' | 'street1' | 'street2' | 'city' | 'state' | 'zip'>;

/** Street-type words (USPS Publication 28 suffixes, common forms) that end a street line. */
const STREET_TYPES = new Set([
  'ALLEY', 'ALY', 'AVE', 'AVENUE', 'AV', 'BLVD', 'BOULEVARD', 'BROADWAY', 'CIR', 'CIRCLE', 'CONCOURSE', 'COURT', 'CT', 'CTR', 'CENTER',
  'CENTRE', 'CROSSING', 'DR', 'DRIVE', 'EXPY', 'EXPRESSWAY', 'FWY', 'FREEWAY', 'HWY', 'HIGHWAY', 'LANE', 'LN', 'LOOP', 'PARKWAY',
  'PKWY', 'PIKE', 'PL', 'PLACE', 'PLAZA', 'PLZ', 'RD', 'ROAD', 'ROW', 'SQ', 'SQUARE', 'ST', 'STREET', 'TER', 'TERRACE', 'TPKE',
  'TURNPIKE', 'TRAIL', 'TRL', 'WALK', 'WAY',
]);

/** Secondary unit designators: they open the second street line and take the word after them. */
const UNITS = new Set(['SUITE', 'STE', 'FLOOR', 'FL', 'FLR', 'BUILDING', 'BLDG', 'UNIT', 'ROOM', 'RM', 'APT', 'TOWER', 'DEPT', 'MAILSTOP', 'MS', '#']);

const NUMBER_WORDS = new Set(['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN']);

const bare = (w: string): string => w.toUpperCase().replace(/[.,]+$/, '');

/** A word that starts an address: a house number, "C/O", "PO BOX" / "P.O. BOX", a spelled-out number. */
function startsAddress(words: readonly string[], i: number): boolean {
  const w = bare(words[i]!);
  const next = words[i + 1];
  if (w === 'C/O') return true;
  if ((w === 'PO' || w === 'P.O' || w === 'P. O') && next && bare(next) === 'BOX') return true;
  if (!next) return false;
  if (/^\d+[A-Z]?(-\d+)?$/.test(w)) return true;
  return NUMBER_WORDS.has(w) && /^[A-Za-z]/.test(next) && !/^(OF|AND|&)$/i.test(next);
}

/** An ordinal before "FLOOR" ("2ND FLOOR"), or a unit designator. */
function opensUnit(words: readonly string[], i: number): boolean {
  const w = bare(words[i]!);
  if (UNITS.has(w) && words[i + 1] !== undefined) return true;
  return /^\d+(ST|ND|RD|TH)$/.test(w) && bare(words[i + 1] ?? '') === 'FLOOR';
}

/** What follows a unit designator: "400", "12", "C", "#5", "2B", "A-1". */
function isUnitId(w: string | undefined): boolean {
  return w !== undefined && /^#?(\d+[A-Z]?|[A-Z]{1,2}|[A-Z]?-?\d+)$/i.test(w.replace(/[.,]+$/, ''));
}

/** The index after the street: past its last street-type word or unit (with the unit's number). */
function streetEnd(words: readonly string[], from: number): number {
  let end = -1;
  for (let i = from; i < words.length; i++) {
    const w = bare(words[i]!);
    if (STREET_TYPES.has(w) && i > from) {
      end = i + 1;
      // "AVENUE OF THE AMERICAS": the street's name goes on after its type.
      if (bare(words[i + 1] ?? '') === 'OF') {
        end = Math.min(words.length, i + (bare(words[i + 2] ?? '') === 'THE' ? 4 : 3));
        i = end - 1;
      }
    } else if (UNITS.has(w) && isUnitId(words[i + 1])) {
      end = i + 2;
      i++;
    } else if (UNITS.has(w) && i > from) end = i + 1;
    else if (w === 'BOX' && /^\d/.test(words[i + 1] ?? '')) {
      end = i + 2;
      i++;
    }
  }
  return end;
}

/** Words that make a whole street line: "C/O ...", a post-office box, or a street ending in its type or unit. */
function isStreetLine(words: readonly string[]): boolean {
  const w = bare(words[0] ?? '');
  if (w === 'C/O' || w === 'PO' || w === 'P.O' || w === 'P. O') return true;
  return streetEnd(words, 0) === words.length;
}

function joinOrNull(words: readonly string[]): string | null {
  const s = words.join(' ').replace(/[\s,]+$/, '').trim();
  return s || null;
}

/** Comparison form: case kept, commas and spacing dropped. */
function norm(s: string): string {
  return s.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The printed forms of a known address, longest first: street lines and city line. */
function knownTexts(a: NameAddress): string[] {
  const city = [a.city, a.state, a.zip].filter(Boolean).join(' ');
  if (!a.street1 && !city) return [];
  return [norm([a.street1, a.street2, city].filter(Boolean).join(' '))];
}

/**
 * Splits one run of text into name and address parts. `known`: addresses read elsewhere in the
 * filing; one that ends the text exactly is taken whole.
 */
export function splitNameAddress(text: string, known: readonly NameAddress[] = []): NameAddress {
  const flat = norm(text);
  const empty: NameAddress = { name: null, street1: null, street2: null, city: null, state: null, zip: null };
  if (!flat) return empty;
  for (const k of known) {
    for (const t of knownTexts(k)) {
      if (flat.length > t.length && flat.endsWith(` ${t}`)) {
        // The name as printed (commas kept): the words before the address's words.
        const all = text.replace(/\s+/g, ' ').trim().split(' ');
        const nameWords = all.slice(0, all.length - t.split(' ').length);
        // The known address may be this one's tail only: a street line of its own before it
        // ("C/O ...", "TWO Industrial Way" above another owner's "2ND FLOOR") is its first line.
        const own = k.street2 ? -1 : nameWords.findIndex((_w, i) => i > 0 && startsAddress(nameWords, i) && isStreetLine(nameWords.slice(i)));
        if (own > 0) {
          return { name: joinOrNull(nameWords.slice(0, own)), street1: joinOrNull(nameWords.slice(own)), street2: k.street1, city: k.city, state: k.state, zip: k.zip };
        }
        return { name: joinOrNull(nameWords), street1: k.street1, street2: k.street2, city: k.city, state: k.state, zip: k.zip };
      }
    }
  }
  const single = text.replace(/\s+/g, ' ').trim();
  const words = single.split(' ');
  let at = words.findIndex((_w, i) => i > 0 && startsAddress(words, i));
  if (at < 0) return { ...empty, name: single };
  const name = joinOrNull(words.slice(0, at));
  // City, state and zip: the last comma, then a two-character state code and the rest (the zip).
  let rest = words.slice(at).join(' ');
  let city: string | null = null;
  let state: string | null = null;
  let zip: string | null = null;
  const tail = /^(.*),\s*([A-Z][A-Z0-9])(?:\s+([A-Z0-9][A-Z0-9 -]{1,10}))?$/.exec(rest) ?? /^(.*?)\s([A-Z]{2})\s(\d{5}(?:-\d{4})?)$/.exec(rest);
  let streetWords: string[];
  if (tail) {
    state = tail[2]!;
    zip = tail[3]?.trim() || null;
    streetWords = tail[1]!.trim().split(' ');
    const end = streetEnd(streetWords, 0);
    if (end > 0 && end < streetWords.length) {
      city = joinOrNull(streetWords.slice(end));
      streetWords = streetWords.slice(0, end);
    } else if (end < 0 && streetWords.length > 1) {
      // No street type to go by: the city is the last word.
      city = streetWords[streetWords.length - 1]!;
      streetWords = streetWords.slice(0, -1);
    }
  } else {
    streetWords = rest.split(' ');
  }
  rest = '';
  // Two street lines: "C/O ..." then the street, or the street then its unit ("SUITE 400").
  let split = -1;
  if (bare(streetWords[0] ?? '') === 'C/O') split = streetWords.findIndex((_w, i) => i > 1 && startsAddress(streetWords, i));
  if (split < 0) split = streetWords.findIndex((_w, i) => i > 0 && opensUnit(streetWords, i));
  at = split;
  return {
    name,
    street1: joinOrNull(at > 0 ? streetWords.slice(0, at) : streetWords),
    street2: at > 0 ? joinOrNull(streetWords.slice(at)) : null,
    city,
    state,
    zip,
  };
}
