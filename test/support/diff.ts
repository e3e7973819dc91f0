/** Paths where `got` differs from `want`, ignoring `lost` paths (values a converter destroyed) that came out null. */
export function differences(got: unknown, want: unknown, lost: ReadonlySet<string> = new Set(), at = ''): string[] {
  if (JSON.stringify(got) === JSON.stringify(want)) return [];
  if (lost.has(at) && got === null) return [];
  if (got && want && typeof got === 'object' && typeof want === 'object') {
    const keys = new Set([...Object.keys(got), ...Object.keys(want)]);
    return [...keys].flatMap((k) => differences((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], lost, `${at}/${k}`));
  }
  return [`${at}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`];
}
