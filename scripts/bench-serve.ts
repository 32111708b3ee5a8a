/**
 * `npm run bench:serve [-- --uploads N] [-- --mb N] [-- --probe-ms N] [-- --workers N] [-- --cli FILE] [-- --json FILE]
 *  [-- --clients N] [-- --seconds N] [-- --warm-seconds N] [-- --cli-runs N] [-- --bundle FILE] [-- --throughput-only]`:
 * `medcom-ig serve` under load (issue 12's acceptance), then its `$validate` throughput (issue 17's: one client
 * against 8 with keep-alive, and a process per bundle for comparison; scripts/bench/serve-throughput.ts).
 *
 * The server runs as a child process (`node bin/medcom-ig.js serve --port 0`), so its memory can be
 * sampled from /proc/<pid>/status (VmRSS every 100 ms; VmHWM, the peak, at the end — worker threads
 * are in the same process and counted). Once it answers a small validation (its workers are set
 * up), N uploads (default 50) of an M MB (default 5) HCO message — an HCO example padded with copies
 * of its Observations, generated here — are fired at once at /api/validate, and meanwhile, every
 * `--probe-ms` (default 200), one of the page (`/`), `/api/info` or a small validation (one HCO
 * example), in turn. Printed: the server's peak RSS (target < 600 MB), the slowest probe answer
 * (target < 2 s), how the uploads were answered (200, 503 busy, other), the size of a 200 answer
 * against the upload (each report is sent once), and wall-clock time.
 *
 * `--cli` benchmarks another build's CLI (e.g. an older checkout's bin/medcom-ig.js) with the same
 * load, for a before/after figure. Linux only (/proc). Offline: only 127.0.0.1 is contacted.
 *
 * Then, on a fresh server with its default pool: `--clients` (8) against one client posting `--bundle` (an HCO 1.2.1
 * example) to `/fhir/$validate?ig=hco` for `--seconds` (20) each after `--warm-seconds` (5), and `--cli-runs` (10)
 * `medcom-ig validate` processes on the same bundle. `--throughput-only` skips the upload load.
 * Exits 0 when the benchmark ran, 2 when it could not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseFlags } from './bench/args.js';
import { paddedHcoBundle } from './bench/serve-bundle.js';
import { table } from './bench/report.js';
import { NoValidateEndpoint, procMb, throughput, throughputLines } from './bench/serve-throughput.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const TARGET_RSS_MB = 600;
const TARGET_PROBE_MS = 2000;
const USAGE =
  'usage: npm run bench:serve [-- --uploads N] [-- --mb N] [-- --probe-ms N] [-- --workers N] [-- --cli FILE] [-- --json FILE]\n' +
  '                           [-- --clients N] [-- --seconds N] [-- --warm-seconds N] [-- --cli-runs N] [-- --bundle FILE] [-- --throughput-only]\n';

interface Args {
  uploads: number;
  mb: number;
  probeMs: number;
  maxConcurrent: number | undefined;
  cli: string;
  json: string | undefined;
  clients: number;
  seconds: number;
  warmSeconds: number;
  cliRuns: number;
  bundle: string;
  throughputOnly: boolean;
}

function parseArgs(raw: readonly string[]): Args {
  const flags = parseFlags(
    'bench:serve',
    raw,
    {
      uploads: { type: 'string' },
      mb: { type: 'string' },
      'probe-ms': { type: 'string' },
      workers: { type: 'string' },
      cli: { type: 'string' },
      json: { type: 'string' },
      clients: { type: 'string' },
      seconds: { type: 'string' },
      'warm-seconds': { type: 'string' },
      'cli-runs': { type: 'string' },
      bundle: { type: 'string' },
      'throughput-only': { type: 'boolean' },
    },
    USAGE,
  );
  const number = (flag: string, v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag}: expected a positive number, got ${v}`);
    return n;
  };
  const args: Args = {
    uploads: flags.uploads === undefined ? 50 : Math.round(number('--uploads', flags.uploads)),
    mb: flags.mb === undefined ? 5 : number('--mb', flags.mb),
    probeMs: flags['probe-ms'] === undefined ? 200 : number('--probe-ms', flags['probe-ms']),
    maxConcurrent: flags['workers'] === undefined ? undefined : Math.round(number('--workers', flags['workers'])),
    cli: flags.cli === undefined ? join(root, 'bin', 'medcom-ig.js') : resolve(flags.cli),
    json: flags.json,
    clients: flags.clients === undefined ? 8 : Math.round(number('--clients', flags.clients)),
    seconds: flags.seconds === undefined ? 20 : number('--seconds', flags.seconds),
    warmSeconds: flags['warm-seconds'] === undefined ? 5 : number('--warm-seconds', flags['warm-seconds']),
    cliRuns: flags['cli-runs'] === undefined ? 10 : Math.round(number('--cli-runs', flags['cli-runs'])),
    bundle:
      flags.bundle === undefined
        ? join(root, 'examples', 'hco', '1.2.1', 'valid', 'new-message-blood-pressure.json')
        : resolve(flags.bundle),
    throughputOnly: flags['throughput-only'],
  };
  if (!existsSync(args.cli)) throw new Error(`${args.cli}: no such file (run npm run compile first)`);
  if (!existsSync(args.bundle)) throw new Error(`${args.bundle}: no such file`);
  return args;
}

function progress(text: string): void {
  process.stderr.write(`bench:serve: ${text}\n`);
}

/** Start the server; resolves with its URL once it prints it. */
function startServer(args: Args): Promise<{ child: ChildProcess; url: string }> {
  const extra = args.maxConcurrent !== undefined ? ['--workers', String(args.maxConcurrent)] : [];
  const child = spawn(
    process.execPath,
    [args.cli, 'serve', '--port', '0', '--max-upload-mb', String(Math.ceil(args.mb * 1.5 + 1)), ...extra],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolveUrl, reject) => {
    let out = '';
    let errText = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      errText += d;
    });
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /(http:\/\/\S+\/)/.exec(out);
      if (m) resolveUrl({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`the server ended (exit ${code}) before it listened:\n${errText.slice(-2000)}`)));
  });
}

interface Answer {
  status: number;
  ms: number;
  bytes: number;
  error?: string;
}

/**
 * One request on a connection of its own (node:http: fetch turns a large body into work on the
 * client's event loop, which would delay the probes and measure the client rather than the server).
 */
function timed(url: string, body?: Buffer): Promise<Answer> {
  const started = performance.now();
  return new Promise((done) => {
    const headers: Record<string, string | number> = body ? { 'content-type': 'application/json', 'content-length': body.length } : {};
    const req = request(url, { method: body ? 'POST' : 'GET', headers, agent: false }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => {
        bytes += d.length;
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes }));
      res.on('error', (e: NodeJS.ErrnoException) =>
        done({ status: 0, ms: performance.now() - started, bytes, error: e.code ?? e.message }),
      );
    });
    req.on('error', (e: NodeJS.ErrnoException) =>
      done({ status: 0, ms: performance.now() - started, bytes: 0, error: e.code ?? e.message }),
    );
    req.end(body);
  });
}

function count<T>(list: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of list) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}

const mb = (n: number): string => `${n.toFixed(0)} MB`;
const s2 = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** The upload load (issue 12): prints its lines, gives its figures for --json. */
async function loadPhase(args: Args): Promise<Record<string, unknown>> {
  const smallText = readFileSync(join(root, 'examples', 'hco', 'valid', 'new-message-quantity.json'), 'utf8');
  const small = Buffer.from(JSON.stringify({ standard: 'hco', files: [{ name: 'small.json', content: smallText }] }));
  const bundle = paddedHcoBundle(root, args.mb * 1e6);
  const upload = Buffer.from(JSON.stringify({ standard: 'hco', files: [{ name: 'large.json', content: bundle }] }));
  progress(`upload: one HCO message of ${(Buffer.byteLength(bundle) / 1e6).toFixed(1)} MB, ${args.uploads} at once; server: ${args.cli}`);

  const { child, url } = await startServer(args);
  const pid = child.pid!;
  let peakSampled = 0;
  const sampler = setInterval(() => {
    peakSampled = Math.max(peakSampled, procMb(pid, 'VmRSS') ?? 0);
  }, 100);
  try {
    // ready: a small validation answered 200 (the workers are set up)
    const readyBy = Date.now() + 120_000;
    for (;;) {
      const a = await timed(new URL('/api/validate', url).href, small);
      if (a.status === 200) break;
      if (Date.now() > readyBy)
        throw new Error(`the server did not answer a small validation within 2 minutes (last: ${a.status} ${a.error ?? ''})`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const idleRss = procMb(pid, 'VmRSS') ?? 0;
    progress(`server ready (pid ${pid}, ${mb(idleRss)} RSS); firing`);

    const clientLag = monitorEventLoopDelay({ resolution: 20 });
    clientLag.enable();
    const started = performance.now();
    let running = true;
    const probes: (Answer & { kind: string; at: number })[] = [];
    const probeRuns: Promise<void>[] = [];
    const kinds: { kind: string; run: () => Promise<Answer> }[] = [
      { kind: 'page /', run: () => timed(url) },
      { kind: '/api/info', run: () => timed(new URL('/api/info', url).href) },
      { kind: 'small validation', run: () => timed(new URL('/api/validate', url).href, small) },
    ];
    let turn = 0;
    const prober = setInterval(() => {
      if (!running) return;
      const k = kinds[turn++ % kinds.length]!;
      const at = performance.now() - started;
      probeRuns.push(
        k.run().then((a) => {
          probes.push({ ...a, kind: k.kind, at });
        }),
      );
    }, args.probeMs);
    const uploads = await Promise.all(Array.from({ length: args.uploads }, () => timed(new URL('/api/validate', url).href, upload)));
    running = false;
    clearInterval(prober);
    await Promise.all(probeRuns);
    const wallMs = performance.now() - started;
    clientLag.disable();
    const clientLagMs = clientLag.max / 1e6;
    if (process.env['BENCH_SERVE_TRACE']) for (const p of probes) progress(`probe ${p.kind} at ${s2(p.at)}: ${p.status} in ${s2(p.ms)}`);
    const peak = Math.max(procMb(pid, 'VmHWM') ?? 0, peakSampled);

    const byStatus = count(uploads, (u) => (u.status === 0 ? `failed (${u.error ?? '?'})` : String(u.status)));
    const ok = uploads.filter((u) => u.status === 200);
    const slowest = probes.reduce((m, p) => Math.max(m, p.ms), 0);
    const perKind = kinds.map((k) => {
      const list = probes.filter((p) => p.kind === k.kind);
      const statuses = [...count(list, (p) => (p.status === 0 ? `failed (${p.error ?? '?'})` : String(p.status)))]
        .map(([st, n]) => `${n}× ${st}`)
        .join(', ');
      return [k.kind, String(list.length), s2(list.reduce((m, p) => Math.max(m, p.ms), 0)), statuses];
    });
    const cpuList = cpus();
    const lines = [
      `medcom-ig serve under load — ${new Date().toISOString().slice(0, 10)}, ${cpuList.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      `${args.uploads} concurrent uploads of a ${(Buffer.byteLength(bundle) / 1e6).toFixed(1)} MB HCO message; a probe every ${args.probeMs} ms`,
      '',
      table(
        ['figure', 'measured', 'target', ''],
        [
          ['server peak RSS (VmHWM)', mb(peak), `< ${TARGET_RSS_MB} MB`, peak < TARGET_RSS_MB ? 'met' : 'NOT met'],
          ['slowest probe answer', s2(slowest), `< ${TARGET_PROBE_MS / 1000} s`, slowest < TARGET_PROBE_MS ? 'met' : 'NOT met'],
          ['server RSS when ready', mb(idleRss), '', ''],
          ['uploads answered', [...byStatus].map(([st, n]) => `${n}× ${st}`).join(', '), '', ''],
          ['slowest upload answer', s2(uploads.reduce((m, u) => Math.max(m, u.ms), 0)), '', ''],
          [
            'a 200 answer / the upload',
            ok.length ? `${(ok[0]!.bytes / 1e6).toFixed(2)} MB / ${(upload.length / 1e6).toFixed(2)} MB` : 'n/a',
            '',
            '',
          ],
          ['wall-clock', s2(wallMs), '', ''],
          ["this client's longest event-loop delay", s2(clientLagMs), '', 'part of every probe time'],
        ],
        [0, 3],
      ),
      '',
      table(['probe', 'requests', 'slowest', 'answers'], perKind, [0, 3]),
      '',
      'peer: none comparable offline — no other MedCom/FHIR validator in the toolchain offers an upload page to load (the HL7 Java',
      "validator's server mode needs Java and its own packages); run with --cli <older checkout>/bin/medcom-ig.js for a before/after figure.",
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return {
      date: new Date().toISOString(),
      cli: args.cli,
      uploads: args.uploads,
      uploadBytes: upload.length,
      probeMs: args.probeMs,
      peakRssMb: Math.round(peak),
      readyRssMb: Math.round(idleRss),
      slowestProbeMs: Math.round(slowest),
      wallMs: Math.round(wallMs),
      uploadStatuses: Object.fromEntries(byStatus),
      probes: perKind.map(([kind, n, slowestProbe, answers]) => ({ kind, n, slowest: slowestProbe, answers })),
      targets: { peakRssMb: TARGET_RSS_MB, slowestProbeMs: TARGET_PROBE_MS },
    };
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync('/proc/self/status')) throw new Error("needs Linux /proc to sample the server's memory");
  const load = args.throughputOnly ? { date: new Date().toISOString(), cli: args.cli } : await loadPhase(args);
  let t: Awaited<ReturnType<typeof throughput>>;
  try {
    t = await throughput({
      root,
      cli: args.cli,
      bundleFile: args.bundle,
      clients: args.clients,
      seconds: args.seconds,
      warmSeconds: args.warmSeconds,
      cliRuns: args.cliRuns,
      progress,
    });
  } catch (e) {
    if (!(e instanceof NoValidateEndpoint) || args.throughputOnly) throw e;
    process.stdout.write(`\n$validate throughput: not measured — ${e.message}\n`);
    if (args.json) {
      const file = resolve(process.cwd(), args.json);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(load, null, 2) + '\n');
    }
    return;
  }
  const head = args.throughputOnly
    ? [
        `medcom-ig serve, $validate throughput — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ` +
          `${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      ]
    : [];
  process.stdout.write([...head, '', ...throughputLines(t, root)].join('\n') + '\n');
  if (args.json) {
    const file = resolve(process.cwd(), args.json);
    mkdirSync(dirname(file), { recursive: true });
    const round = (n: number): number => Math.round(n * 10) / 10;
    const measure = (m: typeof t.one): Record<string, unknown> => ({
      ...m,
      seconds: round(m.seconds),
      requestsPerSecond: round(m.requestsPerSecond),
      p50Ms: Math.round(m.p50Ms),
      p95Ms: Math.round(m.p95Ms),
    });
    const throughputJson = {
      bundle: t.bundle,
      bundleBytes: t.bundleBytes,
      outcomeErrors: t.outcomeErrors,
      cores: t.cores,
      one: measure(t.one),
      many: measure(t.many),
      ratio: round(t.ratio * 10) / 10,
      perCoreRequestsPerSecond: round(t.perCore),
      peakRssMb: Math.round(t.peakRssMb),
      readyRssMb: Math.round(t.readyRssMb),
      cliProcessPerBundle: { ...t.cli, medianMs: Math.round(t.cli.medianMs), bundlesPerSecond: round(t.cli.bundlesPerSecond) },
    };
    writeFileSync(file, JSON.stringify({ ...load, throughput: throughputJson }, null, 2) + '\n');
    progress(`wrote ${file}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:serve: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
