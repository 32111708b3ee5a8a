/**
 * Profiles given as differentials only (a `--package` folder without snapshots) are used: their
 * snapshots are generated from the base definition's when first resolved.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles, validationDefinitions } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';

const fixtures = join(import.meta.dirname, '..', 'defs', 'fixtures');
const pkg = join(fixtures, 'differential-only');
const data = join(fixtures, 'differential-only-data');
const P = 'http://example.org/fhir/StructureDefinition/';

describe('a differential-only profile', () => {
  /** What the run's definitions reported (snapshots that could not be generated in full). */
  const notices: string[] = [];
  let defs: Promise<Definitions> | undefined;
  const ruleIds = async (file: string, profiles: string[] = []): Promise<string[]> => {
    defs ??= validationDefinitions([pkg], (m) => notices.push(m));
    const report = await validateFiles({ inputs: [join(data, file)], profiles, workers: 1 }, await defs);
    return report.files[0]!.issues.filter((i) => i.severity === 'error').map((i) => i.ruleId);
  };

  it('given with --profile, requires what its differential requires (birthDate 1..1)', async () => {
    expect(await ruleIds('patient-unborn-plain.json', [`${P}patient-born`])).toEqual(['cardinality/min']);
    expect(await ruleIds('patient-born.json', [`${P}patient-born`])).toEqual([]);
  });

  it('claimed in meta.profile, is checked (not profiles/unknown)', async () => {
    defs ??= validationDefinitions([pkg], (m) => notices.push(m));
    const report = await validateFiles({ inputs: [join(data, 'patient-unborn.json')], workers: 1 }, await defs);
    const ids = report.files[0]!.issues.map((i) => i.ruleId);
    expect(ids).not.toContain('profiles/unknown');
    expect(ids).toContain('cardinality/min');
  });

  it('over a differential-only base, requires both differentials', async () => {
    const profile = [`${P}patient-born-named`];
    expect(await ruleIds('patient-named.json', profile)).toEqual([]);
    const wrong = await ruleIds('patient-unnamed.json', profile);
    expect(wrong).toContain('cardinality/min');
    expect(wrong).toContain('slicing/slice-min');
    expect(await ruleIds('patient-unborn-plain.json', profile)).toContain('cardinality/min');
  });

  it('a slice that prohibits the discriminating element (use max 0) holds the items without it, as the HL7 validator has it', async () => {
    const profile = [`${P}telecom-use`];
    expect(await ruleIds('telecom-use.json', profile)).toEqual([]);
    // a 'home' item fits neither the work slice nor the one without use: the closed slicing refuses it
    expect(await ruleIds('telecom-use-wrong.json', profile)).toEqual(['slicing/no-match-closed']);
  });

  it('whose differential profiles a type with a profile nobody holds: kept, so a value there is types/profile-unknown (as the HL7 validator: Unknown profile)', async () => {
    const profile = [`${P}unknown-type-profile`];
    expect(await ruleIds('patient-named.json', profile)).toEqual(['types/profile-unknown']);
    expect(await ruleIds('patient-born.json', profile)).toEqual([]);
    expect(notices.some((n) => n.includes('no-such-name-profile'))).toBe(false);
  });

  it('whose differential names an element its base lacks: the rest applies, and a notice names the definition and element', async () => {
    expect(await ruleIds('patient-born.json', [`${P}bad-path`])).toEqual(['cardinality/min']);
    expect(notices.some((n) => n.includes(`${P}bad-path`) && n.includes('nonsense'))).toBe(true);
  });

  it('whose base definitions form a cycle: a usage error for --profile, not a crash', async () => {
    await expect(ruleIds('patient-born.json', [`${P}loop-a`])).rejects.toThrow(/loop-a/);
  });

  it("with several profiled resource types holds each entry to its own type's profile, and resolves '#id' in an entry", async () => {
    const profile = [`${P}team-bundle`];
    expect(await ruleIds('team-bundle.json', profile)).toEqual([]);
    const wrong = await ruleIds('team-bundle-wrong.json', profile);
    // the Practitioner without a name fits no member (a profile discriminator: the near miss is the root, the
    // slice's min its follow-on), and #d2 is not contained (team-1; and Reference's own ref-1, now that a data
    // type's invariants hold wherever it is used; and dom-3: the contained d1 is referred to by nothing)
    expect(wrong.sort()).toEqual([
      'invariants/failed',
      'invariants/failed',
      'invariants/failed',
      'references/unresolved',
      'slicing/discriminator-mismatch',
      'slicing/slice-min',
    ]);
    defs ??= validationDefinitions([pkg], (m) => notices.push(m));
    const report = await validateFiles({ inputs: [join(data, 'team-bundle-wrong.json')], profiles: profile, workers: 1 }, await defs);
    const byId = new Map(report.files[0]!.issues.map((i) => [i.id, i]));
    const sliceMin = report.files[0]!.issues.find((i) => i.ruleId === 'slicing/slice-min');
    expect(byId.get(sliceMin?.causedBy)?.ruleId).toBe('slicing/discriminator-mismatch');
    expect(wrong).not.toContain('structure/resource-type');
  });

  it('stating the wrong kind (complex-type for a resource) takes the base kind; a sliced contentReference element holds its items to their slices', async () => {
    const profile = [`${P}match-parameters`];
    expect(await ruleIds('match-parameters.json', profile)).toEqual([]);
    // the patient part holds no resource
    expect(await ruleIds('match-parameters-wrong.json', profile)).toEqual(['cardinality/min']);
  });
});
