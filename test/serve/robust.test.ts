/**
 * `medcom-ig serve` under attack and load (issue 12): the Host check holds on every bind address;
 * runs are capped (503 + Retry-After before the body is read), time-limited (504, the worker is
 * replaced) and off the event loop; slow uploads are cut; each report is sent once.
 * Figures under load are in the benchmark (scripts/bench-serve.ts), not here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { paddedHcoBundle } from '../../scripts/bench/serve-bundle.js';
import { startSelfTest, type SelfTestServer } from '../../src/serve/server.js';

let s: SelfTestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** GET `path` on the server's port with a chosen Host header (fetch does not let one set it). */
function getWithHost(server: SelfTestServer, host: string, path = '/api/info'): Promise<number> {
  const u = new URL(server.url);
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: u.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('Host check (DNS rebinding)', () => {
  it('holds on a wildcard bind: another name is refused, loopback names and --allow-host names are answered', async () => {
    s = await startSelfTest({ port: 0, host: '0.0.0.0', allowHosts: ['testbed.example'] });
    const port = new URL(s.url).port;
    expect(await getWithHost(s, 'evil.example')).toBe(421);
    expect(await getWithHost(s, `evil.example:${port}`)).toBe(421);
    expect(await getWithHost(s, `0.0.0.0:${port}`)).toBe(421);
    expect(await getWithHost(s, `localhost:${port}`)).toBe(200);
    expect(await getWithHost(s, `127.0.0.1:${port}`)).toBe(200);
    expect(await getWithHost(s, `[::1]:${port}`)).toBe(200);
    expect(await getWithHost(s, `TestBed.Example:${port}`)).toBe(200);
    expect(await getWithHost(s, 'testbed.example:1')).toBe(421);
  });

  it('holds for the page itself too, not only the API', async () => {
    s = await startSelfTest({ port: 0, host: '0.0.0.0' });
    expect(await getWithHost(s, 'evil.example', '/')).toBe(421);
    expect(await getWithHost(s, `localhost:${new URL(s.url).port}`, '/')).toBe(200);
  });
});

const root = join(import.meta.dirname, '..', '..');
const small = readFileSync(join(root, 'examples', 'hco', 'valid', 'new-message-quantity.json'), 'utf8');

async function post(
  server: SelfTestServer,
  body: unknown,
  path = '/api/validate',
): Promise<{ status: number; headers: Headers; text: string; json: Record<string, unknown> }> {
  const r = await fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, json: JSON.parse(text) as Record<string, unknown> };
}

/**
 * A raw connection that sends a request's headers and `sent` bytes of a longer body, then nothing:
 * a slow upload (or, with `headersOnly`, a request whose headers never end). `closed` resolves with
 * what the server wrote when it closes the connection.
 */
function slowUpload(server: SelfTestServer, options: { sent: number; headersOnly?: boolean }): { socket: Socket; closed: Promise<string> } {
  const u = new URL(server.url);
  const socket = connect(Number(u.port), '127.0.0.1');
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (d: string) => {
    received += d;
  });
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  socket.on('connect', () => {
    const head = `POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1:${u.port}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n`;
    socket.write(options.headersOnly ? head : `${head}\r\n${'{'.padEnd(options.sent, ' ')}`);
  });
  return { socket, closed };
}

describe('limits on runs', () => {
  it('answers 503 with Retry-After when the workers are busy and the queue is full, decided before the body is read', async () => {
    s = await startSelfTest({ port: 0, workers: 1, queue: 0 });
    const holder = slowUpload(s, { sent: 10 }); // holds the one run slot while its body trickles in
    await new Promise((r) => setTimeout(r, 300));
    const busy = await post(s, { standard: 'hco', files: [{ name: 'a.json', content: small }] });
    expect(busy.status).toBe(503);
    expect(busy.json['code']).toBe('busy');
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    // the page and the info are answered all the while
    expect((await fetch(s.url)).status).toBe(200);
    expect((await fetch(new URL('/api/info', s.url))).status).toBe(200);
    holder.socket.destroy();
    await holder.closed;
    // the slot is given back when the upload is gone
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await post(s, { standard: 'hco', files: [{ name: 'a.json', content: small }] })).status;
      if (status === 503) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  }, 60_000);

  it('stops a run beyond the time limit with 504, answers small requests meanwhile, and serves runs afterwards', async () => {
    s = await startSelfTest({ port: 0, workers: 1, timeLimitMs: 3000, maxBodyBytes: 40 * 1048576 });
    // warm the worker first: the time limit counts from when the run is handed to a ready worker
    expect((await post(s, { standard: 'hco', files: [{ name: 'a.json', content: small }] })).status).toBe(200);
    const big = paddedHcoBundle(root, 12 * 1048576); // some 10 s of validation
    const order: string[] = [];
    const heavy = post(s, { standard: 'hco', files: [{ name: 'big.json', content: big }] }).then((r) => {
      order.push('heavy');
      return r;
    });
    await new Promise((r) => setTimeout(r, 1000));
    const page = await fetch(s.url);
    order.push('page');
    expect(page.status).toBe(200);
    const r = await heavy;
    expect(r.status).toBe(504);
    expect(r.json['code']).toBe('time-limit');
    expect(order).toEqual(['page', 'heavy']); // the validation did not hold up the event loop
    // a fresh worker takes the next run
    const after = await post(s, { standard: 'hco', files: [{ name: 'a.json', content: small }] });
    expect(after.status).toBe(200);
  }, 90_000);

  it('stops a run beyond the memory limit with 413, and serves runs afterwards', async () => {
    s = await startSelfTest({ port: 0, workers: 1, maxRunMemoryMb: 96, maxBodyBytes: 40 * 1048576 });
    expect((await post(s, { standard: 'hco', files: [{ name: 'a.json', content: small }] })).status).toBe(200);
    const r = await post(s, { standard: 'hco', files: [{ name: 'big.json', content: paddedHcoBundle(root, 12 * 1048576) }] });
    expect(r.status).toBe(413);
    expect(r.json['code']).toBe('memory-limit');
    expect((await post(s, { standard: 'hco', files: [{ name: 'a.json', content: small }] })).status).toBe(200);
  }, 90_000);

  it('cuts an upload whose body does not arrive within the request timeout (408), and frees its slot', async () => {
    s = await startSelfTest({ port: 0, workers: 1, requestTimeoutMs: 1000, headersTimeoutMs: 1000 });
    const started = Date.now();
    const slow = slowUpload(s, { sent: 10 });
    const answer = await slow.closed;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    const headers = slowUpload(s, { sent: 0, headersOnly: true });
    expect(await headers.closed).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await post(s, { standard: 'hco', files: [{ name: 'a.json', content: small }] })).status).toBe(200);
  }, 60_000);
});

describe('reports sent once', () => {
  it('a validation answer holds the report page once (the page shows that copy)', async () => {
    s = await startSelfTest({ port: 0 });
    const r = await post(s, {
      standard: 'hco',
      files: [
        { name: 'a.json', content: small },
        { name: 'b.json', content: small },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.text.match(/<html/gi)?.length).toBe(1);
    const files = r.json['files'] as { name: string; content: string }[];
    expect(files.map((f) => f.name)).toEqual(['report.json', 'report.html', 'report.md']);
    const content = files.reduce((n, f) => n + JSON.stringify(f.content).length, 0);
    expect(r.text.length).toBeLessThan(content + 4096);
  }, 60_000);

  it('a protocol answer too', async () => {
    s = await startSelfTest({ port: 0 });
    const r = await post(
      s,
      { protocol: 'hco-send', files: [{ name: 'HomeCareObservation_3.3.1.1_A.json', content: small }] },
      '/api/protocol',
    );
    expect(r.status).toBe(200);
    expect(r.text.match(/<html/gi)?.length).toBe(1);
  }, 60_000);
});

describe('medcom-ig serve (CLI)', () => {
  const cli = join(root, 'bin', 'medcom-ig.js');

  it('listens on a wildcard address with --allow-host, says which hosts it answers, and refuses others', async () => {
    const child = spawn(
      process.execPath,
      [cli, 'serve', '--port', '0', '--host', '0.0.0.0', '--allow-host', 'testbed.example', '--workers', '1', '--timeout-seconds', '30'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: string) => {
          out += d;
          if (/answers requests for: .*\n/.test(out)) resolve();
        });
        child.once('exit', (code) => reject(new Error(`serve ended with ${code}`)));
      });
      const url = /(http:\/\/\S+\/)/.exec(out)![1]!;
      const port = new URL(url).port;
      expect(new URL(url).hostname).toBe('127.0.0.1'); // not 0.0.0.0, which the Host check refuses
      expect(out).toContain(`testbed.example:${port}`);
      expect(out).toMatch(/at most 1 run\(s\) at once, 30 s each/);
      const server = { url } as SelfTestServer;
      expect(await getWithHost(server, 'evil.example')).toBe(421);
      expect(await getWithHost(server, `testbed.example:${port}`)).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it.each([
    ['an --allow-host with a scheme', ['--allow-host', 'http://x.example']],
    ['an --allow-host with a port', ['--allow-host', 'x.example:8080']],
    ['--workers 0', ['--workers', '0']],
    ['--max-concurrent 0', ['--max-concurrent', '0']],
    ['--queue -1', ['--queue', '-1']],
    ['--timeout-seconds -1', ['--timeout-seconds', '-1']],
  ])(
    'refuses %s with exit 2',
    (_what, args) => {
      const r = spawnSync(process.execPath, [cli, 'serve', '--port', '0', ...args], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    },
    60_000,
  );
});
