/**
 * Who and what a filing is about, as keys that survive how filers write names: the owner with
 * case, punctuation and word order ignored ("Locke Benjamin M." = "Benjamin M. Locke"), the issuer
 * by trading symbol (else name), a security title with case and spacing ignored.
 */

/** Keys of texts seen before: a folder repeats its owners, issuers and titles in every filing. */
const memo = new Map<string, string>();

function remember(kind: string, text: string, make: (s: string) => string): string {
  const k = `${kind}\u0000${text}`;
  let v = memo.get(k);
  if (v === undefined) {
    if (memo.size > 100_000) memo.clear();
    memo.set(k, (v = make(text)));
  }
  return v;
}

/** Lower-case words of a name, punctuation dropped, sorted: the order filers print varies. */
export function ownerKey(name: string): string {
  return remember('o', name, (s) => words(s).sort().join(' '));
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
  return remember('i', name, (s) => words(s).join(' '));
}

export function symbolKey(symbol: string): string {
  return symbol.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}

/** Security titles: case and spacing ignored ("Common  stock" = "Common Stock"). */
export function securityKey(title: string): string {
  return remember('s', title, (s) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim());
}

/** Nature of indirect ownership, compared like titles ("By  Trust" = "by trust"). */
export function natureKey(nature: string | null): string {
  return nature === null ? '' : securityKey(nature);
}
