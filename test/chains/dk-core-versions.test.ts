/**
 * Issue 14, item 5: with DK Core 3.2.0, 3.4.0 and 3.5.0 built side by side, a meta.profile without
 * `|version` resolves to the newest version we build (as the HL7 validator does with several versions
 * loaded), unless the run pins a package. Every official example of each version, validated without a
 * pin, gets the verdict its own version's profiles give (pinned with `--ig hl7.fhir.dk.core#<version>`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newValidator, validationDefinitions } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';
import type { FileReport } from '../../src/validator/issue.js';
import type { Validator } from '../../src/validator/validator.js';
import { anchorsOrSkip } from '../helpers/shared.js';

const anchors = anchorsOrSkip('chains: DK Core 3.2.0, 3.4.0 and 3.5.0 examples without --ig');
const VERSIONS = ['3.2.0', '3.4.0', '3.5.0'] as const;
const DK_CORE = 'hl7.fhir.dk.core';

const errors = (r: FileReport): string[] =>
  r.issues
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .map((i) => `${i.ruleId} ${i.location.fhirpath}`)
    .sort();

const examples = (version: string): [string, string][] =>
  anchors
    ? readdirSync(join(anchors, 'dk-core', version, 'examples'))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => [version, join(anchors, 'dk-core', version, 'examples', f)])
    : [];

describe.skipIf(!anchors)('DK Core examples without --ig: the newest version we build', () => {
  let defs: Definitions;
  let free: Validator;
  const pinned = new Map<string, Validator>();
  beforeAll(async () => {
    defs = await validationDefinitions();
    free = newValidator(defs, { rules: 'official' });
    for (const v of VERSIONS) pinned.set(v, newValidator(defs, { rules: 'official', scopePackage: { id: DK_CORE, version: v } }));
  }, 120_000);

  const all = VERSIONS.flatMap(examples);

  it('finds the examples of all three versions', () => {
    for (const v of VERSIONS) expect(examples(v).length, v).toBeGreaterThan(50);
  });

  it('an unversioned canonical resolves to the newest version of its package', () => {
    const hit = defs.all().resolve('http://hl7.dk/fhir/core/StructureDefinition/dk-core-practitioner', 'StructureDefinition');
    expect(hit?.from).toEqual({ packageId: DK_CORE, packageVersion: '3.5.0' });
    // pinned to a package, its own version wins
    const scoped = defs.preferring([{ id: DK_CORE, version: '3.2.0' }]);
    expect(scoped.resolve('http://hl7.dk/fhir/core/StructureDefinition/dk-core-practitioner')?.from.packageVersion).toBe('3.2.0');
  });

  it.each(all)('DK Core %s %s: the verdict of its own version', (version, file) => {
    const text = readFileSync(file, 'utf8');
    const own = pinned.get(version)!.validateText(file, text);
    const unpinned = free.validateText(file, text);
    expect(unpinned.valid).toBe(own.valid);
    expect(errors(unpinned)).toEqual(errors(own));
    // the report names the package version the profiles resolved to
    for (const p of unpinned.packages ?? []) if (p.startsWith(`${DK_CORE}#`)) expect(p).toBe(`${DK_CORE}#3.5.0`);
  });

  it('DK Core 3.5.0 Practitioner-AbrahamLaege: two officialHealthAuthorization, valid from 3.5.0 on', () => {
    const file = join(anchors!, 'dk-core', '3.5.0', 'examples', 'Practitioner-AbrahamLaege.json');
    const text = readFileSync(file, 'utf8');
    const unpinned = free.validateText(file, text);
    expect(errors(unpinned)).toEqual([]);
    expect(unpinned.packages).toEqual([`${DK_CORE}#3.5.0`]);
    // 3.2.0's profile allows one: the finding the old first-registered choice gave
    const old = pinned.get('3.2.0')!.validateText(file, text);
    expect(errors(old)).toEqual(['slicing/slice-max Practitioner.qualification']);
    expect(old.packages).toEqual([`${DK_CORE}#3.2.0`]);
  });

  it('the only invalid examples are the Continua bundles, for the same reason in every version', () => {
    const invalid = all
      .filter(([, f]) => !free.validateText(f, readFileSync(f, 'utf8')).valid)
      .map(([v, f]) => `${v} ${f.split('/').pop()}`);
    expect(invalid).toEqual(VERSIONS.map((v) => `${v} Bundle-ContinuaBundleWithDevice.json`));
  });
});
