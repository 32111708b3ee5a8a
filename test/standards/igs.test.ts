/**
 * Issue 14: the standards registry (src/standards/igs.ts): each standard a list of versions with the
 * current one, `--ig` values parsed to a target, unknown ones a usage error listing what we build,
 * package versions ordered as semver has it, and a protocol's version chosen from the registry.
 */
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/defs/package-source.js';
import {
  IG_ALIASES,
  IGS,
  listStandards,
  parseIg,
  STANDARDS,
  standardsList,
  standardVersion,
  type Standard,
} from '../../src/standards/igs.js';
import { protocolVersion } from '../../src/protocol/version.js';
import type { StandardRef } from '../../src/protocol/model.js';
import { UsageError } from '../../src/util/errors.js';

const HCO_ID = 'medcom.fhir.dk.homecareobservation';
const BUILT = ['hl7.fhir.dk.core#3.2.0', 'hl7.fhir.dk.core#3.4.0', 'hl7.fhir.dk.core#3.5.0', `${HCO_ID}#1.1.0-trial-use`];

function usage(f: () => unknown): UsageError {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('the registry', () => {
  it('lists versions per standard, the current one among them; IGS is each standard at its current version', () => {
    for (const a of IG_ALIASES) {
      const s: Standard = STANDARDS[a];
      expect(s.versions.map((v) => v.version)).toContain(s.current);
      expect(IGS[a]).toEqual(standardVersion(a, s.current));
      for (const v of s.versions) expect(v.bundleProfile.endsWith(`|${v.version}`), `${a} ${v.version}`).toBe(true);
    }
    expect(IGS.hco.version).toBe(STANDARDS.hco.current);
  });

  it('listStandards gives every standard and version once, oldest first, exactly one current: what every listing renders', () => {
    const listed = listStandards();
    expect(listed.map((s) => s.alias)).toEqual(IG_ALIASES);
    for (const s of listed) {
      const std: Standard = STANDARDS[s.alias];
      expect(s).toMatchObject({ title: std.title, packageId: std.packageId, current: std.current });
      expect(s.versions.map((v) => [v.version, v.bundleProfile])).toEqual(std.versions.map((v) => [v.version, v.bundleProfile]));
      expect(s.versions.filter((v) => v.current).map((v) => v.version)).toEqual([std.current]);
    }
  });

  it('standardsList marks the current version of every standard', () => {
    const lines = standardsList().split('\n');
    expect(lines).toHaveLength(IG_ALIASES.length);
    for (const a of IG_ALIASES) expect(lines.find((l) => l.startsWith(`${a}: `))).toContain(`${STANDARDS[a].current} (current)`);
  });
});

describe('parseIg', () => {
  it('an alias is the current version, not pinned', () => {
    expect(parseIg('hco')).toMatchObject({ alias: 'hco', packageId: HCO_ID, version: STANDARDS.hco.current, current: true, pinned: false });
  });

  it('alias@version and package id#version pin the same standard version, with its Bundle profile', () => {
    const at = parseIg('hco@1.1.0-trial-use');
    const hash = parseIg(`${HCO_ID}#1.1.0-trial-use`);
    expect(at).toEqual(hash);
    expect(at).toMatchObject({
      alias: 'hco',
      version: '1.1.0-trial-use',
      pinned: true,
      bundleProfile: standardVersion('hco', '1.1.0-trial-use')!.bundleProfile,
    });
  });

  it('any package we build is pinned by id#version, without a Bundle profile; its id alone is the newest we build', () => {
    expect(parseIg('hl7.fhir.dk.core#3.2.0', BUILT)).toEqual({ packageId: 'hl7.fhir.dk.core', version: '3.2.0', pinned: true });
    expect(parseIg('hl7.fhir.dk.core', BUILT)).toEqual({ packageId: 'hl7.fhir.dk.core', version: '3.5.0', pinned: false });
  });

  it('an unknown alias, version or package is a usage error listing what we build', () => {
    const version = usage(() => parseIg('hco@9.9.9'));
    expect(version.message).toContain('hco@9.9.9');
    expect(version.message).toContain(standardsList());
    expect(usage(() => parseIg('nope')).message).toContain(standardsList());
    const pkg = usage(() => parseIg('hl7.fhir.dk.core#3.3.0', BUILT));
    expect(pkg.message).toContain('hl7.fhir.dk.core#3.5.0');
    // without the list of packages only standards are known
    expect(() => parseIg('hl7.fhir.dk.core#3.2.0')).toThrow(UsageError);
  });
});

describe('compareVersions (semver order)', () => {
  it.each([
    ['3.2.0', '3.5.0', -1],
    ['1.10.0', '1.9.2', 1],
    ['1.1.0-trial-use', '1.1.0', -1],
    ['1.1.1-trial-use', '1.1.0-trial-use', 1],
    ['1.2.0', '1.1.1-trial-use', 1],
    ['2.0.0-draft', '2.0.2', -1],
    ['5.3.0-ballot-tc1', '5.1.0', 1],
    ['1.2.1', '1.2.1', 0],
  ] as const)('%s vs %s: %d', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('protocolVersion', () => {
  const ref = (targets: string): StandardRef => ({
    name: 'HomeCareObservation',
    nameEn: 'HomeCareObservation',
    nameDa: 'Kommunale Prøvesvar',
    version: 'v.1.2.0',
    type: 'HL7 FHIR',
    kind: 'message',
    ig: 'hco',
    targets,
  });

  it('runs against the version the protocol tests when we build it, without a note', () => {
    const c = protocolVersion(ref('1.1.0-trial-use'));
    expect(c.target).toMatchObject({ alias: 'hco', version: '1.1.0-trial-use' });
    expect(c.note).toBe('');
  });

  it('otherwise against the current version, and says so', () => {
    const c = protocolVersion(ref('9.9.9'));
    expect(c.target).toMatchObject({ alias: 'hco', version: STANDARDS.hco.current, current: true });
    expect(c.note).toContain('9.9.9');
    // listed in the registry but not loaded: the same fallback
    const unbuilt = protocolVersion(ref('1.1.0-trial-use'), undefined, () => false);
    expect(unbuilt.note).toContain('1.1.0-trial-use');
  });

  it('a pin of the same standard wins; a pin of another standard is a usage error', () => {
    expect(protocolVersion(ref('9.9.9'), 'hco@1.1.0-trial-use').target.version).toBe('1.1.0-trial-use');
    expect(() => protocolVersion(ref('1.1.0-trial-use'), 'notes')).toThrow(UsageError);
  });
});
