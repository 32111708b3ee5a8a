/**
 * Issue 14, the HCO versions we build: every official example Bundle of HCO 1.1.1-trial-use, 1.2.0
 * and 1.2.1 validates with zero errors against its own version's message profile (our compiled
 * packages, no `--package`), and the 1.1.1+ examples validated against 1.1.0-trial-use give exactly
 * what MedCom's published 1.1.0 profiles say: the definition-URL form (`…MessageDefinition|1.1`)
 * fails `medcom-hcobs-definition-url`, and so the header fails its profile in
 * `medcom-homecareObsMessage-1` — nothing else. The other way round, the 1.1.0 examples pass 1.2.1
 * as published (the quirk: an unescaped `|`) and draw the `invariants/intended` warning.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newValidator, validationDefinitions } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';
import type { FileReport } from '../../src/validator/issue.js';
import { readXml } from '../../src/validator/load/xml.js';
import type { Validator } from '../../src/validator/validator.js';
import { anchorsOrSkip } from '../helpers/shared.js';

const anchors = anchorsOrSkip('chains: the official HCO 1.1.1-trial-use, 1.2.0 and 1.2.1 examples against their own versions');
const MESSAGE = 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message';
const PACKAGE = 'medcom.fhir.dk.homecareobservation';
/** version → the folder of ../shared/anchors/medcom/hco with its official package */
const VERSIONS = { '1.1.1-trial-use': '1.1.1-trial-use', '1.2.0': '1.2.0', '1.2.1': 'newer-1.2.1' } as const;
type Version = keyof typeof VERSIONS;

const errors = (r: FileReport): [string, string, string][] =>
  r.issues
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .map((i) => [i.ruleId, i.location.fhirpath, i.constraintKey ?? '']);
const bundles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.startsWith('Bundle-') && f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
const read = (file: string): string => readFileSync(file, 'utf8');
const examplesOf = (v: Version): string[] => (anchors ? bundles(join(anchors, 'hco', VERSIONS[v], 'examples')) : []);

/** What MedCom's published 1.1.0-trial-use profiles say about a bundle written for 1.1.1 or later. */
const UNDER_110: [string, string, string][] = [
  ['invariants/failed', 'Bundle', 'medcom-homecareObsMessage-1'],
  ['invariants/failed', 'Bundle.entry[0].resource.definition', 'medcom-hcobs-definition-url'],
];

describe.skipIf(!anchors)('official HCO examples against their own version, and against 1.1.0-trial-use', () => {
  let defs: Definitions;
  const validators = new Map<string, Validator>();
  beforeAll(async () => {
    defs = await validationDefinitions();
  }, 120_000);
  /** A validator scoped to one version's message profile (as `--profile …|version`), conformance only. */
  const at = (version: string): Validator => {
    let v = validators.get(version);
    if (!v) {
      v = newValidator(defs, { scopeProfile: `${MESSAGE}|${version}`, readXml, rules: 'official' });
      validators.set(version, v);
    }
    return v;
  };
  const validate = (file: string, version: string): FileReport =>
    at(version).validateText(file, read(file), { profiles: [`${MESSAGE}|${version}`] });

  it('finds 5 examples of 1.1.1-trial-use, 5 of 1.2.0 and 9 of 1.2.1 (with MedCom’s four receive-test bundles)', () => {
    expect((Object.keys(VERSIONS) as Version[]).map((v) => examplesOf(v).length)).toEqual([5, 5, 9]);
  });

  it.each(Object.keys(VERSIONS) as Version[])('%s: the message profile comes from our compiled package of that version', (version) => {
    const hit = defs.all().resolve(`${MESSAGE}|${version}`, 'StructureDefinition');
    expect(hit?.from).toMatchObject({ packageId: PACKAGE, packageVersion: version });
    expect(defs.listPackages().every((p) => !p.location?.includes('anchors'))).toBe(true);
  });

  const own = (Object.keys(VERSIONS) as Version[]).flatMap((v) => examplesOf(v).map((f) => [v, f.split('/').pop()!, f] as const));
  it.each(own)('%s %s: zero errors against its own version', (version, _name, file) => {
    const r = validate(file, version);
    expect(errors(r)).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it.each(own)('%s %s: against 1.1.0-trial-use, exactly the definition-URL form', (_version, _name, file) => {
    expect(errors(validate(file, '1.1.0-trial-use'))).toEqual(UNDER_110);
  });

  const hco110 = anchors ? bundles(join(anchors, 'hco', 'examples')) : [];
  it.each(hco110.map((f) => [f.split('/').pop()!, f] as const))(
    '1.1.0-trial-use %s: against 1.2.1, no error (published quirk) and the intended-check warning',
    (_name, file) => {
      const r = validate(file, '1.2.1');
      expect(errors(r)).toEqual([]);
      const intended = r.issues.filter((i) => i.ruleId === 'invariants/intended');
      expect(intended.map((i) => [i.severity, i.location.fhirpath, i.constraintKey])).toEqual([
        ['warning', 'Bundle.entry[0].resource.definition', 'medcom-hcobs-definition-url'],
      ]);
    },
  );
});
