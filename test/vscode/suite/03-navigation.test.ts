/**
 * Hovers, footnote navigation and the outline, through the same commands VS Code's own UI uses
 * (vscode.execute*Provider), so they go through the real language client and server.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SERVER_DEADLINE_MS, hoverUntil, openFiling, positionIn, seedUri, toTarget, waitFor } from './helpers';

/** Seed 003's Table II row, where `(1)` stands in for the date exercisable. */
const TABLE2_ROW = 'Stock Option (Right to Buy)\t(1)';
const FOOTNOTE1_DEFINITION = '**(1)** The option becomes';

async function seed003(): Promise<{ doc: vscode.TextDocument; ref: vscode.Position; defLine: number }> {
  const doc = await openFiling(await seedUri('003'));
  // On the '1' inside '(1)': inside the reference whichever way the server draws its range.
  const ref = positionIn(doc, TABLE2_ROW, '\t(1)', 2);
  const defLine = positionIn(doc, FOOTNOTE1_DEFINITION, FOOTNOTE1_DEFINITION).line;
  return { doc, ref, defLine };
}

describe('hover', () => {
  it("on a transaction code (seed 001's 'P' in the Table I row) explains it as a purchase", async () => {
    const doc = await openFiling(await seedUri('001'));
    // The row: Common<TAB>Stock<TAB><TAB>11/14/2017<TAB><TAB>P<TAB>...
    const pos = positionIn(doc, '11/14/2017\t\tP\t', '\t\tP\t', 2);
    assert.equal(doc.getText(new vscode.Range(pos, pos.translate(0, 1))), 'P');
    const text = await hoverUntil(doc.uri, pos, "a hover on code 'P' mentioning 'purchase'", (t) => /purchase/i.test(t));
    assert.match(text, /purchase/i);
  });

  it("on a footnote reference (seed 003's Table II '(1)') shows the footnote's text", async () => {
    const { doc, ref } = await seed003();
    const text = await hoverUntil(doc.uri, ref, 'a hover on (1) with the footnote text', (t) => /exercisable in four equal installments/i.test(t));
    assert.match(text, /February 15, 2012/);
  });
});

describe('footnote navigation', () => {
  it('go to definition from (1) lands on the line **(1)** The option becomes...', async () => {
    const { doc, ref, defLine } = await seed003();
    const targets = await waitFor(
      'a definition for (1)',
      async () => {
        const r = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, ref);
        return r && r.length > 0 ? r.map(toTarget) : undefined;
      },
      SERVER_DEADLINE_MS,
    );
    assert.equal(targets.length, 1, `expected one definition, got ${targets.length}`);
    const [target] = targets;
    assert.equal(target.uri.toString(), doc.uri.toString());
    assert.equal(target.range.start.line, defLine, `landed on line ${target.range.start.line + 1}: ${JSON.stringify(doc.lineAt(target.range.start.line).text.slice(0, 60))}`);
    assert.ok(doc.lineAt(target.range.start.line).text.startsWith(FOOTNOTE1_DEFINITION));
  });

  it('references of footnote (1) include the Table II row, from the reference and from the definition', async () => {
    const { doc, ref, defLine } = await seed003();
    const fromRef = await waitFor(
      'references of (1)',
      async () => {
        const r = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, ref);
        return r && r.length > 0 ? r : undefined;
      },
      SERVER_DEADLINE_MS,
    );
    for (const loc of fromRef) assert.equal(loc.uri.toString(), doc.uri.toString(), 'a footnote is local to its filing');
    assert.ok(fromRef.some((l) => l.range.contains(ref)), `no reference covers the Table II (1): ${fromRef.map((l) => l.range.start.line + 1).join(',')}`);

    const defPos = new vscode.Position(defLine, FOOTNOTE1_DEFINITION.indexOf('1'));
    const fromDef = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, defPos);
    assert.ok(fromDef?.some((l) => l.range.contains(ref)), 'references from the definition do not include the Table II row');
  });
});

describe('outline', () => {
  it('document symbols: a filing with Table I and Table II children (seed 003)', async () => {
    const { doc } = await seed003();
    const symbols = await waitFor(
      'document symbols',
      async () => {
        const r = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', doc.uri);
        return r && r.length > 0 ? r : undefined;
      },
      SERVER_DEADLINE_MS,
    );
    const tree = symbols.filter((s): s is vscode.DocumentSymbol => 'children' in s);
    assert.equal(tree.length, symbols.length, 'expected a hierarchy (DocumentSymbol[]), got flat SymbolInformation');
    const filing = tree.find((s) => s.children.some((c) => /Table I\b/.test(c.name)));
    assert.ok(filing, `no top-level symbol with a Table I child: ${JSON.stringify(tree.map((s) => [s.name, s.children.map((c) => c.name)]))}`);
    assert.match(filing.name, /Form 3|FORM 3|\b3\b/, `the filing symbol should say its form type: ${filing.name}`);
    const names = filing.children.map((c) => c.name);
    assert.ok(names.some((n) => /Table II\b/.test(n)), `no Table II child: ${JSON.stringify(names)}`);
    const table2 = filing.children.find((c) => /Table II\b/.test(c.name))!;
    assert.ok(table2.range.contains(positionIn(doc, TABLE2_ROW, TABLE2_ROW)), 'Table II symbol does not cover its row');
  });
});
