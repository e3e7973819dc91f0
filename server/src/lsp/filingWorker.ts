/**
 * Worker thread of the language server: analyses one large filing per message, so a filing of
 * thousands of rows does not stop the server from answering while it is read (see offload.ts).
 */
import { parentPort } from 'node:worker_threads';
import { analyzeFiling } from '../analysis/document';
import { LAZY_PARTS, type WorkerReply } from './offload';

interface Job {
  id: number;
  lines: string[];
  base: number;
  index: number;
  /** ISO timestamp of the pinned "today", if any. */
  today?: string;
}

parentPort?.on('message', (job: Job) => {
  try {
    const filing = analyzeFiling(job.lines, job.base, job.index, job.today ? { today: new Date(job.today) } : {});
    // As JSON text: copying a string to the main thread is cheap, rebuilding an object graph of
    // thousands of rows there is not; the parts only features read are parsed when first read.
    const { sources, fields, labels, footnoteRefs, footnoteDefs, outline, ...head } = filing;
    const parts = { sources, fields, labels, footnoteRefs, footnoteDefs, outline };
    const reply: WorkerReply = { id: job.id, head: JSON.stringify(head), parts: {} };
    for (const key of LAZY_PARTS) reply.parts![key] = JSON.stringify(parts[key]);
    parentPort?.postMessage(reply);
  } catch (err) {
    parentPort?.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
