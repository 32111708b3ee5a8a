/**
 * Runs for a server, in worker threads, within limits: a pool of `workers` threads, each running one
 * job at a time, and a bounded queue in front of it. A caller takes a lease BEFORE it reads a request
 * body: at most `workers + queue` leases are out (running or waiting), so a server whose queue is full
 * answers at once and holds no more bodies than leases. A run waits in the queue (first come, first
 * served) at most `queueWaitMs` — then it fails with `RunLimitError('queue-timeout')` without having
 * run —, and runs within a time limit (the worker is terminated and replaced, the run fails with
 * `RunLimitError('time-limit')`) and a heap limit per worker. A worker sets itself up once (definitions
 * loaded once per worker) and then answers one job at a time; the time limit counts from when its job is
 * posted, not from the queue or the worker's setup.
 *
 * Generic over the job: the worker script calls `answerJobs(setup, handle)`; the server side only
 * moves messages. src/serve/worker.ts is the self-test page's worker.
 */
import { setPriority } from 'node:os';
import { parentPort, Worker, workerData, type Transferable } from 'node:worker_threads';

/** The nice value of a worker thread (Linux: per thread): below the server's own thread. */
const WORKER_NICE = 10;

export interface RunnerOptions {
  /** The compiled worker script (it calls `answerJobs`). */
  script: string;
  /** Handed to the worker's setup. */
  workerData?: unknown;
  /** Worker threads: the most runs at once. */
  workers: number;
  /** Runs that may wait for a worker beyond those running (default 0: a busy pool refuses at once). */
  queue?: number;
  /** Longest wait in the queue, in milliseconds, before a run is given up (default: `timeLimitMs`). */
  queueWaitMs?: number;
  /** Longest run, in milliseconds, before its worker is terminated. */
  timeLimitMs: number;
  /** Heap limit of a worker (V8 old generation, MB); a run beyond it fails with `memory-limit`. */
  maxHeapMb?: number;
  /**
   * Young generation of a worker (MB). V8's default lets each worker keep tens of MB of short-lived
   * objects resident; a small one keeps the process's RSS down with several workers (docs/serve.md).
   */
  youngHeapMb?: number;
}

export type RunLimitReason = 'time-limit' | 'memory-limit' | 'worker-failed' | 'closed' | 'queue-timeout' | 'cancelled';

/**
 * A run that did not finish: timed out, ran out of memory, its worker failed, the runner closed, or it
 * waited in the queue too long or its client went away meanwhile (and it never ran).
 */
export class RunLimitError extends Error {
  constructor(
    readonly reason: RunLimitReason,
    message: string,
  ) {
    super(message);
  }
}

/** The messages between the runner and a worker. */
type ToWorker = { id: number; job: unknown };
type FromWorker =
  | { kind: 'ready' }
  | { kind: 'setup-failed'; message: string }
  | { kind: 'done'; id: number; result: unknown }
  | { kind: 'failed'; id: number; message: string };

/** A worker's answer to a job and what of it to transfer rather than copy. */
export interface JobAnswer<R> {
  result: R;
  transfer?: Transferable[];
}

/**
 * The worker side: `setup` once (with the runner's workerData), then `handle` each job. A job that
 * throws is a `failed` answer, and the worker keeps serving.
 */
export function answerJobs<S, J, R>(setup: (data: unknown) => Promise<S>, handle: (state: S, job: J) => Promise<JobAnswer<R>>): void {
  const port = parentPort;
  if (!port) throw new Error('answerJobs runs in a worker thread');
  const post = (m: FromWorker, transfer?: Transferable[]): void => port.postMessage(m, transfer);
  // runs yield to the thread that answers HTTP: on Linux a nice value is per thread, and 0 means this one
  try {
    setPriority(WORKER_NICE);
  } catch {
    /* not allowed here: runs at the process's priority */
  }
  setup(workerData).then(
    (state) => {
      port.on('message', (m: ToWorker) => {
        handle(state, m.job as J).then(
          (a) => post({ kind: 'done', id: m.id, result: a.result }, a.transfer),
          (e: unknown) => post({ kind: 'failed', id: m.id, message: (e as Error).message }),
        );
      });
      post({ kind: 'ready' });
    },
    (e: unknown) => post({ kind: 'setup-failed', message: (e as Error).message }),
  );
}

interface Pending {
  resolve(value: unknown): void;
  reject(e: Error): void;
}

/** One worker: ready once set up; one job at a time. */
class Slot {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  private pending: { id: number; p: Pending } | undefined;
  private gone: Error | undefined;
  /** Chosen for a run (from before its setup is awaited until its answer). */
  taken = false;
  /** Set up (its definitions loaded) and not gone. */
  isReady = false;

  constructor(
    options: RunnerOptions,
    private readonly onGone: (slot: Slot) => void,
  ) {
    // execArgv: [] so that loaders and hooks of the host process (a test runner's) stay out of the worker
    this.worker = new Worker(options.script, {
      workerData: options.workerData,
      execArgv: [],
      resourceLimits: {
        ...(options.maxHeapMb ? { maxOldGenerationSizeMb: options.maxHeapMb } : {}),
        ...(options.youngHeapMb ? { maxYoungGenerationSizeMb: options.youngHeapMb } : {}),
      },
    });
    this.worker.unref();
    let ready: () => void = () => undefined;
    let notReady: (e: Error) => void = () => undefined;
    this.ready = new Promise<void>((resolve, reject) => {
      ready = resolve;
      notReady = reject;
    });
    this.ready.catch(() => undefined); // a failure is seen by whoever runs next
    this.worker.on('message', (m: FromWorker) => {
      if (m.kind === 'ready') {
        this.isReady = true;
        ready();
      } else if (m.kind === 'setup-failed') {
        const e = new RunLimitError('worker-failed', `the worker could not start: ${m.message}`);
        notReady(e);
        this.end(e);
      } else if (this.pending?.id === m.id) {
        const p = this.pending.p;
        this.pending = undefined;
        if (m.kind === 'done') p.resolve(m.result);
        else p.reject(new Error(m.message));
      }
    });
    this.worker.on('error', (e: Error & { code?: string }) => {
      const error =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new RunLimitError('memory-limit', `the run needed more than the ${options.maxHeapMb ?? '?'} MB memory limit`)
          : new RunLimitError('worker-failed', `the worker failed: ${e.message.split('\n')[0]}`);
      notReady(error);
      this.end(error);
    });
    this.worker.on('exit', (code) => {
      const e = new RunLimitError('worker-failed', `the worker stopped (exit code ${code})`);
      notReady(e);
      this.end(e);
    });
  }

  get alive(): boolean {
    return this.gone === undefined;
  }

  run(id: number, job: unknown, transfer: Transferable[] | undefined, p: Pending): void {
    if (this.gone) {
      p.reject(this.gone);
      return;
    }
    this.pending = { id, p };
    this.worker.postMessage({ id, job } satisfies ToWorker, transfer);
  }

  /** Stop the worker; its job (if any) fails with `e`. */
  end(e: Error): void {
    if (this.gone) return;
    this.gone = e;
    this.isReady = false;
    const p = this.pending?.p;
    this.pending = undefined;
    p?.reject(e);
    void this.worker.terminate();
    this.onGone(this);
  }
}

/** A run slot, taken before the request body is read; `release` gives it back (idempotent). */
export interface Lease {
  /** `gone`: the client went away — a run still waiting in the queue is dropped (`RunLimitError('cancelled')`). */
  run<R>(job: unknown, transfer?: Transferable[], gone?: AbortSignal): Promise<R>;
  release(): void;
}

/** A run waiting for a worker: resolved when one is free for it. */
interface Waiter {
  resolve(): void;
  reject(e: Error): void;
}

export class WorkerRunner {
  private readonly slots: Slot[] = [];
  private leases = 0;
  /** Runs on a worker now (at most `workers`). */
  private running = 0;
  /** Runs waiting for a worker, first come first served. */
  private readonly waiting: Waiter[] = [];
  private readonly queue: number;
  private readonly queueWaitMs: number;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: RunnerOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new Error('workers: expected a whole number ≥ 1');
    this.queue = options.queue ?? 0;
    if (!Number.isInteger(this.queue) || this.queue < 0) throw new Error('queue: expected a whole number ≥ 0');
    if (!(options.timeLimitMs > 0)) throw new Error('timeLimitMs: expected a positive number');
    this.queueWaitMs = options.queueWaitMs ?? options.timeLimitMs;
    if (!(this.queueWaitMs > 0)) throw new Error('queueWaitMs: expected a positive number');
  }

  /** Runs (leases) now held: running, waiting in the queue, or still receiving their body. */
  get active(): number {
    return this.leases;
  }

  /** Runs waiting for a worker. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Workers set up and alive (a readiness probe wants at least one). */
  get ready(): number {
    return this.slots.filter((s) => s.isReady).length;
  }

  /** Whether the runner takes no more runs (closing or draining). */
  get stopping(): boolean {
    return this.closed || this.draining;
  }

  private draining = false;
  private drained: (() => void)[] = [];

  /**
   * Take no new runs and resolve once the runs under way have finished (graceful shutdown: SIGTERM). The
   * runs keep their time limit, so this ends within it.
   */
  drain(): Promise<void> {
    this.draining = true;
    if (this.leases === 0) return Promise.resolve();
    return new Promise<void>((resolve) => this.drained.push(resolve));
  }

  /** Start the workers now, so that the first runs do not wait for their setup. */
  warm(): void {
    while (!this.closed && this.slots.length < this.options.workers) this.spawn();
  }

  /** A lease, or undefined when `workers + queue` runs are already under way or waiting (busy), or the runner stops. */
  tryAcquire(): Lease | undefined {
    if (this.closed || this.draining || this.leases >= this.options.workers + this.queue) return undefined;
    this.leases++;
    let held = true;
    const release = (): void => {
      if (held) {
        held = false;
        this.leases--;
        if (this.leases === 0) for (const done of this.drained.splice(0)) done();
      }
    };
    return {
      release,
      run: <R>(job: unknown, transfer?: Transferable[], gone?: AbortSignal): Promise<R> => {
        if (!held) return Promise.reject(new Error('the lease was released'));
        return this.run(job, transfer, gone) as Promise<R>;
      },
    };
  }

  private spawn(): Slot {
    const slot = new Slot(this.options, (gone) => {
      const i = this.slots.indexOf(gone);
      if (i >= 0) this.slots.splice(i, 1);
    });
    this.slots.push(slot);
    return slot;
  }

  private async run(job: unknown, transfer: Transferable[] | undefined, gone: AbortSignal | undefined): Promise<unknown> {
    if (this.closed) throw new RunLimitError('closed', 'the server is stopping');
    await this.turn(gone);
    try {
      // running ≤ workers = most slots, so an idle (or new) slot is always there
      const slot = this.slots.find((s) => s.alive && !s.taken) ?? this.spawn();
      slot.taken = true;
      try {
        await slot.ready;
        return await this.post(slot, job, transfer);
      } finally {
        slot.taken = false;
      }
    } finally {
      this.handOn();
    }
  }

  /** Resolves once this run may use a worker: at once when one is free, else in queue order (or fails after `queueWaitMs`). */
  private turn(gone: AbortSignal | undefined): Promise<void> {
    if (gone?.aborted) return Promise.reject(new RunLimitError('cancelled', 'the client went away'));
    if (this.running < this.options.workers) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const leave = (e: RunLimitError): void => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        waiter.reject(e);
      };
      const cancel = (): void => leave(new RunLimitError('cancelled', 'the client went away'));
      const waiter: Waiter = {
        resolve: () => {
          clearTimeout(timer);
          gone?.removeEventListener('abort', cancel);
          resolve();
        },
        reject: (e) => {
          clearTimeout(timer);
          gone?.removeEventListener('abort', cancel);
          reject(e);
        },
      };
      const timer = setTimeout(
        () =>
          leave(
            new RunLimitError('queue-timeout', `the run waited longer than ${this.queueWaitMs / 1000} s for a worker; try again later`),
          ),
        this.queueWaitMs,
      );
      gone?.addEventListener('abort', cancel, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** A run is done with its worker: the next one waiting takes its place. */
  private handOn(): void {
    const next = this.waiting.shift();
    if (next) next.resolve();
    else this.running--;
  }

  private post(slot: Slot, job: unknown, transfer: Transferable[] | undefined): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        slot.end(new RunLimitError('time-limit', `the run took longer than the ${this.options.timeLimitMs / 1000} s time limit`));
        if (!this.closed) this.spawn(); // the replacement sets itself up while nobody waits for it
      }, this.options.timeLimitMs);
      slot.run(this.nextId++, job, transfer, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new RunLimitError('closed', 'the server is stopping'));
    const slots = [...this.slots];
    await Promise.all(
      slots.map(async (s) => {
        s.end(new RunLimitError('closed', 'the server is stopping'));
        await s.worker.terminate();
      }),
    );
  }
}
