/**
 * The one table of look-alike letters: Greek and Cyrillic letters that print like a Latin letter,
 * which OCR puts into English words ("Γransaction", "СОММОN"). Masking reads them as their Latin
 * letter, the `ocr-text` rule reports them, and filing detection (server and client) reads
 * through them. Pure data, no imports: the client bundles it too.
 */
export const LOOKALIKE_TO_LATIN: ReadonlyMap<string, string> = new Map([
  // Greek capitals
  ['Α', 'A'], ['Β', 'B'], ['Γ', 'T'], ['Ε', 'E'], ['Ζ', 'Z'], ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'],
  ['Μ', 'M'], ['Ν', 'N'], ['Ο', 'O'], ['Ρ', 'P'], ['Τ', 'T'], ['Υ', 'Y'], ['Χ', 'X'], ['Ϲ', 'C'],
  // Greek small letters
  ['α', 'a'], ['γ', 'y'], ['ε', 'e'], ['ι', 'i'], ['κ', 'k'], ['ν', 'v'], ['ο', 'o'], ['ρ', 'p'],
  ['τ', 't'], ['υ', 'u'], ['χ', 'x'], ['ω', 'w'], ['ϲ', 'c'], ['ϳ', 'j'],
  // Cyrillic capitals
  ['А', 'A'], ['В', 'B'], ['Е', 'E'], ['К', 'K'], ['М', 'M'], ['Н', 'H'], ['О', 'O'], ['Р', 'P'],
  ['С', 'C'], ['Т', 'T'], ['У', 'Y'], ['Х', 'X'], ['Ѕ', 'S'], ['І', 'I'], ['Ј', 'J'], ['Ӏ', 'I'],
  ['Ԛ', 'Q'], ['Ԝ', 'W'],
  // Cyrillic small letters
  ['а', 'a'], ['е', 'e'], ['о', 'o'], ['р', 'p'], ['с', 'c'], ['у', 'y'], ['х', 'x'], ['ѕ', 's'],
  ['і', 'i'], ['ј', 'j'], ['һ', 'h'], ['ӏ', 'l'], ['ԁ', 'd'], ['ԛ', 'q'], ['ԝ', 'w'], ['к', 'k'],
]);
