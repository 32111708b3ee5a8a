/**
 * The throughput part of `npm run bench:serve` (issue 17): FHIR `$validate` of one HCO bundle with keep-alive
 * connections, one client against `clients` concurrent clients, on a fresh server with its default pool; then the
 * HL7-validator-style comparison — the same bundle validated by one `medcom-ig validate` process per bundle.
 *
 * - Server: `node <cli> serve --port 0` (default workers and limits, request log on), a child process, so that its
 *   memory can be read from /proc (VmRSS every 100 ms, VmHWM at the end). Ready once a `$validate` answers 200.
 * - Warm-up (not counted): `clients` clients for `warmSeconds`, so that every worker has compiled its profiles.
 * - A measure: n clients, each posting the bundle to `/fhir/$validate?ig=hco` one request after another on a
 *   keep-alive connection (node:http Agent, keepAlive, maxSockets n) for `seconds`; requests/s counts the 200
 *   answers over the time until the last client's last answer. A failed request is anything but a 200: an error, a
 *   503 (busy: a client gets no validation), a 504; its client waits 100 ms before the next one. p50/p95 are over the
 *   200 answers.
 * - The ratio (clients / one client) is what the pool gives: ≥ 1.6× on 2 cores is issue 17's target. Per core:
 *   requests/s with `clients` clients over the cores of the machine (docs/service.md sizes replicas with it).
 * - The comparison: `cliRuns` runs of `node <cli> validate --ig hco <bundle>` one after another (a cold start
 *   each, as a CI job calling a command-line validator per message does).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { table } from './report.js';

export interface ThroughputOptions {
  root: string;
  cli: string;
  bundleFile: string;
  clients: number;
  seconds: number;
  warmSeconds: number;
  cliRuns: number;
  progress: (text: string) => void;
}

export interface Measure {
  clients: number;
  seconds: number;
  ok: number;
  failed: number;
  /** The failed requests by what they got: a status or an error code. */
  failures: Record<string, number>;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

export interface ThroughputResult {
  bundle: string;
  bundleBytes: number;
  /** Errors in the OperationOutcome of the first answer (0 expected: the bundle is valid). */
  outcomeErrors: number;
  cores: number;
  one: Measure;
  many: Measure;
  ratio: number;
  perCore: number;
  peakRssMb: number;
  readyRssMb: number;
  cli: { runs: number; failed: number; medianMs: number; bundlesPerSecond: number };
}

export const TARGET_RATIO = 1.6;

/** The server under test has no `$validate` (a build from before issue 17, given with --cli). */
export class NoValidateEndpoint extends Error {}

/** A figure from /proc/<pid>/status in MB (VmRSS, VmHWM), or undefined once the process is gone. */
export function procMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Start `node <cli> serve --port 0 …extra`; resolves with its URL once it prints it. Its output is read to the end
 * (a full pipe would stop the server) but only kept until the URL is found (the request log is long).
 */
export function startServe(root: string, cli: string, extra: readonly string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...extra], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolveUrl, reject) => {
    let out = '';
    let errText = '';
    let found = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (errText.length < 100_000) errText += d;
    });
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (found) return;
      out += d;
      const m = /(http:\/\/\S+\/)/.exec(out);
      if (m) {
        found = true;
        out = '';
        resolveUrl({ child, url: m[1]! });
      }
    });
    child.once('exit', (code) => {
      if (!found) reject(new Error(`the server ended (exit ${code}) before it listened:\n${errText.slice(-2000)}`));
    });
  });
}

/** Stop a server with SIGTERM (it finishes what it has accepted) and wait for it; SIGKILL after 30 s. */
export function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(hard);
      done();
    });
    child.kill('SIGTERM');
  });
}

interface Answer {
  status: number;
  ms: number;
  text?: string;
  error?: string;
}

/** POST the bundle on `agent`'s connections; the answer's text is kept only when `keep` is set. */
function post(agent: Agent, url: string, body: Buffer, keep = false): Promise<Answer> {
  const started = performance.now();
  return new Promise((done) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json', 'content-length': body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => {
          if (keep) chunks.push(d);
        });
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            ...(keep ? { text: Buffer.concat(chunks).toString('utf8') } : {}),
          }),
        );
        res.on('error', (e: NodeJS.ErrnoException) => done({ status: 0, ms: performance.now() - started, error: e.code ?? e.message }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => done({ status: 0, ms: performance.now() - started, error: e.code ?? e.message }));
    req.end(body);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `clients` clients, each posting one request after another on a keep-alive connection, for `seconds`. */
async function measure(url: string, body: Buffer, clients: number, seconds: number): Promise<Measure> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const answers: Answer[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const a = await post(agent, url, body);
        answers.push(a);
        // a failed request (a busy server's 503 comes at once) is not retried in a tight loop that would take the server's CPU
        if (a.status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const ok = answers.filter((a) => a.status === 200);
  const failures: Record<string, number> = {};
  for (const a of answers)
    if (a.status !== 200) {
      const key = a.status === 0 ? `error ${a.error ?? '?'}` : String(a.status);
      failures[key] = (failures[key] ?? 0) + 1;
    }
  const ms = ok.map((a) => a.ms).sort((a, b) => a - b);
  return {
    clients,
    seconds: elapsed,
    ok: ok.length,
    failed: answers.length - ok.length,
    failures,
    requestsPerSecond: ok.length / elapsed,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
  };
}

export async function throughput(o: ThroughputOptions): Promise<ThroughputResult> {
  const body = readFileSync(o.bundleFile);
  const cores = availableParallelism();
  o.progress(`throughput: $validate of ${basename(o.bundleFile)} (${(body.length / 1000).toFixed(1)} KB); server: ${o.cli}`);
  const { child, url } = await startServe(o.root, o.cli, []);
  const pid = child.pid!;
  const target = new URL('/fhir/$validate?ig=hco', url).href;
  let peakSampled = 0;
  const sampler = setInterval(() => {
    peakSampled = Math.max(peakSampled, procMb(pid, 'VmRSS') ?? 0);
  }, 100);
  try {
    // ready: a $validate answered 200 (a worker is set up)
    const probe = new Agent({ keepAlive: true, maxSockets: 1 });
    const readyBy = Date.now() + 120_000;
    let first: Answer;
    for (;;) {
      first = await post(probe, target, body, true);
      if (first.status === 200) break;
      if (first.status === 404) throw new NoValidateEndpoint(`${o.cli} serves no /fhir/$validate (404): an older build`);
      if (Date.now() > readyBy)
        throw new Error(`the server did not answer $validate within 2 minutes (last: ${first.status} ${first.error ?? ''})`);
      await new Promise((r) => setTimeout(r, 500));
    }
    probe.destroy();
    const outcome = JSON.parse(first.text ?? '{}') as { issue?: { severity?: string }[] };
    const outcomeErrors = (outcome.issue ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal').length;
    const readyRss = procMb(pid, 'VmRSS') ?? 0;
    o.progress(`server ready (pid ${pid}, ${readyRss.toFixed(0)} MB RSS); warm-up ${o.warmSeconds} s with ${o.clients} clients`);
    await measure(target, body, o.clients, o.warmSeconds);
    o.progress(`1 client for ${o.seconds} s`);
    const one = await measure(target, body, 1, o.seconds);
    o.progress(`${o.clients} clients for ${o.seconds} s`);
    const many = await measure(target, body, o.clients, o.seconds);
    const peakRss = Math.max(procMb(pid, 'VmHWM') ?? 0, peakSampled);
    clearInterval(sampler);
    await stopServe(child);

    o.progress(`${o.cliRuns} runs of \`medcom-ig validate\`, one process per bundle`);
    const runs: number[] = [];
    let failed = 0;
    const cliStarted = performance.now();
    for (let i = 0; i < o.cliRuns; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [o.cli, 'validate', '--ig', 'hco', o.bundleFile], { cwd: o.root, stdio: 'ignore' });
      runs.push(performance.now() - t);
      if (r.status !== 0) failed++;
    }
    const cliSeconds = (performance.now() - cliStarted) / 1000;
    runs.sort((a, b) => a - b);
    return {
      bundle: o.bundleFile,
      bundleBytes: body.length,
      outcomeErrors,
      cores,
      one,
      many,
      ratio: one.requestsPerSecond > 0 ? many.requestsPerSecond / one.requestsPerSecond : 0,
      perCore: many.requestsPerSecond / cores,
      peakRssMb: peakRss,
      readyRssMb: readyRss,
      cli: { runs: o.cliRuns, failed, medianMs: percentile(runs, 50), bundlesPerSecond: o.cliRuns / cliSeconds },
    };
  } finally {
    clearInterval(sampler);
    await stopServe(child);
  }
}

const ms = (n: number): string => `${n.toFixed(0)} ms`;

/** Whether issue 17's target is met, and if not, why. */
function verdict(r: ThroughputResult): string {
  const why: string[] = [];
  if (r.ratio < TARGET_RATIO) why.push(r.cores < 2 ? `below ${TARGET_RATIO}× (fewer than 2 cores)` : `below ${TARGET_RATIO}×`);
  if (r.many.failed > 0 || r.one.failed > 0) why.push('failed requests');
  return why.length === 0 ? 'met' : `NOT met: ${why.join(', ')}`;
}
const rps = (n: number): string => n.toFixed(1);

/** The throughput section of the benchmark's output. */
export function throughputLines(r: ThroughputResult, root: string): string[] {
  const failures = (m: Measure): string =>
    m.failed === 0
      ? '0'
      : `${m.failed} (${Object.entries(m.failures)
          .map(([k, n]) => `${n}× ${k}`)
          .join(', ')})`;
  const row = (m: Measure): string[] => [
    `${m.clients} client${m.clients === 1 ? '' : 's'}`,
    rps(m.requestsPerSecond),
    String(m.ok),
    failures(m),
    ms(m.p50Ms),
    ms(m.p95Ms),
  ];
  const file = r.bundle.startsWith(root) ? r.bundle.slice(root.length + 1) : r.bundle;
  return [
    `$validate throughput: POST /fhir/$validate?ig=hco of ${file} (${(r.bundleBytes / 1000).toFixed(1)} KB, ` +
      `${r.outcomeErrors} error(s) in its OperationOutcome), keep-alive connections, ${r.one.seconds.toFixed(0)} s per measure, ` +
      `server with its default pool on ${r.cores} cores`,
    '',
    table(['clients', 'requests/s', 'answered 200', 'failed', 'p50', 'p95'], [row(r.one), row(r.many)], [0, 3]),
    '',
    table(
      ['figure', 'measured', 'target', ''],
      [
        [`${r.many.clients} clients / 1 client`, `${r.ratio.toFixed(2)}×`, `≥ ${TARGET_RATIO}× on 2 cores, no failed request`, verdict(r)],
        [
          'requests/s per core',
          rps(r.perCore),
          '',
          `${r.many.clients} clients over ${r.cores} cores: docs/service.md sizes replicas with it`,
        ],
        ['server peak RSS (VmHWM)', `${r.peakRssMb.toFixed(0)} MB`, '', ''],
        ['server RSS when ready', `${r.readyRssMb.toFixed(0)} MB`, '', ''],
      ],
      [0, 2, 3],
    ),
    '',
    'HL7-validator-style comparison (one command-line validator process per bundle, as a CI job without a server does):',
    table(
      ['how', 'bundles/s', 'per bundle', 'failed'],
      [
        [
          `medcom-ig validate, ${r.cli.runs} processes one after another`,
          rps(r.cli.bundlesPerSecond),
          `${ms(r.cli.medianMs)} (median)`,
          String(r.cli.failed),
        ],
        ['$validate, 1 client', rps(r.one.requestsPerSecond), `${ms(r.one.p50Ms)} (median)`, String(r.one.failed)],
        [`$validate, ${r.many.clients} clients`, rps(r.many.requestsPerSecond), `${ms(r.many.p50Ms)} (median)`, String(r.many.failed)],
      ],
      [0],
    ),
    `$validate answers ${(r.one.requestsPerSecond / r.cli.bundlesPerSecond).toFixed(1)}× (1 client) and ` +
      `${(r.many.requestsPerSecond / r.cli.bundlesPerSecond).toFixed(1)}× (${r.many.clients} clients) the bundles/s of a process per bundle.`,
  ];
}
