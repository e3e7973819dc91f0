// Form 345 Ledger webview: draws the display model the extension host posts
// (client/src/ledger/model.ts): per owner and issuer, each position's balance over time as an SVG
// chart (reported and computed lines, breaks marked, transactions as points that open their row),
// the same as a table, the short-swing pairs and the Item 405 counts.
//
// Security: every string from the model goes into the page through textContent or setAttribute,
// never as markup. The page's CSP allows only this nonce'd script.
// @ts-check
(function () {
  'use strict';

  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const status = /** @type {HTMLElement} */ (document.getElementById('status'));
  const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
  const exportButton = /** @type {HTMLButtonElement} */ (document.getElementById('export'));
  const SVG = 'http://www.w3.org/2000/svg';
  const W = 640;
  const H = 180;
  const PAD = { left: 64, right: 16, top: 12, bottom: 28 };

  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    if (attrs) for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k]);
    if (children) for (const c of children) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]));
    return e;
  }

  function open(uri, line) {
    vscode.postMessage({ type: 'open', uri: uri, line: line });
  }

  /** A link-like button that opens a filing at a line. */
  function goto(text, uri, line) {
    const b = el('button', { type: 'button', class: 'link' }, [text]);
    b.addEventListener('click', () => open(uri, line));
    return b;
  }

  const px = (x) => PAD.left + x * (W - PAD.left - PAD.right);
  const py = (y) => H - PAD.bottom - y * (H - PAD.top - PAD.bottom);

  function fmt(n) {
    return n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  }

  function chart(p) {
    const s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'chart', role: 'img', 'aria-label': 'Balance over time: ' + p.summary });
    // Axes and the balance scale.
    s.append(svg('line', { x1: PAD.left, y1: py(0), x2: W - PAD.right, y2: py(0), class: 'axis' }));
    s.append(svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom, class: 'axis' }));
    const labels = [
      [p.yMax, py(1)],
      [p.yMin, py(0)],
    ];
    for (const [v, y] of labels) {
      const t = svg('text', { x: PAD.left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' });
      t.textContent = fmt(v);
      s.append(t);
    }
    const d0 = svg('text', { x: PAD.left, y: H - 8, class: 'tick' });
    d0.textContent = p.firstDate;
    const d1 = svg('text', { x: W - PAD.right, y: H - 8, class: 'tick', 'text-anchor': 'end' });
    d1.textContent = p.lastDate;
    s.append(d0, d1);
    // The computed line: from each entry's predecessor to what it should show.
    const computed = [];
    const reported = [];
    for (const pt of p.points) {
      if (pt.cy !== null) computed.push(px(pt.x) + ',' + py(pt.cy));
      if (pt.y !== null) reported.push(px(pt.x) + ',' + py(pt.y));
    }
    if (computed.length > 1) s.append(svg('polyline', { points: computed.join(' '), class: 'computed' }));
    if (reported.length > 1) s.append(svg('polyline', { points: reported.join(' '), class: 'reported' }));
    for (const pt of p.points) {
      if (pt.y === null) continue;
      if (pt.isBreak && pt.cy !== null) s.append(svg('line', { x1: px(pt.x), y1: py(pt.cy), x2: px(pt.x), y2: py(pt.y), class: 'gap' }));
      const c = svg('circle', {
        cx: px(pt.x),
        cy: py(pt.y),
        r: pt.isBreak ? 5 : 3.5,
        class: 'point' + (pt.isBreak ? ' break' : '') + (pt.isTransaction ? ' tx' : ' holding'),
        tabindex: 0,
        role: 'button',
        'aria-label': pt.label,
      });
      const title = svg('title', {});
      title.textContent = pt.label;
      c.append(title);
      c.addEventListener('click', () => open(pt.uri, pt.line));
      c.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          open(pt.uri, pt.line);
        }
      });
      s.append(c);
    }
    return s;
  }

  function table(p) {
    const head = el('tr', {}, ['Date', 'Code', 'Change', 'Price', 'Reported', 'Follows as', 'Status', 'Where'].map((h) => el('th', { scope: 'col' }, [h])));
    const body = p.rows.map((r) => {
      const tr = el('tr', { class: r.status }, [r.date, r.code, r.change, r.price, r.reported, r.computed, r.status].map((v) => el('td', {}, [v])));
      tr.append(el('td', {}, [goto(r.file, r.uri, r.line)]));
      return tr;
    });
    return el('table', { class: 'entries' }, [el('caption', { class: 'visually-hidden' }, [p.summary]), el('thead', {}, [head]), el('tbody', {}, body)]);
  }

  function render(view) {
    summary.textContent = view.summary;
    status.textContent = view.summary;
    const parts = [];
    if (!view.groups.length) parts.push(el('p', { class: 'notice' }, ['No filings in the workspace ledger yet.']));
    for (const g of view.groups) {
      const sec = el('section', { class: 'group' }, [el('h2', {}, [g.title]), el('p', { class: 'notice' }, [g.filings + ' · ' + g.late])]);
      for (const p of g.positions) {
        const details = el('details', {}, [el('summary', {}, ['Table of the entries']), table(p)]);
        sec.append(el('div', { class: 'position' + (p.rows.some((r) => r.status === 'break') ? ' has-break' : '') }, [el('h3', {}, [p.summary]), chart(p), details]));
      }
      const swing = el('div', { class: 'swing' }, [el('h3', {}, ['Short-swing pairs (Section 16(b), lowest in, highest out): ' + g.pairs.length + ', profit ' + g.profit])]);
      if (g.pairs.length) {
        const head = el('tr', {}, ['Bought', 'Sold', 'Shares', 'Profit'].map((h) => el('th', { scope: 'col' }, [h])));
        const rows = g.pairs.map((p) =>
          el('tr', {}, [
            el('td', {}, [goto(p.purchase, p.purchaseAt.uri, p.purchaseAt.line)]),
            el('td', {}, [goto(p.sale, p.saleAt.uri, p.saleAt.line)]),
            el('td', {}, [p.shares]),
            el('td', {}, [p.profit]),
          ]),
        );
        rows.push(el('tr', { class: 'total' }, [el('td', { colspan: '3' }, ['Total']), el('td', {}, [g.profit])]));
        swing.append(el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)]));
      }
      for (const u of g.unmatchable) swing.append(el('p', { class: 'notice' }, ['Not matchable: ' + u]));
      swing.append(el('p', { class: 'notice small' }, [g.scope]));
      sec.append(swing);
      parts.push(sec);
    }
    if (view.unplaced.length) parts.push(el('section', {}, [el('h2', {}, ['Not placed in the ledger']), el('ul', {}, view.unplaced.map((u) => el('li', {}, [u])))]));
    root.replaceChildren(...parts);
  }

  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'ledger' && m.view) render(m.view);
    else if (m.type === 'notice' && typeof m.text === 'string') {
      root.replaceChildren(el('p', { class: 'notice' }, [m.text]));
      status.textContent = m.text;
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
