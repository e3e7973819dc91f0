/**
 * Worker thread of the language server: analyses one large filing per message, so a filing of
 * thousands of rows does not stop the server from answering while it is read (see offload.ts).
 */
import { parentPort } from 'node:worker_threads';
import { analyzeFiling } from '../analysis/document';
import { encodeChunked } from './chunkedJson';
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
    // As JSON in pieces, in buffers moved (not copied) to the main thread, which parses them a
    // piece at a time between requests; the parts only features read, when one asks.
    const { record, sources, fields, labels, footnoteRefs, footnoteDefs, outline, ...head } = filing;
    const parts = { record, sources, fields, labels, footnoteRefs, footnoteDefs, outline };
    const reply: WorkerReply = { id: job.id, head: encodeChunked(head), parts: {} };
    const buffers = [reply.head!.buffer];
    for (const key of LAZY_PARTS) {
      if (parts[key] === undefined) continue;
      const chunked = encodeChunked(parts[key]);
      reply.parts![key] = chunked;
      buffers.push(chunked.buffer);
    }
    parentPort?.postMessage(reply, buffers);
  } catch (err) {
    parentPort?.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
