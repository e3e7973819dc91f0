/**
 * CIKs for the XML: the printed form shows neither the issuer's nor the owners' CIK, so the user
 * supplies them as JSON, names or trading symbols to CIKs:
 *
 *   { "MSFT": "0000789019", "Nadella Satya": 1513142, "Tesla, Inc.": "1318605" }
 *
 * Keys match case-insensitively, with punctuation and repeated spaces ignored ("TESLA INC"
 * matches "Tesla, Inc."). A CIK is 1 to 10 digits (leading zeros optional, §3.2).
 */

export type CikMap = ReadonlyMap<string, string>;

/** The form of a name or symbol the map is keyed by. */
export function cikKey(s: string): string {
  return s
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

export interface ParsedCikMap {
  map: CikMap;
  /** Entries that were left out, each a sentence. */
  problems: string[];
}

/** Reads the map from parsed JSON; a bad entry is reported and left out, never guessed. */
export function parseCikMap(data: unknown): ParsedCikMap {
  const map = new Map<string, string>();
  const problems: string[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { map, problems: ['expected a JSON object of names or trading symbols to CIKs, e.g. {"MSFT": "0000789019"}'] };
  }
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    const cik = typeof value === 'number' && Number.isInteger(value) && value > 0 ? String(value) : typeof value === 'string' ? value.trim() : null;
    if (cik === null || !/^\d{1,10}$/.test(cik)) {
      problems.push(`"${name}": a CIK is 1 to 10 digits, got ${JSON.stringify(value)}`);
      continue;
    }
    const key = cikKey(name);
    if (key === '') {
      problems.push(`"${name}": the name has no letters or digits`);
      continue;
    }
    map.set(key, cik.padStart(10, '0'));
  }
  return { map, problems };
}

/** The CIK of the first of `names` the map knows, or null. */
export function lookupCik(map: CikMap, ...names: (string | null | undefined)[]): string | null {
  for (const n of names) {
    if (!n) continue;
    const cik = map.get(cikKey(n));
    if (cik) return cik;
  }
  return null;
}
