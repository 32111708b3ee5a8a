import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, the working folder of every CLI run. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The CLI launcher the tests spawn (it loads dist/: `npm run compile` first). */
export const cliBin = join(repoRoot, 'bin', 'medcom-ig.js');

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The run was killed at the bound (`timeout`). */
  timedOut: boolean;
  /** Why the spawn failed, if it did (the bound, a too large output …). */
  error: Error | undefined;
  /** Wall-clock time of the run. */
  ms: number;
}

export interface CliOptions {
  /** Kill the run (SIGKILL) after this many ms; default 120 s. */
  timeout?: number;
  /** Standard input's content. */
  input?: string | Buffer;
  /** A file descriptor (or 'ignore') for standard input or standard output instead of a pipe. */
  stdin?: number | 'ignore';
  stdout?: number | 'ignore';
  env?: NodeJS.ProcessEnv;
}

/** Run `medcom-ig <args>` to its end from the repository root, bounded, with its output as text. */
export function runCli(args: readonly string[], options: CliOptions = {}): CliRun {
  const started = Date.now();
  const stdio: StdioOptions = [options.stdin ?? 'pipe', options.stdout ?? 'pipe', 'pipe'];
  const r = spawnSync(process.execPath, [cliBin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    stdio,
    ...(options.input !== undefined ? { input: options.input } : {}),
    ...(options.env !== undefined ? { env: options.env } : {}),
  });
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    timedOut: (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
    error: r.error,
    ms: Date.now() - started,
  };
}

/** Start `medcom-ig <args>` from the repository root without waiting for it (kill tests, a reader that goes away). */
export function startCli(args: readonly string[], stdio: StdioOptions = 'ignore'): ChildProcess {
  return spawn(process.execPath, [cliBin, ...args], { cwd: repoRoot, stdio });
}
