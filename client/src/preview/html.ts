/**
 * The webview's HTML shell. Pure: no `vscode`, the caller passes the webview's URIs and CSP source.
 *
 * The shell holds no filing text: records arrive as a message and the script lays them out with
 * `textContent`. What the host does interpolate (file name, URIs) goes through {@link escapeHtml}.
 */
import { randomBytes } from 'node:crypto';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A fresh nonce per page load: 128 random bits, base64 without characters CSP would trip on. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64').replace(/[+/=]/g, (c) => (c === '+' ? '-' : c === '/' ? '_' : ''));
}

export interface ShellOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
}

/** The Content-Security-Policy: nothing remote, scripts only with the nonce. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/**
 * A webview page: the CSP meta, the stylesheet and the script (both with the nonce) around `body`,
 * which is the caller's fixed markup (no filing text).
 */
export function webviewShellHtml(o: ShellOptions, body: string): string {
  const csp = escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce));
  const nonce = escapeHtml(o.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
${body}
<script nonce="${nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}

export function previewShellHtml(o: ShellOptions): string {
  return webviewShellHtml(o, `<p id="status" class="visually-hidden" role="status"></p>
<main id="root"><p class="notice">Loading records…</p></main>`);
}
