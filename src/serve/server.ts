/**
 * `medcom-ig serve`: a local self-test page. A vendor picks a standard (validation) or a test
 * protocol, drops bundle files and sees the report; the report files and, for a protocol, the
 * evidence ZIP for MedCom can be downloaded.
 *
 * Safety: bound to loopback unless told otherwise, and on any address answering only requests whose
 * Host is the bound address, a loopback name or an allowed name (no DNS rebinding; src/serve/hosts.ts).
 * With a token (`--token-file`), every request but the probes must carry it (src/serve/auth.ts).
 * Uploads are size- and count-limited JSON bodies, received within a time limit. Runs (validation,
 * protocol) go to a pool of worker threads (src/serve/runner.ts): `workers` at once, a bounded queue
 * of `queue` more waiting — beyond that a busy server answers 503 with Retry-After before it reads the
 * body —, each within a time limit and a memory limit, so the event loop stays free for the page and
 * small requests. A protocol run writes
 * the evidence into a fresh temporary folder (file names reduced to a safe base name), reads the
 * reports back and removes the folder before answering. The page uses no external asset; a
 * Content-Security-Policy allows only its own script and style.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { listStandards } from '../api/igs.js';
import { compiledScript } from '../api/io.js';
import { bearerCheck } from './auth.js';
import { allowedHosts, allowHostProblem, hostName, isWildcard } from './hosts.js';
import type { FhirValidateJob, GitbJob, SelfTestAnswer, SelfTestJob } from './jobs.js';
import { answerFormat, bodyFormat, capabilityStatement, errorOutcome, FHIR_MIME, fhirBody, type FhirFormat } from './fhir.js';
import { faultEnvelope, GITB_PATH, SOAP_MIME, SoapFault, WSDL_MIME } from './gitb.js';
import { gitbWsdl } from './gitb-wsdl.js';
import { APP_CSS, APP_JS, INDEX_HTML } from './page.js';
import { HttpError } from './request.js';
import { RunLimitError, WorkerRunner } from './runner.js';

export { readTokenFile } from './auth.js';
export { safeName } from './request.js';

export interface SelfTestOptions {
  port?: number;
  /** Address to bind; loopback by default. */
  host?: string;
  /**
   * Host names (DNS names or addresses) the server answers besides the bound address and the
   * loopback names — a test bed reached by its DNS name. Every other Host header gets 421.
   */
  allowHosts?: string[];
  /** Largest request body accepted (bytes). */
  maxBodyBytes?: number;
  /** Most files per request. */
  maxFiles?: number;
  /** Worker threads: the most runs (validations, protocol runs) at once (default: one per core). */
  workers?: number;
  /** @deprecated the old name of `workers`. */
  maxConcurrent?: number;
  /**
   * Runs that may wait for a worker beyond those running (default: 4 per worker); more are answered 503
   * with Retry-After before their body is read.
   */
  queue?: number;
  /** Longest wait in the queue (ms); a run that waited longer is answered 503 with Retry-After (default 30 s). */
  queueWaitMs?: number;
  /**
   * A bearer token every request but /healthz and /readyz must carry (`Authorization: Bearer <token>`); others
   * get 401. Read with `readTokenFile` (src/serve/auth.ts).
   */
  token?: string;
  /** Longest run in milliseconds; a longer one is stopped and answered 504. */
  timeLimitMs?: number;
  /** Memory limit of a run's worker (V8 heap, MB); a run beyond it is answered 413. */
  maxRunMemoryMb?: number;
  /** Time to receive a request's headers (ms). */
  headersTimeoutMs?: number;
  /** Time to receive a whole request, body included (ms); a slower upload is cut with 408. */
  requestTimeoutMs?: number;
  /** Start the workers at once (the CLI does), rather than with the first run. */
  warm?: boolean;
  /**
   * Hears one JSON line per request once it is answered: time, method, path (no query), status, ms, bytes in
   * and out, and for `$validate` the issue counts — never the content.
   */
  log?: (line: string) => void;
}

export interface SelfTestServer {
  url: string;
  /** The Host header values the server answers. */
  hosts: string[];
  /** The limits in force (as /api/info tells the page). */
  limits: Limits;
  server: Server;
  close(): Promise<void>;
  /**
   * Graceful shutdown (SIGTERM): stop accepting connections and runs, let the runs under way finish and be
   * answered, then close.
   */
  drain(): Promise<void>;
}

/** The limits in force (as /api/info tells the page). */
export interface Limits {
  maxBodyBytes: number;
  maxFiles: number;
  /** Worker threads: runs at once. */
  workers: number;
  /** Runs that may wait for a worker. */
  queue: number;
  queueWaitSeconds: number;
  timeLimitSeconds: number;
}

export const DEFAULT_MAX_BODY = 25 * 1024 * 1024;
export const DEFAULT_MAX_FILES = 50;
/**
 * Worker threads: one per core (each holds its own definitions: ready, the server with two workers holds some 140 MB,
 * docs/bench.md). Until issue 17 the
 * default was capped at 4, for memory; the pool is what makes the service scale, so the default is the cores and
 * a small machine or container with many cores reported sets `--workers`.
 */
export const defaultWorkers = (): number => Math.max(1, availableParallelism());
/** Runs that may wait beyond the running ones, per worker. */
export const QUEUE_PER_WORKER = 4;
export const DEFAULT_QUEUE_WAIT_MS = 30_000;
export const DEFAULT_TIME_LIMIT_MS = 120_000;
/** A worker's heap limit (MB): a 12 MB HCO message validates in less than 160 MB of heap, so the 25 MB upload limit fits well. */
export const DEFAULT_RUN_MEMORY_MB = 1024;
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/** A worker's young generation (MB): some 80 MB less peak RSS with two 5 MB runs, no slower (docs/bench.md). */
const WORKER_YOUNG_HEAP_MB = 8;
/** What a busy server tells a client to wait before it tries again (seconds). */
const RETRY_AFTER_SECONDS = 5;

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; frame-src 'self' blob: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The request body, at most `limit` bytes, into one buffer of its own (it is transferred to a
 * worker, so it must not share memory with Node's buffer pool).
 */
async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw tooLarge(declared, limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(undefined, limit);
    chunks.push(chunk as Buffer);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.length;
  }
  return body;
}

/**
 * Read the request body to its end and keep nothing. With a Content-Length (already checked against
 * the limit) the stream is only resumed, no JavaScript runs per chunk; without one the bytes are
 * counted and the request is cut past `limit`.
 */
function discardBody(req: IncomingMessage, limit: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (req.headers['content-length'] === undefined) {
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) reject(tooLarge(undefined, limit));
      });
    }
    req.once('end', () => resolve());
    req.once('close', () => resolve()); // the client went away: nothing to answer
    req.once('error', reject);
    req.resume();
  });
}

function tooLarge(declared: number | undefined, limit: number): HttpError {
  return new HttpError(
    413,
    'too-large',
    declared !== undefined
      ? `the upload is ${Math.ceil(declared / 1048576)} MB, more than the ${Math.floor(limit / 1048576)} MB limit`
      : `the upload is more than the ${Math.floor(limit / 1048576)} MB limit`,
  );
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  // set one by one (not through writeHead) so that the request's log line can read the length back
  const all: Record<string, string> = {
    ...headers,
    'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.length),
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CSP,
  };
  for (const [k, v] of Object.entries(all)) res.setHeader(k, v);
  res.writeHead(status);
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

const ERROR_STATUS: Record<RunLimitError['reason'], { status: number; code: 'time-limit' | 'memory-limit' | 'internal' | 'busy' }> = {
  'time-limit': { status: 504, code: 'time-limit' },
  'memory-limit': { status: 413, code: 'memory-limit' },
  'worker-failed': { status: 500, code: 'internal' },
  closed: { status: 503, code: 'busy' },
  'queue-timeout': { status: 503, code: 'busy' },
  cancelled: { status: 503, code: 'busy' }, // nobody reads it: the client is gone
};

/** The JSON error answer for what a request ended with. */
function errorAnswer(e: unknown): { status: number; value: { error: string; code: string }; headers?: Record<string, string> } {
  if (e instanceof HttpError)
    return {
      status: e.status,
      value: { error: e.message, code: e.code },
      // and the connection closed: the body of a request without the token is not read
      ...(e.code === 'unauthorized' ? { headers: { 'www-authenticate': 'Bearer realm="medcom-ig"', connection: 'close' } } : {}),
    };
  if (e instanceof RunLimitError) {
    const { status, code } = ERROR_STATUS[e.reason];
    return {
      status,
      value: { error: e.message, code },
      ...(code === 'busy' ? { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } } : {}),
    };
  }
  return { status: 500, value: { error: `internal error: ${(e as Error).message.split('\n')[0]}`, code: 'internal' } };
}

/** Is this request for the FHIR endpoints (answered with OperationOutcomes)? */
function isFhirPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0]!;
  return path === '/fhir' || path.startsWith('/fhir/');
}

/** Is this request for the GITB validation service (answered with SOAP, faults included)? */
function isGitbPath(url: string | undefined): boolean {
  return (url ?? '/').split('?')[0]!.replace(/\/+$/, '') === GITB_PATH;
}

/** A SOAP Fault for an HTTP-level refusal (421, 405, 413, 503 …): Client for the caller's mistakes, Server for ours. */
function httpFault(status: number, message: string): string {
  return faultEnvelope(new SoapFault(status < 500 ? 'Client' : 'Server', message), undefined, `urn:uuid:${randomUUID()}`);
}

async function info(limits: Limits): Promise<unknown> {
  const { ProtocolLibrary } = await import('../api/protocol.js');
  return {
    // every version we build: the current one as the standard's alias, the others as <alias>@<version>
    standards: listStandards({ currentFirst: true }).flatMap((s) =>
      s.versions.map((v) => ({
        id: v.current ? s.alias : `${s.alias}@${v.version}`,
        title: `${s.title} ${v.version}${v.current ? ' (current)' : ''}`,
        package: `${s.packageId}#${v.version}`,
        version: v.version,
        current: v.current,
      })),
    ),
    protocols: new ProtocolLibrary()
      .all()
      .map((p) => ({ id: p.id, standard: p.standard.name, direction: p.direction, version: p.protocolVersion, status: p.status })),
    limits,
  };
}

/** Start the self-test server; resolves once it listens. */
export async function startSelfTest(options: SelfTestOptions = {}): Promise<SelfTestServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  const workers = options.workers ?? options.maxConcurrent ?? defaultWorkers();
  const queue = options.queue ?? QUEUE_PER_WORKER * workers;
  const queueWaitMs = options.queueWaitMs ?? DEFAULT_QUEUE_WAIT_MS;
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const token = options.token === undefined ? undefined : bearerCheck(options.token);
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS, requestTimeout);
  for (const name of options.allowHosts ?? []) {
    const problem = allowHostProblem(name);
    if (problem) throw new Error(`allowed host ${JSON.stringify(name)}: ${problem}`);
  }
  const script = compiledScript('serve', 'worker.js');
  if (!script) throw new Error('the compiled self-test worker (dist/src/serve/worker.js) is missing: run npm run compile');
  const runner = new WorkerRunner({
    script,
    workers,
    queue,
    queueWaitMs,
    timeLimitMs,
    maxHeapMb: options.maxRunMemoryMb ?? DEFAULT_RUN_MEMORY_MB,
    youngHeapMb: WORKER_YOUNG_HEAP_MB,
  });
  const limits: Limits = {
    maxBodyBytes,
    maxFiles,
    workers,
    queue,
    queueWaitSeconds: queueWaitMs / 1000,
    timeLimitSeconds: timeLimitMs / 1000,
  };
  let hosts = new Set<string>();
  // made once, before the server listens: reading and checking the protocol definitions is work
  // the event loop should do neither per request nor while uploads come in
  const infoJson = JSON.stringify(await info(limits));
  const server = createServer(
    {
      requestTimeout,
      headersTimeout,
      // how often the two timeouts are checked (Node's default, 30 s, would let a short limit run long)
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(headersTimeout / 2))),
    },
    (req, res) => {
      track(res);
      if (options.log) logWhenAnswered(req, res, options.log);
      handle(req, res).catch((e: unknown) => {
        const { status, value, headers } = errorAnswer(e);
        if (!res.headersSent && !res.destroyed) {
          if (isFhirPath(req.url)) sendOutcome(req, res, status, errorOutcome(value.code, value.error), headers);
          else if (isGitbPath(req.url)) send(res, status, SOAP_MIME, httpFault(status, value.error), headers);
          else send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
        } else res.end();
        if (status === 413) req.destroy();
      });
    },
  );

  const busyMessage = `the server is busy with ${workers} run(s) and ${queue} waiting; try again in a few seconds`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (!hosts.has(hostHeader))
      throw new HttpError(421, 'host', `requests to this server must name one of its hosts (${[...hosts].join(', ')}); see --allow-host`);
    const url = new URL(req.url ?? '/', 'http://localhost');
    // the probes answer without the token (a load balancer's health check carries none); nothing else does
    if (
      token &&
      !(req.method === 'GET' && (url.pathname === '/healthz' || url.pathname === '/readyz')) &&
      !token(req.headers.authorization)
    )
      throw new HttpError(401, 'unauthorized', 'this server needs a bearer token: Authorization: Bearer <token>');
    if (isFhirPath(url.pathname)) return handleFhir(req, res, url);
    if (isGitbPath(url.pathname)) return handleGitb(req, res, url);
    if (req.method === 'GET') {
      switch (url.pathname) {
        case '/healthz':
          return sendJson(res, 200, { status: 'ok' });
        case '/readyz': {
          // ready: a worker has its definitions loaded and the server is not shutting down
          const ready = !runner.stopping && runner.ready > 0;
          return sendJson(res, ready ? 200 : 503, {
            status: runner.stopping ? 'stopping' : ready ? 'ready' : 'starting',
            workers: runner.ready,
          });
        }
        case '/':
          return send(res, 200, 'text/html; charset=utf-8', INDEX_HTML);
        case '/app.js':
          return send(res, 200, 'text/javascript; charset=utf-8', APP_JS);
        case '/app.css':
          return send(res, 200, 'text/css; charset=utf-8', APP_CSS);
        case '/api/info':
          return send(res, 200, 'application/json; charset=utf-8', infoJson);
        default:
          throw new HttpError(404, 'not-found', 'not found');
      }
    }
    if (req.method === 'POST' && (url.pathname === '/api/validate' || url.pathname === '/api/protocol')) {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        throw new HttpError(415, 'unsupported-type', 'send the files as application/json');
      const declared = Number(req.headers['content-length'] ?? '0');
      if (declared > maxBodyBytes) throw tooLarge(declared, maxBodyBytes);
      // decided before the body is read: a busy server holds no more bodies than runs
      const lease = runner.tryAcquire();
      if (!lease) {
        // the body is read to its end and dropped (nothing kept), so that the client, still sending, gets the answer
        await discardBody(req, maxBodyBytes);
        send(
          res,
          503,
          'application/json; charset=utf-8',
          JSON.stringify({
            error: busyMessage,
            code: 'busy',
          }),
          { 'retry-after': String(RETRY_AFTER_SECONDS) },
        );
        return;
      }
      try {
        const body = await readBody(req, maxBodyBytes);
        const job: SelfTestJob = { kind: url.pathname === '/api/validate' ? 'validate' : 'protocol', body, maxFiles };
        const answer = await lease.run<SelfTestAnswer>(job, [body.buffer], goneSignal(res));
        send(
          res,
          answer.status,
          'application/json; charset=utf-8',
          Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength),
        );
        return;
      } finally {
        lease.release();
      }
    }
    throw new HttpError(405, 'method', 'method not allowed');
  }

  /** `/fhir/metadata` and `$validate` (src/serve/fhir.ts); every answer an OperationOutcome or a CapabilityStatement. */
  async function handleFhir(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const format = url.searchParams.get('_format');
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/fhir/metadata') {
      if (req.method !== 'GET') throw new HttpError(405, 'method', 'GET /fhir/metadata');
      const answer = answerFormat(format, req.headers.accept, 'json');
      const base = `http://${req.headers.host ?? 'localhost'}/fhir`;
      return send(res, 200, FHIR_MIME[answer], fhirBody(capabilityStatement(base, new Date()), answer));
    }
    const m = /^\/fhir\/(?:([A-Z][A-Za-z]+)\/)?\$validate$/.exec(path);
    if (!m) throw new HttpError(404, 'not-found', `no FHIR operation at ${path.slice(0, 200)} (GET /fhir/metadata, POST /fhir/$validate)`);
    if (req.method !== 'POST') throw new HttpError(405, 'method', 'POST the resource to $validate');
    const body = bodyFormat(req.headers['content-type']);
    if (!body) throw new HttpError(415, 'unsupported-type', 'send the resource as application/fhir+json or application/fhir+xml');
    const answer = answerFormat(format, req.headers.accept, body);
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBodyBytes) throw tooLarge(declared, maxBodyBytes);
    const lease = runner.tryAcquire();
    if (!lease) {
      await discardBody(req, maxBodyBytes);
      return send(res, 503, FHIR_MIME[answer], fhirBody(errorOutcome('busy', busyMessage), answer), {
        'retry-after': String(RETRY_AFTER_SECONDS),
      });
    }
    try {
      const bytes = await readBody(req, maxBodyBytes);
      const option = (name: string): string | undefined => url.searchParams.get(name) ?? undefined;
      const job: FhirValidateJob = { kind: 'fhir-validate', body: bytes, format: body, answer };
      if (m[1] !== undefined) job.type = m[1];
      for (const k of ['profile', 'ig', 'mode'] as const) {
        const v = option(k);
        if (v !== undefined) job[k] = v;
      }
      const result = await lease.run<SelfTestAnswer>(job, [bytes.buffer], goneSignal(res));
      if (result.counts) issueCounts.set(res, result.counts);
      send(
        res,
        result.status,
        result.type ?? FHIR_MIME[answer],
        Buffer.from(result.body.buffer, result.body.byteOffset, result.body.byteLength),
      );
    } finally {
      lease.release();
    }
  }

  /**
   * The GITB validation service (src/serve/gitb.ts): `GET ?wsdl` gives the WSDL (its address this request's base
   * URL), `POST` a SOAP 1.1 envelope (getModuleDefinition, validate) answered in a worker — the envelope is read
   * there too, so that a large message never holds the event loop. Refusals are SOAP Faults.
   */
  async function handleGitb(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method === 'GET') {
      if (!url.searchParams.has('wsdl') && !url.searchParams.has('WSDL'))
        throw new HttpError(405, 'method', `POST a SOAP 1.1 envelope to ${GITB_PATH}, or GET ${GITB_PATH}?wsdl for the WSDL`);
      // behind a TLS-terminating proxy the address is https (the Host itself was checked)
      const scheme = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
      return send(res, 200, WSDL_MIME, gitbWsdl(`${scheme}://${req.headers.host ?? 'localhost'}${GITB_PATH}`));
    }
    if (req.method !== 'POST') throw new HttpError(405, 'method', `POST a SOAP 1.1 envelope to ${GITB_PATH}`);
    const mime = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (mime !== 'text/xml' && mime !== 'application/xml' && mime !== 'application/soap+xml')
      throw new HttpError(415, 'unsupported-type', 'send the SOAP 1.1 envelope as text/xml');
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBodyBytes) throw tooLarge(declared, maxBodyBytes);
    const lease = runner.tryAcquire();
    if (!lease) {
      await discardBody(req, maxBodyBytes);
      return send(res, 503, SOAP_MIME, httpFault(503, busyMessage), {
        'retry-after': String(RETRY_AFTER_SECONDS),
      });
    }
    try {
      const body = await readBody(req, maxBodyBytes);
      const job: GitbJob = { kind: 'gitb', body, messageId: `urn:uuid:${randomUUID()}` };
      const result = await lease.run<SelfTestAnswer>(job, [body.buffer], goneSignal(res));
      if (result.counts) issueCounts.set(res, result.counts);
      send(res, result.status, result.type ?? SOAP_MIME, Buffer.from(result.body.buffer, result.body.byteOffset, result.body.byteLength));
    } finally {
      lease.release();
    }
  }

  /** Aborts when the connection closes before the answer is sent: a run still queued for it is dropped. */
  function goneSignal(res: ServerResponse): AbortSignal {
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    return gone.signal;
  }

  /**
   * The requests handed to the handler and not yet answered in full (their answer's last byte handed to the OS):
   * a drain waits for them before it closes the connections, so that no accepted request is cut (docs/serve.md,
   * "Shutdown"). While draining, every answer closes its connection once sent, so no further request comes on it.
   */
  const open = new Set<ServerResponse>();
  const whenAnswered: (() => void)[] = [];
  let draining = false;
  function track(res: ServerResponse): void {
    open.add(res);
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      open.delete(res);
      if (open.size === 0) for (const done of whenAnswered.splice(0)) done();
    });
  }
  /** Resolves once every request under way is answered, or after `ms` (a client that does not read its answer). */
  function allAnswered(ms: number): Promise<void> {
    if (open.size === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      whenAnswered.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** The issue counts of the `$validate` answers, for their log line. */
  const issueCounts = new WeakMap<ServerResponse, Record<string, number>>();

  function logWhenAnswered(req: IncomingMessage, res: ServerResponse, log: (line: string) => void): void {
    const started = performance.now();
    res.once('close', () => {
      const line = {
        time: new Date().toISOString(),
        method: req.method,
        path: (req.url ?? '/').split('?')[0]!.slice(0, 200),
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        bytesIn: Number(req.headers['content-length'] ?? 0) || 0,
        bytesOut: Number(res.getHeader('content-length') ?? 0) || 0,
        ...(res.writableFinished ? {} : { aborted: true }),
        ...(issueCounts.has(res) ? { issues: issueCounts.get(res) } : {}),
      };
      log(JSON.stringify(line));
    });
  }

  /** An error OperationOutcome in the format the request asks for (JSON when that cannot be told). */
  function sendOutcome(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    outcome: ReturnType<typeof errorOutcome>,
    headers: Record<string, string> = {},
  ): void {
    let answer: FhirFormat;
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      answer = answerFormat(url.searchParams.get('_format'), req.headers.accept, bodyFormat(req.headers['content-type']) ?? 'json');
    } catch {
      answer = 'json'; // a bad _format is itself what is being answered
    }
    send(res, status, FHIR_MIME[answer], fhirBody(outcome, answer), headers);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => resolve());
  });
  if (options.warm) runner.warm();
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(host, port, options.allowHosts);
  // a wildcard address is no place to point a browser at (and the Host check refuses it)
  const shown = isWildcard(host) ? (host.includes(':') ? '[::1]' : '127.0.0.1') : hostName(host);
  return {
    url: `http://${shown}:${port}/`,
    hosts: [...hosts],
    limits,
    server,
    drain: async () => {
      draining = true;
      for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close');
      // no new connections: net's close, not http's — that one also destroys the connections it deems idle, among
      // them those whose answer is written but not yet sent (a large answer to a slow reader), cutting the answer
      const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      await runner.drain();
      // the runs are done, but their answers (and the 503s of requests that came meanwhile) may still be on their way
      await allAnswered(requestTimeout);
      server.closeAllConnections(); // what is left: keep-alive connections without a request
      await Promise.all([closed, runner.close()]);
    },
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
        runner.close(),
      ]);
    },
  };
}
