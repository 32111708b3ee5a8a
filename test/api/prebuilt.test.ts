/**
 * The prebuilt packages `npm run compile` writes to dist/ig (the validator's copy of our build):
 * current, loaded from their .index.json, and slim.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IGS } from '../../src/api/igs.js';

// the compiled modules: dist/ig is found relative to them (npm test compiles first)
const DIST = '../../dist/src/';
const { loadPrebuilt, PREBUILT_DIR } = (await import(`${DIST}api/prebuilt.js`)) as typeof import('../../src/api/prebuilt.js');
const { Definitions } = (await import(`${DIST}defs/registry.js`)) as typeof import('../../src/defs/registry.js');

describe('prebuilt packages (dist/ig)', () => {
  it('are current and hold all three standards', async () => {
    const defs = new Definitions();
    expect(await loadPrebuilt(defs)).toBe(true);
    for (const ig of Object.values(IGS))
      expect(defs.all().resolve(ig.bundleProfile, 'StructureDefinition')?.from.packageId).toBe(ig.packageId);
  });

  it('store definitions without narratives and element texts', () => {
    const dir = readdirSync(PREBUILT_DIR).find((f) => f.startsWith('medcom.fhir.dk.homecareobservation#'))!;
    const pkg = join(PREBUILT_DIR, dir, 'package');
    const file = readdirSync(pkg).find((f) => f.startsWith('StructureDefinition-'))!;
    const sd = JSON.parse(readFileSync(join(pkg, file), 'utf8')) as {
      text?: unknown;
      snapshot: { element: { definition?: unknown; path: string }[] };
    };
    expect(sd.text).toBeUndefined();
    expect(sd.snapshot.element.length).toBeGreaterThan(0);
    expect(sd.snapshot.element.every((e) => e.definition === undefined)).toBe(true);
  });
});

describe('the prebuilt stamp (dist/ig/prebuilt.json)', () => {
  const copy = mkdtempSync(join(tmpdir(), 'medcom-prebuilt-'));
  cpSync(PREBUILT_DIR, copy, { recursive: true });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
  const stampFile = join(copy, 'prebuilt.json');
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as {
    profiles: string;
    packages?: { folder: string }[];
  };

  /** Every definition the prebuilt packages in `dir` offer, by package, with its url and version. */
  async function offered(dir: string): Promise<string[] | false> {
    const defs = new Definitions();
    if (!(await loadPrebuilt(defs, dir))) return false;
    const out: string[] = [];
    for (const pkg of defs.listPackages())
      for (const r of pkg.all())
        out.push(`${pkg.label} ${r.from.file ?? ''} ${r.resource.resourceType} ${r.resource.url ?? ''}|${r.resource.version ?? ''}`);
    return out.sort();
  }

  it('names every package folder with its package.json and index, and gives what the folders give', async () => {
    expect(stamp.packages?.map((p) => p.folder)).toEqual(
      readdirSync(copy)
        .filter((f) => f.includes('#'))
        .sort(),
    );
    const fromStamp = await offered(copy);
    expect(fromStamp).not.toBe(false);
    expect((fromStamp as string[]).length).toBeGreaterThan(400);
    // the same stamp without the packages: each folder's package.json and .index.json are read
    writeFileSync(stampFile, JSON.stringify({ profiles: stamp.profiles }));
    expect(await offered(copy)).toEqual(fromStamp);
    writeFileSync(stampFile, JSON.stringify(stamp));
  });

  it('is stale when the compiled profile modules changed since: a notice, and not used', async () => {
    writeFileSync(
      stampFile,
      JSON.stringify({
        ...stamp,
        profiles: stamp.profiles.replace(/\0(\d)/, '\0$1$1'),
      }),
    );
    const notices: string[] = [];
    expect(await loadPrebuilt(new Definitions(), copy, (m) => notices.push(m))).toBe(false);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('older than the compiled profiles');
    writeFileSync(stampFile, JSON.stringify(stamp));
    expect(await loadPrebuilt(new Definitions(), copy)).toBe(true);
  });

  it('an installed copy (npm pack: other modification times, the same modules) is current; other content is not', async () => {
    // npm gives every packed file one fixed time: the stat fingerprint differs, the content digest decides
    const otherTimes = stamp.profiles.replace(/\0[^\0\n]*\n/g, '\u0000499162500000\n');
    expect(otherTimes).not.toBe(stamp.profiles);
    writeFileSync(stampFile, JSON.stringify({ ...stamp, profiles: otherTimes }));
    expect(await loadPrebuilt(new Definitions(), copy)).toBe(true);
    const notices: string[] = [];
    writeFileSync(stampFile, JSON.stringify({ ...stamp, profiles: otherTimes, profilesDigest: '0'.repeat(64) }));
    expect(await loadPrebuilt(new Definitions(), copy, (m) => notices.push(m))).toBe(false);
    expect(notices[0]).toContain('older than the compiled profiles');
    writeFileSync(stampFile, JSON.stringify(stamp));
  });

  it('a truncated or empty stamp (a damaged install) is not used: a notice naming it, never a crash', async () => {
    const whole = JSON.stringify(stamp);
    for (const text of [whole.slice(0, Math.floor(whole.length / 2)), '']) {
      writeFileSync(stampFile, text);
      const notices: string[] = [];
      expect(await loadPrebuilt(new Definitions(), copy, (m) => notices.push(m))).toBe(false);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain('prebuilt.json is not readable');
    }
    writeFileSync(stampFile, whole);
    expect(await loadPrebuilt(new Definitions(), copy)).toBe(true);
  });
});
