/**
 * The Ledger webview's HTML shell: the same Content-Security-Policy as the preview (nothing
 * remote, scripts only with the nonce). It holds no filing text; the ledger arrives as a message
 * and the script lays it out with `textContent` and SVG attributes.
 */
import { webviewShellHtml } from '../preview/html';

export interface LedgerShellOptions {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

export function ledgerShellHtml(o: LedgerShellOptions): string {
  return webviewShellHtml({ ...o, title: 'Ledger' }, `<p id="status" class="visually-hidden" role="status"></p>
<header class="toolbar"><h1>Ledger</h1><span id="summary" class="notice"></span><button id="export" type="button">Export CSV</button></header>
<main id="root"><p class="notice">Reading the filings of the workspace…</p></main>`);
}
