/**
 * `medcom-ig serve` over HTTP: the page and its assets, validation and protocol runs on uploads,
 * limits, bad requests, Host checking, and that a protocol run leaves no temporary folder behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeName, startSelfTest, type SelfTestServer } from '../../src/serve/server.js';

const root = join(import.meta.dirname, '..', '..');
const example = (p: string): string => readFileSync(join(root, 'examples', p), 'utf8');

let s: SelfTestServer;
beforeAll(async () => {
  s = await startSelfTest({ port: 0, maxBodyBytes: 2 * 1048576, maxFiles: 5 });
});
afterAll(async () => {
  await s?.close();
});

async function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(new URL(path, s.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

/** The report page among the answer's files (the page shows that copy; it is sent once). */
const reportHtml = (json: Record<string, unknown>): string | undefined =>
  (json['files'] as { name: string; content: string }[]).find((f) => f.name === 'report.html')?.content;

const selftestDirs = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith('medcom-ig-selftest-'));

describe('self-test server', () => {
  it('serves the page, its script and style, with a strict Content-Security-Policy and no external asset', async () => {
    const page = await fetch(s.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
    const html = await page.text();
    expect(html).toContain('<script src="/app.js"');
    for (const asset of ['/app.js', '/app.css']) {
      const r = await fetch(new URL(asset, s.url));
      expect(r.status).toBe(200);
    }
    const all = html + (await (await fetch(new URL('/app.js', s.url))).text()) + (await (await fetch(new URL('/app.css', s.url))).text());
    expect(all).not.toMatch(/(src|href)=["']https?:/);
    expect(all).not.toMatch(/url\(["']?https?:/);
    // the script puts server data into the page as text only
    expect(await (await fetch(new URL('/app.js', s.url))).text()).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('lists the standards and protocols', async () => {
    const info = (await (await fetch(new URL('/api/info', s.url))).json()) as { standards: { id: string }[]; protocols: { id: string }[] };
    // each current version by its alias, every other version we build as alias@version
    expect(info.standards.map((x) => x.id).sort()).toEqual([
      'conditionlist',
      'hco',
      'hco@1.1.0-trial-use',
      'hco@1.1.1-trial-use',
      'hco@1.2.0',
      'notes',
    ]);
    expect(info.protocols.map((x) => x.id)).toEqual(expect.arrayContaining(['hco-send', 'conditionlist-send', 'notes-send']));
  });

  it('validates uploads against a standard: a valid bundle clean, an invalid one with its rule id', async () => {
    const r = await post('/api/validate', {
      standard: 'hco',
      files: [
        { name: 'valid.json', content: example('hco/valid/modified-message-revision.json') },
        {
          name: 'invalid.json',
          content: Buffer.from(example('hco/invalid/invariants-gln-modulus-producer.json')).toString('base64'),
          encoding: 'base64',
        },
      ],
    });
    expect(r.status).toBe(200);
    const report = JSON.parse((r.json['files'] as { name: string; content: string }[]).find((f) => f.name === 'report.json')!.content) as {
      files: { file: string; valid: boolean; issues: { ruleId: string; constraintKey?: string }[] }[];
    };
    expect(report.files.map((f) => [f.file, f.valid])).toEqual([
      ['valid.json', true],
      ['invalid.json', false],
    ]);
    expect(report.files[1]!.issues.some((i) => i.ruleId === 'invariants/failed' && i.constraintKey === 'gln-modulus-10')).toBe(true);
    expect(reportHtml(r.json)).toMatch(/invariants\/failed/);
  });

  it('runs a protocol on uploaded evidence and returns the four reports and the ZIP, leaving no temporary folder', async () => {
    const before = selftestDirs();
    const r = await post('/api/protocol', {
      protocol: 'hco-send',
      files: [{ name: 'HomeCareObservation_3.3.1.1_A.json', content: example('hco/valid/new-message-quantity.json') }],
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const names = (r.json['files'] as { name: string }[]).map((f) => f.name);
    expect(names).toEqual(['report.html', 'report.md', 'report.json', 'junit.xml', 'HomeCareObservation_selftest.zip']);
    const zip = (r.json['files'] as { name: string; content: string; encoding?: string }[])[4]!;
    expect(zip.encoding).toBe('base64');
    expect(Buffer.from(zip.content, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    expect(reportHtml(r.json)).toMatch(/Teststep|Test step/);
    expect(selftestDirs()).toEqual(before);
  });

  it.each([
    ['not JSON', '/api/validate', '{"files":', 400, /not valid JSON/],
    ['no files', '/api/validate', { standard: 'hco', files: [] }, 400, /no files/],
    ['a file without content', '/api/validate', { files: [{ name: 'x.json' }] }, 400, /expected \{name, content\}/],
    ['an unknown standard', '/api/validate', { standard: 'nope', files: [{ name: 'a', content: '{}' }] }, 400, /unknown standard/],
    ['an unknown purpose', '/api/validate', { purpose: 'publish', files: [{ name: 'a', content: '{}' }] }, 400, /unknown purpose/],
    ['an unknown protocol', '/api/protocol', { protocol: 'nope', files: [{ name: 'a', content: '{}' }] }, 400, /unknown protocol/],
    [
      'too many files',
      '/api/validate',
      { files: Array.from({ length: 6 }, (_, i) => ({ name: `${i}.json`, content: '{}' })) },
      413,
      /more than the 5/,
    ],
    ['too large', '/api/validate', { files: [{ name: 'big.json', content: 'x'.repeat(3 * 1048576) }] }, 413, /limit/],
  ])('rejects %s with a clear error', async (_what, path, body, status, message) => {
    const r = await post(path, body);
    expect(r.status).toBe(status);
    expect(String(r.json['error'])).toMatch(message);
  });

  it('applies the export purpose to the business rules (a privately marked note: shared vs aktindsigt)', async () => {
    const note = {
      name: 'private.json',
      content: readFileSync(join(root, 'examples', 'business', 'notes', 'invalid', 'notes-private-shared.json'), 'utf8'),
    };
    const rules = async (purpose: string) => {
      const r = await post('/api/validate', { purpose, files: [note] });
      const report = JSON.parse((r.json['files'] as { content: string }[])[0]!.content) as {
        purpose: string;
        files: { issues: { ruleId: string }[] }[];
      };
      return { purpose: report.purpose, ids: report.files[0]!.issues.map((i) => i.ruleId) };
    };
    const sharing = await rules('sharing');
    expect(sharing.purpose).toBe('sharing');
    expect(sharing.ids).toContain('business/notes-private-shared');
    const access = await rules('aktindsigt');
    expect(access.purpose).toBe('aktindsigt');
    expect(access.ids).not.toContain('business/notes-private-shared');
  });

  it('answers unreadable uploads with an input/unreadable finding, not an error page', async () => {
    const r = await post('/api/validate', { files: [{ name: 'broken.json', content: '{"resourceType": "Bundle",' }] });
    expect(r.status).toBe(200);
    const report = JSON.parse((r.json['files'] as { name: string; content: string }[])[0]!.content) as {
      files: { issues: { ruleId: string }[] }[];
    };
    expect(report.files[0]!.issues.map((i) => i.ruleId)).toEqual(['input/unreadable']);
  });

  it('refuses requests for another host name (DNS rebinding) and other methods', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(s.url);
      request({ host: u.hostname, port: u.port, path: '/api/info', headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
    expect((await fetch(new URL('/api/validate', s.url), { method: 'PUT' })).status).toBe(405);
    expect((await fetch(new URL('/nothing', s.url))).status).toBe(404);
  });

  it('reduces uploaded file names to safe base names', () => {
    expect(safeName('../../etc/passwd')).toBe('passwd');
    expect(safeName('C:\\Users\\x\\HomeCareObservation_3.3.1.1_A.json')).toBe('HomeCareObservation_3.3.1.1_A.json');
    expect(safeName('.hidden')).toBe('_hidden');
    expect(safeName('a b<c>.json')).toBe('a_b_c_.json');
    expect(safeName('')).toBe('file');
  });
});
