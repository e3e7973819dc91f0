/**
 * Who and what a filing is about, as keys that survive how filers write names: the owner with
 * case, punctuation and word order ignored ("Locke Benjamin M." = "Benjamin M. Locke"), the issuer
 * by trading symbol (else name), a security title with case and spacing ignored.
 */

/** Lower-case words of a name, punctuation dropped, sorted: the order filers print varies. */
export function ownerKey(name: string): string {
  return words(name).sort().join(' ');
}

function words(s: string): string[] {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

export function issuerNameKey(name: string): string {
  return words(name).join(' ');
}

export function symbolKey(symbol: string): string {
  return symbol.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}

/** Security titles: case and spacing ignored ("Common  stock" = "Common Stock"). */
export function securityKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Nature of indirect ownership, compared like titles ("By  Trust" = "by trust"). */
export function natureKey(nature: string | null): string {
  return nature === null ? '' : securityKey(nature);
}
