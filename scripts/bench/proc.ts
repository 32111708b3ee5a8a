/** Child processes for the benchmark: run one to completion and measure its whole wall-clock time. */
import { spawnSync } from 'node:child_process';

export interface Timed {
  /** Wall-clock milliseconds from spawn to exit (process start-up and shutdown included). */
  ms: number;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Give up after this many milliseconds (the child is killed and the run reported as failed). */
  timeoutMs?: number;
}

/** Run `command args...` with no standard input; output is captured, not shown. */
export function runTimed(command: string, args: readonly string[], opts: RunOptions): Timed {
  const started = performance.now();
  const r = spawnSync(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: opts.timeoutMs ?? 15 * 60 * 1000,
  });
  const ms = performance.now() - started;
  if (r.error && r.status === null && r.signal === null) throw r.error;
  return { ms, status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Run a node script with the same node binary as this process. */
export function runNode(script: string, args: readonly string[], opts: RunOptions): Timed {
  return runTimed(process.execPath, [script, ...args], opts);
}

/** A one-line description of how a child ended, for error messages. */
export function exitText(t: Timed): string {
  return t.signal ? `signal ${t.signal}` : `exit ${t.status ?? '?'}`;
}

/** The last `lines` lines of a child's combined output, for error messages. */
export function tail(t: Timed, lines = 20): string {
  return (t.stdout + '\n' + t.stderr).trimEnd().split('\n').slice(-lines).join('\n');
}
