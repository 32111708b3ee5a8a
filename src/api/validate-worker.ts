/**
 * A validation worker thread (src/api/pool.ts): loads the definitions once, then validates the
 * files it is sent and posts each report back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerJob, WorkerMessage, WorkerSetup } from './pool.js';
import { fileInput, RunValidator, validationDefinitions } from './validate.js';

const port = parentPort;
if (!port) throw new Error('validate-worker.js runs as a worker thread');
const setup = workerData as WorkerSetup;
const post = (m: WorkerMessage): void => port.postMessage(m);

try {
  const { packages, ...options } = setup;
  const defs = await validationDefinitions(packages);
  const run = new RunValidator(defs, options);
  // the pool hands a worker its next file only after the report of the last
  port.on('message', (job: WorkerJob) => {
    run.validate(job.file, fileInput(job)).then(
      (report) => post({ kind: 'report', index: job.index, report }),
      (e: unknown) => post({ kind: 'failed', message: `${job.file}: ${(e as Error).message}` }),
    );
  });
  post({ kind: 'ready' });
} catch (e) {
  post({ kind: 'failed', message: (e as Error).message });
}
