/**
 * Which fields a route gets wrong: `node --import tsx test/tools/field-errors.ts DIR ROUTE [--show N]`
 * reads every `<name>.<route>.txt` in DIR (fixtures/pdf, fixtures/pdf-holdout), compares with
 * `<name>.expected.json` (lost values excused as in the accuracy table), and counts wrong leaves by
 * their path with indices folded (`/nonDerivativeTable/transactions/*\/shares`), worst first.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { leaves } from './accuracy';
import { lostOf, TODAY } from '../support/fixtures';

const [dir, route, ...rest] = process.argv.slice(2);
if (!dir || !route) {
  process.stderr.write('usage: field-errors DIR ROUTE [--show N] [--file NAME]\n');
  process.exit(2);
}
const showAt = rest.indexOf('--show');
const show = showAt >= 0 ? Number(rest[showAt + 1]) : 3;
const fileAt = rest.indexOf('--file');
const onlyFile = fileAt >= 0 ? rest[fileAt + 1] : undefined;
const counts = new Map<string, { n: number; examples: string[] }>();
let total = 0;
let wrongTotal = 0;
for (const f of readdirSync(dir).filter((n) => n.endsWith(`.${route}.txt`)).sort()) {
  const name = f.slice(0, -`.${route}.txt`.length);
  if (onlyFile && !name.includes(onlyFile)) continue;
  const expFile = path.join(dir, `${name}.expected.json`);
  if (!existsSync(expFile)) continue;
  const truth = [JSON.parse(readFileSync(expFile, "utf8")) as unknown];
  const lost = [...lostOf(path.join(dir, f)), ...[]].map((l, i) => [...l, ...(lostOf(path.join(dir, `${name}.txt`))[i] ?? [])]);
  const lostAll = lostOf(path.join(dir, `${name}.txt`));
  if (lost.length === 0) lost.push(...lostAll);
  const got = analyze(readFileSync(path.join(dir, f), 'utf8'), { today: TODAY }).filings.map((x) => x.record);
  for (let i = 0; i < Math.max(got.length, truth.length); i++) {
    const g = i < got.length ? leaves(got[i]) : new Map<string, string>();
    const t = i < truth.length ? leaves(truth[i]) : new Map<string, string>();
    const lostHere = new Set((lost as string[][])[i] ?? []);
    for (const key of new Set([...g.keys(), ...t.keys()])) {
      total++;
      const want = t.get(key);
      const have = g.get(key);
      if (have === want) continue;
      if ([...lostHere].some((l) => key === l || key.startsWith(l + '/')) && (have === 'null' || have === undefined)) continue;
      wrongTotal++;
      const folded = key.replace(/\/\d+(?=\/|$)/g, '/*');
      let c = counts.get(folded);
      if (!c) counts.set(folded, (c = { n: 0, examples: [] }));
      c.n++;
      if (c.examples.length < show) c.examples.push(`${name}#${i}${key}: want ${want} got ${have}`);
    }
  }
}
process.stdout.write(`${wrongTotal} wrong of ${total} leaves (${(1 - wrongTotal / total).toFixed(4)})\n`);
for (const [k, c] of [...counts].sort((a, b) => b[1].n - a[1].n)) {
  process.stdout.write(`${String(c.n).padStart(5)}  ${k}\n`);
  for (const e of c.examples) process.stdout.write(`         ${e}\n`);
}
