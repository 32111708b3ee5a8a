/**
 * `medcom-ig serve` under attack and load (issue 12): the Host check holds on every bind address.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
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
    request({ host: '127.0.0.1', port: u.port, path, headers: { host } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); })
      .on('error', reject).end();
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
