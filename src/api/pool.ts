/**
 * Directory runs across cores: worker threads that each load the definitions once and validate
 * the files the pool hands them, one at a time (so a few large files do not leave the other
 * workers idle). Reports come back in file order whatever order they finish in.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { compiledScript } from '../util/worker-script.js';
import type { FileReport } from '../validator/issue.js';
import type { Locale } from '../validator/messages/index.js';
import type { OtherVersions } from '../validator/rules/profiles/other-version.js';
import type { ExportPurpose, RuleSelection } from '../validator/rules/registry.js';
import type { SafeReadOptions } from '../util/fs-safe.js';
import type { HeldTerminology } from '../validator/terminology/held.js';

/** What every worker is started with. */
export interface WorkerSetup {
  packages: string[];
  profiles: string[];
  /** Without profiles: the package canonicals resolve in first (`--ig <id>#<version>`). */
  scope?: { id: string; version: string };
  /** The standard's other versions, tried on a file with errors (`profiles/other-version`). */
  otherVersions?: OtherVersions;
  locale: Locale;
  /** Findings not to report (`--suppress`). */
  suppress: string[];
  /** Which rules to report (`--rules`). */
  rules: RuleSelection;
  /** What the files are exported for (`--purpose`). */
  purpose?: ExportPurpose;
  /** How input files are read (`--follow-symlinks`, `--max-input-mb`). */
  read?: Pick<SafeReadOptions, 'followSymlinks' | 'maxBytes'>;
  /** Code systems and value sets given to the run (`--terminology`; cloned into each worker). */
  terminology?: HeldTerminology;
}

/**
 * A job: a file to read, or stdin's text under the name `-`; `root` is the folder the file was
 * found in (a link below it may not lead outside it).
 */
export interface WorkerJob {
  index: number;
  file: string;
  text?: string;
  root?: string;
}

export type WorkerMessage = { kind: 'ready' } | { kind: 'report'; index: number; report: FileReport } | { kind: 'failed'; message: string };

/**
 * Input per worker below which another worker does not pay for itself: a worker loads the
 * definitions and warms up its own compiled code and caches (about a second of CPU), which is
 * what one thread spends on some 40 MB of typical bundles (docs/bench.md).
 */
const BYTES_PER_WORKER = 40 * 1024 * 1024;

/**
 * How many workers for `files` inputs of `bytes` in all: `requested` when given (1 = in this
 * thread), otherwise one per core (at most 8) as long as each gets BYTES_PER_WORKER of input.
 */
export function workerCount(files: number, bytes: number, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  return Math.max(1, Math.min(availableParallelism(), 8, files, Math.floor(bytes / BYTES_PER_WORKER)));
}

/** The compiled worker script: beside this module in dist/, or dist/ when running from sources. */
export function workerScript(): string | undefined {
  return compiledScript('api', 'validate-worker.js');
}

export class WorkerPool {
  private readonly workers: { worker: Worker; ready: boolean }[] = [];
  private jobs: WorkerJob[] = [];
  private reports: FileReport[] = [];
  private next = 0;
  private done = 0;
  private onReport: ((done: number, total: number, file: string) => void) | undefined;
  private finish: ((reports: FileReport[]) => void) | undefined;
  private failure: Error | undefined;
  private abort: ((e: Error) => void) | undefined;
  private closed = false;

  /**
   * Start `size` workers. They load the definitions while the caller does its own setup; what they
   * say is listened to from the start (a message nobody listens to would be lost).
   */
  /**
   * A pool of `size` workers. node:worker_threads is loaded here, not when this module is imported: a run
   * in this thread (one bundle, a cold start) does not pay for it.
   */
  static async start(script: string, size: number, setup: WorkerSetup): Promise<WorkerPool> {
    const { Worker: WorkerThread } = await import('node:worker_threads');
    return new WorkerPool(script, size, setup, WorkerThread);
  }

  private constructor(script: string, size: number, setup: WorkerSetup, WorkerThread: typeof Worker) {
    for (let i = 0; i < size; i++) {
      // execArgv: [] so that loaders and hooks of the host process (a test runner's) stay out of the workers
      const slot = { worker: new WorkerThread(script, { workerData: setup, execArgv: [] }), ready: false };
      this.workers.push(slot);
      slot.worker.on('message', (m: WorkerMessage) => this.receive(slot, m));
      slot.worker.on('error', (e: Error) => this.fail(e));
      slot.worker.on('exit', (code) => {
        if (code !== 0 && !this.closed) this.fail(new Error(`a validation worker stopped (exit code ${code})`));
      });
    }
  }

  private receive(slot: { worker: Worker; ready: boolean }, m: WorkerMessage): void {
    if (m.kind === 'failed') {
      this.fail(new Error(m.message));
      return;
    }
    if (m.kind === 'ready') {
      slot.ready = true;
      this.feed(slot);
      return;
    }
    this.reports[m.index] = m.report;
    this.done++;
    this.onReport?.(this.done, this.jobs.length, this.jobs[m.index]!.file);
    if (this.done === this.jobs.length) this.finish?.(this.reports);
    else this.feed(slot);
  }

  private feed(slot: { worker: Worker; ready: boolean }): void {
    if (!this.finish || !slot.ready) return; // not running yet: run() feeds every ready worker
    const job = this.jobs[this.next];
    if (job) {
      this.next++;
      slot.worker.postMessage(job);
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.abort?.(this.failure);
  }

  /** Validate every job; `onReport` after each (progress). Rejects on the first worker failure. */
  run(jobs: WorkerJob[], onReport?: (done: number, total: number, file: string) => void): Promise<FileReport[]> {
    return new Promise((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      if (jobs.length === 0) {
        resolve([]);
        return;
      }
      this.jobs = jobs;
      this.reports = new Array<FileReport>(jobs.length);
      this.next = 0;
      this.done = 0;
      this.onReport = onReport;
      this.abort = reject;
      this.finish = resolve;
      for (const slot of this.workers) this.feed(slot);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
