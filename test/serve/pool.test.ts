/**
 * Issue 17, items 3 and 4: the pool of workers with a bounded queue in front of it (busy → 503 with
 * Retry-After only when the queue is full or a run waited too long; nothing accepted is lost, a drain
 * included), `--workers` (and `--max-concurrent`, its deprecated old name), and the bearer token
 * (`--token-file`): every route but the probes needs it, 401 with `WWW-Authenticate: Bearer` otherwise,
 * never logged.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { paddedHcoBundle } from '../../scripts/bench/serve-bundle.js';
import { readTokenFile, startSelfTest, type SelfTestServer } from '../../src/serve/server.js';
import { SafeFileError, UsageError } from '../../src/api/errors.js';

const root = join(import.meta.dirname, '..', '..');
const RULES = 'urn:oid:2.25.227995022461602042809911389031612679623.1';
/** Some seconds of validation each: long enough that three requests are all in before the first is done. */
const slow = paddedHcoBundle(root, 2 * 1048576);
const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-pool-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let s: SelfTestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

async function call(server: SelfTestServer, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const r = await fetch(new URL(path, server.url), {
    method: init.body !== undefined ? 'POST' : 'GET',
    headers: init.headers ?? {},
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

const json = { 'content-type': 'application/fhir+json' };
const validate = (server: SelfTestServer, body: string, headers: Record<string, string> = {}): Promise<Answer> =>
  call(server, '/fhir/$validate', { body, headers: { ...json, ...headers } });
const ruleOf = (a: Answer): string | undefined =>
  (JSON.parse(a.text) as { issue: { details?: { coding?: { system: string; code: string }[] } }[] }).issue[0]?.details?.coding?.find(
    (c) => c.system === RULES,
  )?.code;

describe('the pool and its bounded queue', () => {
  it('1 worker, a queue of 1: of three concurrent slow requests two are answered 200 and one 503 with Retry-After', async () => {
    s = await startSelfTest({ port: 0, workers: 1, queue: 1, warm: true });
    expect(s.limits).toMatchObject({ workers: 1, queue: 1 });
    const answers = await Promise.all([validate(s, slow), validate(s, slow), validate(s, slow)]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 503]);
    const busy = answers.find((a) => a.status === 503)!;
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(ruleOf(busy)).toBe('http/busy');
    for (const ok of answers.filter((a) => a.status === 200))
      expect((JSON.parse(ok.text) as { resourceType: string }).resourceType).toBe('OperationOutcome');
  }, 120_000);

  it('the page API queues the same way and keeps its JSON busy answer', async () => {
    s = await startSelfTest({ port: 0, workers: 1, queue: 1, warm: true });
    const body = JSON.stringify({ standard: 'hco', files: [{ name: 'big.json', content: slow }] });
    const post = (): Promise<Answer> => call(s!, '/api/validate', { body, headers: { 'content-type': 'application/json' } });
    const answers = await Promise.all([post(), post(), post()]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 503]);
    const busy = answers.find((a) => a.status === 503)!;
    expect(JSON.parse(busy.text)).toMatchObject({ code: 'busy' });
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 120_000);

  it('warm: every worker of the pool is started, and loads its definitions, before the first request', async () => {
    s = await startSelfTest({ port: 0, workers: 2, queue: 0, warm: true });
    const end = Date.now() + 60_000;
    let ready = { workers: 0 };
    while (ready.workers < 2 && Date.now() < end) {
      ready = (await (await fetch(new URL('/readyz', s.url))).json()) as { workers: number };
      if (ready.workers < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toMatchObject({ status: 'ready', workers: 2 });
    // both run at once with no queue: two requests together are both answered
    const answers = await Promise.all([validate(s, paddedHcoBundle(root, 1)), validate(s, paddedHcoBundle(root, 1))]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
  }, 120_000);

  it('a run that waits in the queue longer than the queue wait limit is answered 503 with Retry-After, and has not run', async () => {
    s = await startSelfTest({ port: 0, workers: 1, queue: 1, queueWaitMs: 200, warm: true });
    const first = validate(s, slow);
    await new Promise((r) => setTimeout(r, 100));
    const second = await validate(s, slow);
    expect(second.status).toBe(503);
    expect(ruleOf(second)).toBe('http/busy');
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await first).status).toBe(200);
  }, 120_000);

  it('a queued run whose client went away is dropped: its place in the queue is free again', async () => {
    s = await startSelfTest({ port: 0, workers: 1, queue: 1, warm: true });
    const first = validate(s, slow);
    await new Promise((r) => setTimeout(r, 300));
    const abort = new AbortController();
    const gone = fetch(new URL('/fhir/$validate', s.url), { method: 'POST', headers: json, body: slow, signal: abort.signal });
    await new Promise((r) => setTimeout(r, 300)); // queued behind the first
    abort.abort();
    await expect(gone).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 300));
    // the queue has room again: this one waits and is answered, not refused
    const third = await validate(s, slow);
    expect(third.status).toBe(200);
    expect((await first).status).toBe(200);
  }, 120_000);

  it('drain (SIGTERM) answers the queued runs too: nothing accepted is lost', async () => {
    s = await startSelfTest({ port: 0, workers: 1, queue: 2, warm: true });
    const inFlight = [validate(s, slow), validate(s, slow), validate(s, slow)];
    await new Promise((r) => setTimeout(r, 300)); // all three in: one running, two queued
    const drained = s.drain();
    expect((await Promise.all(inFlight)).map((a) => a.status)).toEqual([200, 200, 200]);
    await drained;
  }, 180_000);
});

describe('the bearer token', () => {
  const TOKEN = 'k3Y-0123456789abcdef0123456789abcdef';

  it('every route but /healthz and /readyz needs it: 401 with WWW-Authenticate: Bearer, OperationOutcome on /fhir', async () => {
    const lines: string[] = [];
    s = await startSelfTest({ port: 0, workers: 1, token: TOKEN, log: (l) => lines.push(l) });
    const auth = { authorization: `Bearer ${TOKEN}` };
    for (const path of ['/', '/api/info', '/app.js']) {
      const a = await call(s, path);
      expect(a.status, path).toBe(401);
      expect(a.headers.get('www-authenticate'), path).toMatch(/^Bearer\b/);
      expect(JSON.parse(a.text)).toMatchObject({ code: 'unauthorized' });
    }
    const fhir = await call(s, '/fhir/metadata');
    expect(fhir.status).toBe(401);
    expect(fhir.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect(ruleOf(fhir)).toBe('http/unauthorized');
    expect((JSON.parse(fhir.text) as { issue: { code: string }[] }).issue[0]!.code).toBe('login');
    // a wrong token, another scheme, the token with something more: 401
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, `Bearer`, TOKEN]) {
      expect((await call(s, '/fhir/metadata', { headers: { authorization } })).status, authorization).toBe(401);
      expect((await validate(s, '{}', { authorization })).status, authorization).toBe(401);
    }
    // a large body without the token: 401, the connection closed rather than the body read
    const big = await validate(s, slow);
    expect(big.status).toBe(401);
    expect(big.headers.get('connection')).toBe('close');
    // the probes answer without it
    expect((await call(s, '/healthz')).status).toBe(200);
    expect([200, 503]).toContain((await call(s, '/readyz')).status);
    // the right token: answered (the scheme in any case)
    expect((await call(s, '/', { headers: auth })).status).toBe(200);
    expect((await call(s, '/fhir/metadata', { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(200);
    const ok = await validate(s, paddedHcoBundle(root, 1), auth);
    expect(ok.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines.map((l) => (JSON.parse(l) as { status: number }).status)).toContain(401);
  }, 60_000);

  it('is read through the safe reader: a missing or empty file, a short or spaced token are refused', () => {
    const file = (name: string, text: string): string => {
      const f = join(tmp, name);
      writeFileSync(f, text);
      return f;
    };
    expect(readTokenFile(file('ok', `${TOKEN}\n`))).toBe(TOKEN);
    expect(() => readTokenFile(join(tmp, 'missing'))).toThrow(SafeFileError);
    expect(() => readTokenFile(tmp)).toThrow(SafeFileError); // a folder
    expect(() => readTokenFile(file('empty', '\n'))).toThrow(UsageError);
    expect(() => readTokenFile(file('short', 'abc'))).toThrow(UsageError);
    expect(() => readTokenFile(file('two-words', `${TOKEN} ${TOKEN}`))).toThrow(UsageError);
    expect(() => readTokenFile(file('big', 'x'.repeat(10_000)))).toThrow(SafeFileError);
    // the messages never hold the content
    try {
      readTokenFile(join(tmp, 'two-words'));
    } catch (e) {
      expect((e as Error).message).not.toContain(TOKEN);
    }
  });
});

describe('medcom-ig serve: --workers, --queue, --token-file (CLI)', () => {
  const cli = join(root, 'bin', 'medcom-ig.js');

  it('a missing or empty --token-file is exit 2 with one clear line, no stack trace', () => {
    const empty = join(tmp, 'empty-cli');
    writeFileSync(empty, '');
    for (const f of [join(tmp, 'no-such-token'), empty]) {
      const r = spawnSync(process.execPath, [cli, 'serve', '--port', '0', '--token-file', f], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status, f).toBe(2);
      expect(r.stderr, f).toContain(f);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);

  it('--max-concurrent still works, with one deprecation line; --workers, --queue and the token in the start line', async () => {
    const token = join(tmp, 'token-cli');
    writeFileSync(token, 'cli-token-0123456789abcdef\n');
    const child = spawn(
      process.execPath,
      [cli, 'serve', '--port', '0', '--max-concurrent', '1', '--queue', '3', '--token-file', token, '--no-log'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let out = '';
      let errText = '';
      child.stdout.setEncoding('utf8');
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (d: string) => (errText += d));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: string) => {
          out += d;
          if (/answers requests for: .*\n/.test(out)) resolve();
        });
        child.once('exit', (code) => reject(new Error(`serve ended with ${code}`)));
      });
      expect(out).toMatch(/at most 1 run\(s\) at once, 120 s each, 3 more waiting; a bearer token is required/);
      expect(out + errText).not.toContain('cli-token-0123456789abcdef');
      expect(errText.split('\n').filter((l) => /--max-concurrent is deprecated: use --workers/.test(l))).toHaveLength(1);
      const url = /(http:\/\/\S+\/)/.exec(out)![1]!;
      expect((await fetch(new URL('/api/info', url))).status).toBe(401);
      const info = await fetch(new URL('/api/info', url), { headers: { authorization: 'Bearer cli-token-0123456789abcdef' } });
      expect(((await info.json()) as { limits: { workers: number; queue: number } }).limits).toMatchObject({ workers: 1, queue: 3 });
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
