/** Worker thread of `form345`: analyses the files it is sent, one message per file. */
import { parentPort } from 'node:worker_threads';
import { analyzeFile, type FileJob } from './analyzeFile';

parentPort?.on('message', (msg: { id: number; job: FileJob }) => {
  let result;
  try {
    result = analyzeFile(msg.job);
  } catch (e) {
    result = { file: msg.job.file, problem: `analysis failed: ${(e as Error).message}`, filings: 0, records: [], starts: [], findings: [] };
  }
  parentPort?.postMessage({ id: msg.id, result });
});
