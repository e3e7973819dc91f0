/**
 * Messages between the extension host and the preview webview (media/preview.js).
 * Types only; the webview script is plain JavaScript and follows these shapes by hand.
 */
import type { PreviewModel } from './model';

export type HostMessage =
  /** New records to show; the webview keeps its scroll position if the document is the same. */
  | { type: 'update'; model: PreviewModel }
  /** The record under the editor cursor (null: none). */
  | { type: 'highlight'; filing: number; pointer: string | null }
  /** Nothing to show, with the reason. */
  | { type: 'notice'; uri: string | null; text: string; error?: boolean };

export type WebviewMessage =
  /** The script loaded (also after the panel was hidden and shown again): send the model. */
  | { type: 'ready' }
  /** The user clicked or pressed Enter on a record or value. */
  | { type: 'reveal'; filing: number; pointer: string };

/** What the webview keeps with `vscode.setState`, and what the serializer restores from. */
export interface PreviewState {
  uri?: string;
  scrollY?: number;
}

export function isWebviewMessage(m: unknown): m is WebviewMessage {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  if (o.type === 'ready') return true;
  return o.type === 'reveal' && typeof o.filing === 'number' && typeof o.pointer === 'string';
}
