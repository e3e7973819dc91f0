// Form 345 preview webview: lays out the display model the extension host posts.
//
// Security: filings contain HTML and arbitrary text. Every string from the model goes into the
// page through textContent or setAttribute, never as markup, so nothing in a filing can become
// markup or script. The page's CSP allows only this nonce'd script anyway.
// Message shapes: client/src/preview/messages.ts.
// @ts-check
(function () {
  'use strict';

  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const status = /** @type {HTMLElement} */ (document.getElementById('status'));

  /** @type {{ uri?: string, scrollY?: number }} */
  let state = vscode.getState() || {};
  /** The uri of the model on screen. */
  let currentUri = null;
  /** `${filing}\u0000${pointer}` → element, rebuilt on each render (pointers are not CSS-safe). */
  let byPointer = new Map();
  /** Elements marked as holding the editor cursor. */
  let marked = [];

  const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' };

  // -------------------------------------------------------------------------------------------
  // DOM helpers: text only.
  // -------------------------------------------------------------------------------------------

  /**
   * @param {string} tag
   * @param {Record<string, string>} [attrs]
   * @param {(Node | string)[]} [children]
   */
  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    if (attrs) for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k]);
    if (children) for (const c of children) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  /** Marks an element as a record: clickable, focusable, found again by its pointer. */
  function record(e, filing, pointer, label) {
    e.dataset.pointer = pointer;
    e.dataset.nav = '';
    e.tabIndex = 0;
    if (label) e.setAttribute('aria-label', label);
    byPointer.set(filing + '\u0000' + pointer, e);
    return e;
  }

  /** A value inside a record: clickable by mouse, not a tab stop of its own. */
  function value(e, filing, pointer) {
    e.dataset.pointer = pointer;
    e.classList.add('value');
    byPointer.set(filing + '\u0000' + pointer, e);
    return e;
  }

  function findingsList(findings) {
    if (!findings || findings.length === 0) return el('span', { class: 'no-findings' }, []);
    return el(
      'ul',
      { class: 'findings' },
      findings.map((f) =>
        el('li', { class: 'finding ' + f.severity }, [
          el('span', { class: 'severity' }, [SEVERITY_LABEL[f.severity] || f.severity]),
          ' ',
          f.message,
          ' ',
          el('span', { class: 'rule' }, ['(' + f.code + ')']),
        ]),
      ),
    );
  }

  function footnoteId(filing, id) {
    return 'fn-' + filing + '-' + String(id).replace(/[^A-Za-z0-9_-]/g, '_');
  }

  function footnoteLinks(filing, ids) {
    const span = el('span', { class: 'footnote-refs' }, []);
    ids.forEach((id, i) => {
      if (i > 0) span.append(' ');
      const a = el('a', { href: '#' + footnoteId(filing, id), class: 'fn-ref', 'aria-label': 'Footnote ' + id }, ['(' + id + ')']);
      span.append(a);
    });
    return span;
  }

  // -------------------------------------------------------------------------------------------
  // Sections
  // -------------------------------------------------------------------------------------------

  function renderHeader(filing, showFindings) {
    const dl = el('dl', { class: 'header-fields' }, []);
    for (const f of filing.header) {
      const item = record(el('div', { class: 'field' }, [el('dt', {}, [f.label]), el('dd', {}, [f.text])]), filing.index, f.pointer, f.label + ': ' + f.text);
      if (showFindings && f.findings.length) item.append(findingsList(f.findings));
      dl.append(item);
    }
    return dl;
  }

  function renderOwners(filing, showFindings) {
    const head = ['Name', 'Address', 'Relationship to issuer'];
    if (showFindings) head.push('Findings');
    const table = el('table', { class: 'owners', 'aria-labelledby': 'owners-' + filing.index }, [
      el('thead', {}, [el('tr', {}, head.map((h) => el('th', { scope: 'col' }, [h])))]),
    ]);
    const body = el('tbody', {}, []);
    for (const o of filing.owners) {
      const tr = record(el('tr', {}, []), filing.index, o.pointer, 'Reporting owner ' + o.name);
      tr.append(
        value(el('th', { scope: 'row' }, [o.name]), filing.index, o.pointer + '/name'),
        value(el('td', {}, [o.address]), filing.index, o.pointer + '/street1'),
        el('td', {}, [o.relationships]),
      );
      if (showFindings) tr.append(el('td', { class: 'findings-cell' }, [findingsList(o.findings)]));
      body.append(tr);
    }
    table.append(body);
    return filing.owners.length ? table : el('p', { class: 'notice' }, ['No reporting owner found.']);
  }

  function renderTable(filing, table, showFindings) {
    // The heading stays outside the horizontal scroller so it never scrolls away with wide tables.
    const out = document.createDocumentFragment();
    const wrap = el('div', { class: 'table-wrap' }, []);
    const headingId = table.id + '-' + filing.index;
    const heading = el('h3', { id: headingId }, [table.caption]);
    if (table.rows.length === 0) {
      out.append(heading, el('p', { class: 'notice' }, ['No rows.']));
      return out;
    }
    const head = table.columns.map((c) => el('th', { scope: 'col', class: c.numeric ? 'num' : '' }, [c.header]));
    head.push(el('th', { scope: 'col' }, ['Footnotes']));
    if (showFindings) head.push(el('th', { scope: 'col' }, ['Findings']));
    // The heading names the table for screen readers; a caption would say it twice.
    const t = el('table', { class: 'rows', 'aria-labelledby': headingId }, [
      el('thead', {}, [el('tr', {}, head)]),
    ]);
    const body = el('tbody', {}, []);
    for (const row of table.rows) {
      const tr = record(el('tr', {}, []), filing.index, row.pointer, row.label);
      row.cells.forEach((c, i) => {
        const cell = el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, [c.text]);
        if (c.numeric) cell.classList.add('num');
        if (c.title) {
          cell.title = c.title;
          cell.classList.add('has-title');
          // title is not read by every screen reader; the hidden text is.
          cell.append(el('span', { class: 'visually-hidden' }, [' (' + c.title + ')']));
        }
        tr.append(value(cell, filing.index, c.pointer));
      });
      tr.append(el('td', {}, [footnoteLinks(filing.index, row.footnoteIds)]));
      if (showFindings) tr.append(el('td', { class: 'findings-cell' }, [findingsList(row.findings)]));
      if (row.findings.some((f) => f.severity === 'error')) tr.classList.add('has-error');
      else if (row.findings.some((f) => f.severity === 'warning')) tr.classList.add('has-warning');
      body.append(tr);
    }
    t.append(body);
    wrap.append(t);
    out.append(heading, wrap);
    return out;
  }

  function renderFootnotes(filing, showFindings) {
    const list = el('ol', { class: 'footnotes' }, []);
    for (const f of filing.footnotes) {
      const li = record(el('li', { id: footnoteId(filing.index, f.id) }, []), filing.index, f.pointer, 'Footnote ' + f.id);
      li.append(el('span', { class: 'fn-marker' }, ['(' + f.id + ')']), ' ', f.text);
      if (f.citedBy.length) {
        const back = el('span', { class: 'cited-by' }, [' — cited by ']);
        f.citedBy.forEach((p, i) => {
          if (i > 0) back.append(', ');
          const target = byPointer.get(filing.index + '\u0000' + p);
          const a = el('a', { href: '#', class: 'back-ref' }, [target ? target.getAttribute('aria-label') || p : p]);
          a.dataset.backPointer = p;
          back.append(a);
        });
        li.append(back);
      }
      if (showFindings && f.findings.length) li.append(findingsList(f.findings));
      list.append(li);
    }
    return filing.footnotes.length ? list : el('p', { class: 'notice' }, ['No footnotes.']);
  }

  function renderSignatures(filing, showFindings) {
    const list = el('ul', { class: 'signatures' }, []);
    for (const s of filing.signatures) {
      const li = record(el('li', {}, []), filing.index, s.pointer, 'Signature ' + s.name + ', ' + s.date);
      li.append(
        value(el('span', { class: 'sig-name' }, [s.name]), filing.index, s.pointer + '/name'),
        ' — ',
        value(el('span', { class: 'sig-date' }, [s.date]), filing.index, s.pointer + '/date'),
      );
      if (showFindings && s.findings.length) li.append(findingsList(s.findings));
      list.append(li);
    }
    return filing.signatures.length ? list : el('p', { class: 'notice' }, ['No signature found.']);
  }

  /** Would EDGAR accept the filing's XML: the verdict, then each reason, linked to its text. */
  function renderEdgar(filing) {
    const e = filing.edgar;
    const box = el('div', { class: 'edgar ' + e.verdict, role: 'note', 'aria-label': 'EDGAR acceptance' }, [el('p', { class: 'edgar-summary' }, [e.summary])]);
    if (e.reasons.length) {
      const list = el('ul', { class: 'findings edgar-reasons' }, []);
      for (const f of e.reasons) {
        const li = el('li', { class: 'finding ' + f.severity }, [
          el('span', { class: 'severity' }, [SEVERITY_LABEL[f.severity] || f.severity]),
          ' ',
          f.message,
          ' ',
          el('span', { class: 'rule' }, ['(' + f.code + ')']),
        ]);
        // Clicking a reason selects its text in the editor (not kept in byPointer: the record's own element is).
        if (f.pointer) {
          li.dataset.pointer = f.pointer;
          li.dataset.nav = '';
          li.tabIndex = 0;
        }
        list.append(li);
      }
      box.append(list);
    }
    return box;
  }

  function renderFiling(filing, showFindings, many) {
    const headingId = 'filing-' + filing.index;
    const section = el('section', { class: 'filing', 'aria-labelledby': headingId }, []);
    section.dataset.filing = String(filing.index);
    section.append(el('h2', { id: headingId }, [filing.title + (many ? ' (filing ' + (filing.index + 1) + ')' : '')]));
    if (filing.edgar) section.append(renderEdgar(filing));
    if (showFindings && filing.findings.length) {
      section.append(el('div', { class: 'filing-findings', role: 'note', 'aria-label': 'Findings about the whole filing' }, [findingsList(filing.findings)]));
    }
    section.append(renderHeader(filing, showFindings));
    section.append(el('h3', { id: 'owners-' + filing.index }, ['Reporting owners']), renderOwners(filing, showFindings));
    for (const t of filing.tables) section.append(renderTable(filing, t, showFindings));
    section.append(el('h3', {}, ['Explanation of responses']), renderFootnotes(filing, showFindings));
    section.append(el('h3', {}, ['Signatures']), renderSignatures(filing, showFindings));
    if (filing.remarks) {
      const p = record(el('p', { class: 'remarks' }, [filing.remarks.text]), filing.index, filing.remarks.pointer, 'Remarks');
      section.append(el('h3', {}, ['Remarks']), p);
      if (showFindings && filing.remarks.findings.length) section.append(findingsList(filing.remarks.findings));
    }
    return section;
  }

  function render(model) {
    const sameDocument = currentUri === model.uri;
    const restoreY = sameDocument ? window.scrollY : state.uri === model.uri ? state.scrollY || 0 : 0;
    const focused = /** @type {HTMLElement | null} */ (document.activeElement);
    const focusedPointer = focused && focused.dataset ? focused.dataset.pointer : undefined;
    const focusedFiling = focusedPointer && focused ? filingOf(focused) : 0;
    byPointer = new Map();
    marked = [];
    const many = model.filings.length > 1;
    const content = document.createDocumentFragment();
    for (const f of model.filings) content.append(renderFiling(f, model.showFindings, many));
    root.replaceChildren(content);
    document.title = 'Preview ' + model.fileName;
    if (!sameDocument) status.textContent = 'Showing records of ' + model.fileName;
    currentUri = model.uri;
    window.scrollTo(0, restoreY);
    // Keep keyboard focus on the same record across live updates.
    if (focusedPointer) {
      const again = byPointer.get(focusedFiling + '\u0000' + focusedPointer);
      if (again && again.dataset.nav !== undefined) again.focus({ preventScroll: true });
    }
    saveState();
  }

  function notice(message) {
    currentUri = message.uri;
    byPointer = new Map();
    marked = [];
    root.replaceChildren(el('p', { class: message.error ? 'notice error' : 'notice' }, [message.text]));
    status.textContent = message.text;
  }

  // -------------------------------------------------------------------------------------------
  // Cursor highlight, scroll state, interaction
  // -------------------------------------------------------------------------------------------

  function isVisible(e) {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }

  function highlight(filing, pointer) {
    for (const e of marked) e.classList.remove('current');
    marked = [];
    if (pointer === null) return;
    let p = pointer;
    let target;
    while (p && !(target = byPointer.get(filing + '\u0000' + p))) p = p.slice(0, p.lastIndexOf('/'));
    if (!target) return;
    target.classList.add('current');
    marked.push(target);
    const rec = target.closest('[data-nav]');
    if (rec && rec !== target) {
      rec.classList.add('current');
      marked.push(rec);
    }
    if (!isVisible(target)) target.scrollIntoView({ block: 'nearest' });
  }

  let scrollPending = false;
  function saveState() {
    state = { uri: currentUri || undefined, scrollY: window.scrollY };
    vscode.setState(state);
  }
  window.addEventListener('scroll', () => {
    if (scrollPending) return;
    scrollPending = true;
    requestAnimationFrame(() => {
      scrollPending = false;
      saveState();
    });
  });

  function filingOf(e) {
    const section = e.closest('section[data-filing]');
    return section ? Number(section.dataset.filing) : 0;
  }

  function revealFrom(e) {
    const target = e.closest('[data-pointer]');
    if (!target) return;
    vscode.postMessage({ type: 'reveal', filing: filingOf(target), pointer: target.dataset.pointer });
  }

  function jumpTo(e) {
    if (!e) return;
    e.scrollIntoView({ block: 'center' });
    e.focus({ preventScroll: true });
  }

  document.addEventListener('click', (ev) => {
    const t = /** @type {HTMLElement} */ (ev.target);
    const fnRef = t.closest('a.fn-ref');
    if (fnRef) {
      ev.preventDefault();
      jumpTo(document.getElementById((fnRef.getAttribute('href') || '').slice(1)));
      return;
    }
    const back = t.closest('a.back-ref');
    if (back) {
      ev.preventDefault();
      jumpTo(byPointer.get(filingOf(back) + '\u0000' + back.dataset.backPointer));
      return;
    }
    if (t.closest('a')) return;
    revealFrom(t);
  });

  document.addEventListener('keydown', (ev) => {
    const t = /** @type {HTMLElement} */ (ev.target);
    if (!t.dataset || t.dataset.nav === undefined) return;
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      revealFrom(t);
    } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      // Arrow keys walk from record to record, as in a list.
      const all = Array.from(root.querySelectorAll('[data-nav]'));
      const next = all[all.indexOf(t) + (ev.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        ev.preventDefault();
        /** @type {HTMLElement} */ (next).focus();
      }
    }
  });

  window.addEventListener('message', (ev) => {
    const m = ev.data;
    if (!m || typeof m.type !== 'string') return;
    if (m.type === 'update') render(m.model);
    else if (m.type === 'highlight') highlight(m.filing, m.pointer);
    else if (m.type === 'notice') notice(m);
  });

  vscode.postMessage({ type: 'ready' });
})();
