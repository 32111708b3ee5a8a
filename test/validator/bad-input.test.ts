/**
 * Bad input ends quickly with exit 1 (a fatal `input/unreadable` finding naming the file) or 2
 * (usage), a clear message, no stack trace, and nothing read outside the input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'medcom-ig.js');
const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function validate(name: string, content: string | Buffer): { status: number | null; stdout: string; stderr: string; ms: number } {
  const file = join(tmp, name);
  writeFileSync(file, content);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [bin, 'validate', file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

const secret = join(tmp, 'secret.txt');
writeFileSync(secret, 'TOP-SECRET-CONTENT');

const CASES: [string, string | Buffer, RegExp][] = [
  ['truncated.json', '{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": ', /unexpected end of file/],
  ['deep.json', '['.repeat(10000) + ']'.repeat(10000), /nested deeper than/],
  [
    'deep.xml',
    '<Patient xmlns="http://hl7.org/fhir">' + '<extension url="x">'.repeat(10000) + '</extension>'.repeat(10000) + '</Patient>',
    /nested too deeply|nested deeper/,
  ],
  [
    'bomb.xml',
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Patient xmlns="http://hl7.org/fhir"><id value="&lol2;"/></Patient>',
    /DOCTYPE|entit/i,
  ],
  [
    'xxe.xml',
    `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file://${secret}">]><Patient xmlns="http://hl7.org/fhir"><id value="&x;"/></Patient>`,
    /DOCTYPE|entit/i,
  ],
  ['garbage.json', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), /not valid JSON|UTF-8|NUL/],
  ['utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"resourceType":"Patient"}', 'utf16le')]), /UTF-16/],
  ['empty.json', '', /empty/],
];

describe('bad input', () => {
  it.each(CASES)('%s: exit 1, fatal input/unreadable naming the file, no stack trace', (name, content, reason) => {
    const r = validate(name, content);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain(name);
    expect(r.stdout).toMatch(/fatal {2}input\/unreadable/);
    expect(r.stdout).toMatch(reason);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout + r.stderr).not.toContain('TOP-SECRET-CONTENT');
    expect(r.ms).toBeLessThan(20_000);
  });

  it('a 60 MB file is read and validated in seconds', () => {
    const data = Buffer.alloc(44 * 1024 * 1024, 7).toString('base64');
    const r = validate('big.json', JSON.stringify({ resourceType: 'Binary', contentType: 'text/plain', data }));
    expect(r.status, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(20_000);
  });

  it('a missing file is a usage error (exit 2)', () => {
    const r = spawnSync(process.execPath, [bin, 'validate', join(tmp, 'missing.json')], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing.json: no such file or folder');
  });
});
