/**
 * Worker thread of the language server: analyses one large filing per message, so a filing of
 * thousands of rows does not stop the server from answering while it is read (see offload.ts).
 */
import { parentPort } from 'node:worker_threads';
import { analyzeFiling } from '../analysis/document';

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
    parentPort?.postMessage({ id: job.id, filing });
  } catch (err) {
    parentPort?.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
