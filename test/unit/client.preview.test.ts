import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { analyze } from '../../server/src/analysis';
import type { FilingRecord, Range } from '../../server/src/analysis/types';
import type { FilingRecords, RecordsResult } from '../../server/src/protocol';
import { contentSecurityPolicy, escapeHtml, makeNonce, previewShellHtml } from '../../client/src/preview/html';
import { edgarView, fileNameOf, previewModel } from '../../client/src/preview/model';
import { exportFiling, parseCikMap } from '../../server/src/analysis';
import { formatAmount, formatPrice } from '../../client/src/preview/format';
import { isWebviewMessage } from '../../client/src/preview/messages';
import { parentPointer, pointerAt, sourceFor } from '../../client/src/sources';
import { throttle, type Timers } from '../../client/src/throttle';
import { formLabel, statusText } from '../../client/src/status';

const EXPECTED = join(__dirname, '..', '..', '..', 'shared', 'seeds', 'expected');
const seed = (name: string): FilingRecord => JSON.parse(readFileSync(join(EXPECTED, name), 'utf8')) as FilingRecord;
const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

function filing(record: FilingRecord, extra: Partial<FilingRecords> = {}): FilingRecords {
  return { index: 0, range: r(0, 0, 100, 0), layout: 'tabbed', record, sources: {}, findings: [], ...extra };
}

function result(...filings: FilingRecords[]): RecordsResult {
  return { uri: 'file:///work/fixtures/Form%204%20Locke.txt', version: 3, filings };
}

describe('preview model', () => {
  const form4 = seed('001_e59a361ad3bd20d9.json');

  test('spells out values: ISO dates, plain amounts, prices, A/D, D/I, code meanings', () => {
    const model = previewModel(result(filing(form4)), { showFindings: true });
    assert.equal(model.fileName, 'Form 4 Locke.txt');
    const f = model.filings[0]!;
    assert.equal(f.title, 'Form 4');
    const table1 = f.tables.find((t) => t.id === 'nonDerivative')!;
    const headers = table1.columns.map((c) => c.header);
    const row = table1.rows[0]!;
    const cell = (h: string) => row.cells[headers.indexOf(h)]!;
    assert.equal(cell('Transaction date').text, '2017-11-14');
    assert.equal(cell('Amount').text, '2,000');
    assert.equal(cell('Price').text, '$2.64');
    assert.equal(cell('(A) or (D)').text, 'Acquired (A)');
    assert.equal(cell('Code').text, 'P');
    assert.match(cell('Code').title!, /^P: .*purchase/i);
    assert.equal(cell('Code').pointer, '/nonDerivative/0/transactionCode');
    assert.equal(row.pointer, '/nonDerivative/0');
    assert.match(row.label, /^Table I, row 1: /);
    assert.equal(f.owners[0]!.relationships, 'Officer (Co-CEO)');
    assert.equal(f.header.find((h) => h.label === 'Issuer')!.text, 'TECOGEN INC.');
  });

  test('a Form 3 shows holdings without transaction columns', () => {
    const form3 = seed('003_80bceb74459482a7.json');
    const f = previewModel(result(filing(form3)), { showFindings: true }).filings[0]!;
    const headers = f.tables[0]!.columns.map((c) => c.header);
    assert.ok(!headers.includes('Code') && !headers.includes('Transaction date'));
    assert.ok(headers.includes('Owned after'));
    assert.match(f.tables[0]!.caption, /Beneficially Owned$/);
    const table2 = f.tables[1]!;
    assert.ok(!table2.columns.some((c) => c.header === 'Owned after'), 'Form 3 Table II has no owned-after column');
    assert.equal(table2.rows[0]!.cells[table2.columns.findIndex((c) => c.header === 'Ownership form')]!.text, 'Direct (D)');
    assert.deepEqual(f.footnotes[0]!.citedBy, ['/derivative/0']);
  });

  test('findings go beside their record; what fits none stays with the filing', () => {
    const findings: FilingRecords['findings'] = [
      { code: 'missing-ownership-form', severity: 'warning', message: 'No D or I.', range: r(30, 5, 30, 6), filing: 0, pointer: '/nonDerivative/0/directOrIndirect' },
      { code: 'ocr-text', severity: 'hint', message: 'OCR.', range: r(5, 0, 5, 3), filing: 0 },
      { code: 'undefined-footnote', severity: 'error', message: 'No (3).', range: r(30, 40, 30, 43), filing: 0 },
      { code: 'late-filing', severity: 'warning', message: 'Late.', range: r(60, 0, 60, 5), filing: 0, pointer: '/signatures/0/date' },
    ];
    const sources = { '/nonDerivative/0': r(30, 0, 30, 80), '/nonDerivative/0/shares': r(30, 38, 30, 45) };
    const f = previewModel(result(filing(form4, { findings, sources })), { showFindings: true }).filings[0]!;
    const row = f.tables[0]!.rows[0]!;
    assert.deepEqual(row.findings.map((x) => x.code), ['missing-ownership-form', 'undefined-footnote']);
    assert.deepEqual(f.signatures[0]!.findings.map((x) => x.code), ['late-filing']);
    assert.deepEqual(f.findings.map((x) => x.code), ['ocr-text']);

    const hidden = previewModel(result(filing(form4, { findings, sources })), { showFindings: false }).filings[0]!;
    assert.equal(hidden.findings.length + hidden.tables[0]!.rows[0]!.findings.length, 0);
  });

  test('filing text stays data: the model never carries markup of its own', () => {
    const evil: FilingRecord = { ...form4, issuer: { name: '<img src=x onerror=alert(1)>', tradingSymbol: null } };
    const model = previewModel(result(filing(evil)), { showFindings: true });
    // Text is passed as-is for textContent in the webview; escaping is not the model's job, but nothing adds HTML.
    assert.equal(model.filings[0]!.header[0]!.text, '<img src=x onerror=alert(1)>');
    assert.ok(!JSON.stringify(model).includes('<span'));
  });

  test('number formats', () => {
    assert.equal(formatAmount(62500), '62,500');
    assert.equal(formatAmount(5381.2), '5,381.2');
    assert.equal(formatAmount(null), '—');
    assert.equal(formatPrice(0), '$0.00');
    assert.equal(formatPrice(2.6), '$2.60');
    assert.equal(formatPrice(12.3456), '$12.3456');
  });

  test('file names from URIs', () => {
    assert.equal(fileNameOf('file:///a/b/c.txt'), 'c.txt');
    assert.equal(fileNameOf('untitled:Untitled-1'), 'untitled:Untitled-1');
    assert.equal(fileNameOf('vscode-vfs://github/x/%E2%9C%93.form4?ref=main'), '✓.form4');
  });
});

describe('EDGAR verdict in the preview', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'unused-footnote.txt'), 'utf8');
  const result = analyze(text, { today: new Date('2026-11-23T12:00:00Z') });
  const sources = result.filings[0]!.sources;

  test('suspended, with each reason linked to the text it is about', () => {
    const e = exportFiling(result, 0, { xml: false });
    const view = edgarView({ edgar: { verdict: e.verdict, findings: e.findings }, sources })!;
    assert.equal(view.verdict, 'suspended');
    assert.match(view.summary, /^EDGAR would suspend this filing's XML: 2 reasons\.$/);
    assert.deepEqual(view.reasons.map((x) => x.code).sort(), ['edgar-missing-cik', 'unused-footnote']);
    assert.ok(view.reasons.every((x) => x.pointer !== ''), 'every reason links to the text');
  });

  test('accepted once the CIKs are known and the footnote is gone', () => {
    const clean = analyze(readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'clean.form4.txt'), 'utf8'), { today: new Date('2026-11-23T12:00:00Z') });
    const { map } = parseCikMap({ NWLB: 1, 'Rivera Ana M.': 2 });
    const e = exportFiling(clean, 0, { cikMap: map, xml: false });
    const view = edgarView({ edgar: { verdict: e.verdict, findings: e.findings }, sources: clean.filings[0]!.sources })!;
    assert.equal(view.verdict, 'accepted');
    assert.equal(view.summary, "EDGAR would accept this filing's XML.");
    assert.equal(edgarView({ sources: {} }), undefined, 'no verdict from an older server');
  });
});

describe('preview HTML shell', () => {
  test('escapes every HTML-significant character', () => {
    assert.equal(escapeHtml(`<script>alert("x")</script> & 'y'`), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    assert.equal(escapeHtml('TECOGEN INC. [TGEN]'), 'TECOGEN INC. [TGEN]');
  });

  test('strict CSP with a nonce on every script and stylesheet, nothing remote', () => {
    const nonce = makeNonce();
    assert.match(nonce, /^[A-Za-z0-9_-]{20,}$/);
    assert.notEqual(nonce, makeNonce());
    const html = previewShellHtml({
      cspSource: 'https://x.vscode-cdn.net',
      nonce,
      scriptUri: 'https://x.vscode-cdn.net/media/preview.js',
      styleUri: 'https://x.vscode-cdn.net/media/preview.css',
      title: 'Preview <evil>.txt',
    });
    assert.ok(html.includes(`content="${contentSecurityPolicy('https://x.vscode-cdn.net', nonce).replace(/'/g, '&#39;')}"`));
    assert.match(contentSecurityPolicy('S', 'N'), /^default-src 'none'; style-src S 'nonce-N'; script-src 'nonce-N'/);
    const scripts = html.match(/<script[^>]*>/g)!;
    assert.equal(scripts.length, 1);
    assert.ok(scripts.every((s) => s.includes(`nonce="${nonce}"`)));
    assert.ok(html.includes('Preview &lt;evil&gt;.txt'));
    assert.ok(!/https?:\/\/(?!x\.vscode-cdn\.net)/.test(html), 'no remote content');
  });

  test('the webview script builds DOM from text, never from HTML strings', () => {
    const script = readFileSync(join(__dirname, '..', '..', 'media', 'preview.js'), 'utf8');
    assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/.test(script));
    const css = readFileSync(join(__dirname, '..', '..', 'media', 'preview.css'), 'utf8');
    assert.ok(!/@import|url\(\s*['"]?https?:/.test(css));
    assert.ok(/vscode-high-contrast/.test(css));
  });

  test('messages from the webview are validated', () => {
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'reveal', filing: 0, pointer: '/derivative/0' }));
    assert.ok(!isWebviewMessage({ type: 'reveal', filing: '0', pointer: '/x' }));
    assert.ok(!isWebviewMessage({ type: 'run', command: 'x' }));
    assert.ok(!isWebviewMessage(null));
  });
});

describe('sources', () => {
  const sources = {
    '': r(0, 0, 90, 0),
    '/derivative/0': r(20, 0, 20, 120),
    '/derivative/0/shares': r(20, 50, 20, 56),
    '/footnotes/0': r(40, 0, 41, 10),
  };

  test('the most specific record under a position', () => {
    assert.equal(pointerAt(sources, { line: 20, character: 52 }), '/derivative/0/shares');
    assert.equal(pointerAt(sources, { line: 20, character: 10 }), '/derivative/0');
    assert.equal(pointerAt(sources, { line: 41, character: 0 }), '/footnotes/0');
    assert.equal(pointerAt(sources, { line: 5, character: 0 }), undefined);
  });

  test('a value without a source falls back to its row', () => {
    assert.deepEqual(sourceFor(sources, '/derivative/0/expirationDate'), { pointer: '/derivative/0', range: sources['/derivative/0'] });
    assert.equal(sourceFor({}, '/derivative/0'), undefined);
    assert.equal(parentPointer('/a/0'), '/a');
    assert.equal(parentPointer('/a'), '');
    assert.equal(parentPointer(''), undefined);
  });
});

describe('throttle', () => {
  function fakeTimers() {
    let now = 0;
    const queue: Array<{ at: number; fn: () => void; id: number }> = [];
    let ids = 0;
    const timers: Timers = {
      now: () => now,
      setTimeout: (fn, ms) => {
        queue.push({ at: now + ms, fn, id: ++ids });
        return ids;
      },
      clearTimeout: (id) => {
        const i = queue.findIndex((q) => q.id === id);
        if (i >= 0) queue.splice(i, 1);
      },
    };
    const advance = (ms: number): void => {
      now += ms;
      for (const q of queue.filter((x) => x.at <= now)) {
        queue.splice(queue.indexOf(q), 1);
        q.fn();
      }
    };
    return { timers, advance };
  }

  test('runs the first call at once, then at most once per window, with a trailing run', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const t = throttle(() => runs++, 300, timers);
    t();
    assert.equal(runs, 1, 'leading');
    t();
    t();
    t();
    assert.equal(runs, 1);
    advance(299);
    assert.equal(runs, 1);
    advance(1);
    assert.equal(runs, 2, 'one trailing run for the burst');
    advance(1000);
    t();
    assert.equal(runs, 3, 'idle again: immediate');
    t();
    t.cancel();
    advance(1000);
    assert.equal(runs, 3, 'cancelled');
  });
});

describe('status bar text', () => {
  test('form type and counts', () => {
    assert.equal(formLabel(['4']), 'Form 4');
    assert.equal(formLabel(['4', '4']), 'Form 4 ×2');
    assert.equal(formLabel(['4', '3', null]), 'Forms 4, 3, ?');
    assert.equal(formLabel(undefined), 'Form 3/4/5');
    assert.equal(statusText(['4/A'], { errors: 2, warnings: 1 }), '$(file-text) Form 4/A  $(error) 2  $(warning) 1');
  });
});

describe('preview model on the analysis of the real seeds', () => {
  const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');

  test('every seed gives a model whose rows reveal a source range and whose findings are all placed', () => {
    for (const name of ['000_488474bd7af80319', '001_e59a361ad3bd20d9', '002_260c3c21b07e7aa1', '003_80bceb74459482a7']) {
      const analysis = analyze(readFileSync(join(SEEDS, `${name}.txt`), 'utf8'), { today: new Date('2024-01-01') });
      const res: RecordsResult = {
        uri: `file:///seeds/${name}.txt`,
        version: 1,
        filings: analysis.filings.map((f) => ({ index: f.index, range: f.range, layout: f.layout, record: f.record, sources: f.sources, findings: f.findings })),
      };
      assert.ok(res.filings.length >= 1, `${name} has a filing`);
      const model = previewModel(res, { showFindings: true });
      for (const [i, f] of model.filings.entries()) {
        const sources = res.filings[i]!.sources;
        const placed =
          f.findings.length +
          f.header.reduce((n, h) => n + h.findings.length, 0) +
          f.owners.reduce((n, o) => n + o.findings.length, 0) +
          f.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.findings.length, 0), 0) +
          f.footnotes.reduce((n, x) => n + x.findings.length, 0) +
          f.signatures.reduce((n, s) => n + s.findings.length, 0) +
          (f.remarks?.findings.length ?? 0);
        assert.equal(placed, res.filings[i]!.findings.length, `${name}: every finding shown once`);
        for (const t of f.tables) {
          for (const row of t.rows) {
            assert.ok(sourceFor(sources, row.pointer), `${name} ${row.pointer} has a source`);
            for (const c of row.cells) assert.ok(sourceFor(sources, c.pointer), `${name} ${c.pointer} resolves`);
          }
        }
      }
    }
  });
});
