/**
 * Issue 17, item 3 (part): the service's operations — `/healthz` and `/readyz`, one JSON log line per request
 * (never the content), and a graceful shutdown that answers the runs under way and takes no new ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSelfTest, type SelfTestServer } from '../../src/serve/server.js';

const root = join(import.meta.dirname, '..', '..');
const bundle = readFileSync(join(root, 'examples', 'hco', '1.2.1', 'valid', 'new-message-blood-pressure.json'), 'utf8');
const servers: SelfTestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function start(log?: (line: string) => void): Promise<SelfTestServer> {
  const s = await startSelfTest({ port: 0, workers: 1, warm: true, ...(log ? { log } : {}) });
  servers.push(s);
  return s;
}

async function until(f: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const validate = (s: SelfTestServer): Promise<Response> =>
  fetch(new URL('/fhir/$validate?ig=hco', s.url), { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: bundle });

describe('validation service operations', () => {
  it('/healthz answers at once; /readyz once a worker has its definitions, and 503 while shutting down', async () => {
    const s = await start();
    expect((await fetch(new URL('/healthz', s.url))).status).toBe(200);
    await until(async () => (await fetch(new URL('/readyz', s.url))).status === 200);
    const ready = (await (await fetch(new URL('/readyz', s.url))).json()) as { status: string; workers: number };
    expect(ready).toEqual({ status: 'ready', workers: 1 });
  });

  it('logs one JSON line per request: method, path without query, status, ms, bytes, issue counts — not the content', async () => {
    const lines: string[] = [];
    const s = await start((l) => lines.push(l));
    const r = await validate(s);
    expect(r.status).toBe(200);
    await r.text();
    await fetch(new URL('/fhir/nothing?secret=1', s.url)).then((x) => x.text());
    await until(() => Promise.resolve(lines.length >= 2), 5000);
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ method: 'POST', path: '/fhir/$validate', status: 200, bytesIn: Buffer.byteLength(bundle) });
    expect(first!['bytesOut']).toBeGreaterThan(0);
    expect(first!['ms']).toBeGreaterThan(0);
    expect(first!['issues']).toMatchObject({ fatal: 0, error: 0 });
    expect(second).toMatchObject({ method: 'GET', path: '/fhir/nothing', status: 404 });
    expect(lines.join('\n')).not.toContain('secret');
    expect(lines.join('\n')).not.toContain('MessageHeader'); // nothing of the bundle
  });

  it('drain (SIGTERM): a run under way is answered, then no new connection is taken', async () => {
    const s = await start();
    await until(async () => (await fetch(new URL('/readyz', s.url))).status === 200);
    const inFlight = validate(s);
    // the run holds its lease once the request is in: then drain
    await new Promise((r) => setTimeout(r, 30));
    const drained = s.drain();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
    await drained;
    await expect(fetch(new URL('/healthz', s.url))).rejects.toThrow();
  });
});
