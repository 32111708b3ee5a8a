/**
 * `medcom-ig serve`: a local self-test page. A vendor picks a standard (validation) or a test
 * protocol, drops bundle files and sees the report; the report files and, for a protocol, the
 * evidence ZIP for MedCom can be downloaded.
 *
 * Safety: bound to loopback unless told otherwise, and then only answering requests whose Host
 * is that address (no DNS rebinding); uploads are size- and count-limited JSON bodies; validation
 * runs in memory; a protocol run writes the evidence into a fresh temporary folder (file names
 * reduced to a safe base name), reads the reports back and removes the folder before answering.
 * The page uses no external asset; a Content-Security-Policy allows only its own script and style.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { IGS, IG_ALIASES, type IgAlias } from '../api/igs.js';
import { RunValidator, summarize, validationDefinitions } from '../api/validate.js';
import type { Definitions } from '../defs/registry.js';
import type { FileReport } from '../validator/issue.js';
import { allowedHosts, allowHostProblem, hostName, isWildcard } from './hosts.js';
import { APP_CSS, APP_JS, INDEX_HTML } from './page.js';

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
}

export interface SelfTestServer {
  url: string;
  /** The Host header values the server answers. */
  hosts: string[];
  server: Server;
  close(): Promise<void>;
}

interface Upload { name: string; content: string; encoding?: 'utf8' | 'base64' }

class HttpError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

const DEFAULT_MAX_BODY = 25 * 1024 * 1024;
const DEFAULT_MAX_FILES = 50;

const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
  + "connect-src 'self'; frame-src 'self' blob: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A file name safe to write into a temporary folder: its base name, only harmless characters. */
export function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return base.length === 0 ? 'file' : base.slice(0, 120);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw new HttpError(413, `the upload is ${Math.ceil(declared / 1048576)} MB, more than the ${Math.floor(limit / 1048576)} MB limit`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `the upload is more than the ${Math.floor(limit / 1048576)} MB limit`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function uploads(body: Record<string, unknown>, maxFiles: number): Upload[] {
  const files = body['files'];
  if (!Array.isArray(files) || files.length === 0) throw new HttpError(400, 'no files in the request');
  if (files.length > maxFiles) throw new HttpError(413, `${files.length} files, more than the ${maxFiles} allowed at once`);
  return files.map((f, i) => {
    const u = f as Partial<Upload>;
    if (typeof u?.name !== 'string' || typeof u.content !== 'string') throw new HttpError(400, `file #${i + 1}: expected {name, content}`);
    if (u.encoding !== undefined && u.encoding !== 'utf8' && u.encoding !== 'base64') throw new HttpError(400, `file #${i + 1}: encoding must be utf8 or base64`);
    return { name: u.name, content: u.content, ...(u.encoding ? { encoding: u.encoding } : {}) };
  });
}

function text(u: Upload): string {
  return u.encoding === 'base64' ? Buffer.from(u.content, 'base64').toString('utf8') : u.content;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer', 'content-security-policy': CSP,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** The self-test service: definitions and validators made once, reused across requests. */
class SelfTest {
  private defs: Promise<Definitions> | undefined;
  private readonly validators = new Map<string, RunValidator>();

  constructor(private readonly options: Required<Pick<SelfTestOptions, 'maxBodyBytes' | 'maxFiles'>>) {}

  private definitions(): Promise<Definitions> {
    this.defs ??= validationDefinitions();
    return this.defs;
  }

  private async validator(standard: IgAlias | 'auto', lang: 'en' | 'da'): Promise<RunValidator> {
    const key = `${standard}:${lang}`;
    let v = this.validators.get(key);
    if (!v) {
      const profiles = standard === 'auto' ? [] : [IGS[standard].bundleProfile];
      v = new RunValidator(await this.definitions(), profiles, lang);
      this.validators.set(key, v);
    }
    return v;
  }

  async info(): Promise<unknown> {
    const { ProtocolLibrary } = await import('../protocol/load.js');
    return {
      standards: IG_ALIASES.map((id) => ({ id, title: IGS[id].title, package: `${IGS[id].packageId}#${IGS[id].version}` })),
      protocols: new ProtocolLibrary().all().map((p) => ({ id: p.id, standard: p.standard.name, direction: p.direction, version: p.protocolVersion, status: p.status })),
      limits: { maxBodyBytes: this.options.maxBodyBytes, maxFiles: this.options.maxFiles },
    };
  }

  async validate(body: Record<string, unknown>): Promise<unknown> {
    const standard = body['standard'] ?? 'auto';
    if (standard !== 'auto' && !IG_ALIASES.includes(standard as IgAlias)) throw new HttpError(400, `unknown standard ${String(standard)}`);
    const lang = body['lang'] === 'da' ? 'da' : 'en';
    const purpose = body['purpose'] ?? 'sharing';
    if (purpose !== 'sharing' && purpose !== 'aktindsigt') throw new HttpError(400, `unknown purpose ${String(purpose)}`);
    const files = uploads(body, this.options.maxFiles);
    const v = await this.validator(standard as IgAlias | 'auto', lang);
    const reports: FileReport[] = [];
    for (const f of files) reports.push(await v.validate(safeName(f.name), text(f), purpose));
    const report = summarize(reports, lang, 'all', purpose);
    const [{ renderHtml }, { renderMarkdown }] = await Promise.all([import('../report/html.js'), import('../report/md.js')]);
    const html = renderHtml(report, {});
    return {
      kind: 'validation', summary: report.summary,
      html,
      files: [
        { name: 'report.json', type: 'application/json', content: JSON.stringify(report, null, 2) },
        { name: 'report.html', type: 'text/html', content: html },
        { name: 'report.md', type: 'text/markdown', content: renderMarkdown(report, {}) },
      ],
    };
  }

  async protocol(body: Record<string, unknown>): Promise<unknown> {
    const [{ ProtocolLibrary }, { runProtocol }, { ProtocolReportRenderer }] = await Promise.all([
      import('../protocol/load.js'), import('../protocol/run.js'), import('../protocol/report/render.js'),
    ]);
    const library = new ProtocolLibrary();
    const id = body['protocol'];
    if (typeof id !== 'string' || !library.all().some((p) => p.id === id)) throw new HttpError(400, `unknown protocol ${String(id)}`);
    const lang = body['lang'] === 'da' ? 'da' : 'en';
    const files = uploads(body, this.options.maxFiles);
    const dir = mkdtempSync(join(tmpdir(), 'medcom-ig-selftest-'));
    try {
      const names = new Set<string>();
      for (const f of files) {
        let name = safeName(f.name);
        if (name === 'mapping.json' || name === 'vendor.json') name = `upload_${name}`;
        while (names.has(name)) name = `_${name}`;
        names.add(name);
        writeFileSync(join(dir, name), f.encoding === 'base64' ? Buffer.from(f.content, 'base64') : Buffer.from(f.content, 'utf8'));
      }
      const report = await runProtocol({
        protocol: library.get(id), evidenceDir: dir, lang, generatedAt: new Date().toISOString(), definitions: await this.definitions(),
      });
      const r = new ProtocolReportRenderer();
      const html = r.htmlPage(report);
      return {
        kind: 'protocol', summary: report.summary,
        html,
        files: [
          { name: 'report.html', type: 'text/html', content: html },
          { name: 'report.md', type: 'text/markdown', content: r.markdown(report) },
          { name: 'report.json', type: 'application/json', content: r.json(report) },
          { name: 'junit.xml', type: 'application/xml', content: r.junit(report) },
          { name: report.evidence.archive, type: 'application/zip', content: r.archive(report).toString('base64'), encoding: 'base64' },
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Start the self-test server; resolves once it listens. */
export async function startSelfTest(options: SelfTestOptions = {}): Promise<SelfTestServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const service = new SelfTest({ maxBodyBytes, maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES });
  for (const name of options.allowHosts ?? []) {
    const problem = allowHostProblem(name);
    if (problem) throw new Error(`allowed host ${JSON.stringify(name)}: ${problem}`);
  }
  let hosts = new Set<string>();
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof HttpError ? e.message : `internal error: ${(e as Error).message.split('\n')[0]}`;
      if (!res.headersSent) sendJson(res, status, { error: message });
      else res.end();
      if (status === 413) req.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (!hosts.has(hostHeader)) throw new HttpError(421, `requests to this server must name one of its hosts (${[...hosts].join(', ')}); see --allow-host`);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET') {
      switch (url.pathname) {
        case '/': return send(res, 200, 'text/html; charset=utf-8', INDEX_HTML);
        case '/app.js': return send(res, 200, 'text/javascript; charset=utf-8', APP_JS);
        case '/app.css': return send(res, 200, 'text/css; charset=utf-8', APP_CSS);
        case '/api/info': return sendJson(res, 200, await service.info());
        default: throw new HttpError(404, 'not found');
      }
    }
    if (req.method === 'POST' && (url.pathname === '/api/validate' || url.pathname === '/api/protocol')) {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'send the files as application/json');
      const raw = await readBody(req, maxBodyBytes);
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        throw new HttpError(400, 'the request is not valid JSON');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'expected a JSON object');
      const result = url.pathname === '/api/validate' ? await service.validate(body as Record<string, unknown>) : await service.protocol(body as Record<string, unknown>);
      return sendJson(res, 200, result);
    }
    throw new HttpError(405, 'method not allowed');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(host, port, options.allowHosts);
  // a wildcard address is no place to point a browser at (and the Host check refuses it)
  const shown = isWildcard(host) ? (host.includes(':') ? '[::1]' : '127.0.0.1') : hostName(host);
  return {
    url: `http://${shown}:${port}/`,
    hosts: [...hosts],
    server,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
