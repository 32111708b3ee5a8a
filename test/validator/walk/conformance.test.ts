/**
 * Two things the example corpus found: a reference target's conformance is to the target profile
 * alone (what the resource claims in meta.profile is checked by the walk, not held against every
 * reference to it), and the type slices of a primitive choice (value[x]:valueString) apply.
 */
import { describe, expect, it } from 'vitest';
import { buildIg } from '../../../src/api/build.js';
import { definePackage, defineProfile, packageContents, R4 } from '../../../src/dsl/index.js';
import type { Validator } from '../../../src/validator/validator.js';
import { igDefinitions, validate, validatorFor } from '../../helpers/validate.js';

const DK_CONDITION = 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-condition';
const MEDCOM_PATIENT = 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patient';

const pkg = definePackage({
  id: 'example.walk',
  version: '0.1.0',
  canonical: 'http://example.org/fhir',
  name: 'Walk',
  title: 'Walk',
  dependencies: {},
  coverage: 'complete',
});
const ShortString = defineProfile(pkg, R4.Observation, {
  id: 'short-string',
  name: 'ShortString',
  elements: { valueString: { maxLength: 12 } },
});
let local: Promise<Validator> | undefined;
function localValidator(): Promise<Validator> {
  local ??= (async () => {
    const defs = await igDefinitions();
    await buildIg({ packages: [packageContents(pkg, [ShortString])], definitions: defs });
    return validatorFor(defs);
  })();
  return local;
}

const bundle = (...resources: Record<string, unknown>[]): Record<string, unknown> => ({
  resourceType: 'Bundle',
  id: 'b1',
  type: 'collection',
  entry: resources.map((r) => ({ fullUrl: `http://example.org/fhir/${String(r['resourceType'])}/${String(r['id'])}`, resource: r })),
});

describe('reference target profiles', () => {
  it('hold the target to the target profile only, not to what it claims besides', async () => {
    // conforms to dk-core-patient (the Condition's subject target), fails medcom-core-patient (no name)
    const patient = {
      resourceType: 'Patient',
      id: 'p1',
      meta: { profile: [MEDCOM_PATIENT] },
      identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: '0101011234' }],
    };
    const condition = { resourceType: 'Condition', id: 'c1', meta: { profile: [DK_CONDITION] }, subject: { reference: 'Patient/p1' } };
    const r = await validate(bundle(condition, patient));
    const errors = r.issues.filter((i) => i.severity === 'error').map((i) => [i.ruleId, i.location.fhirpath]);
    expect(errors).toContainEqual(['cardinality/min', 'Bundle.entry[1].resource.name']);
    expect(errors.filter(([rule]) => rule === 'references/target-profile')).toEqual([]);
  });
});

describe('type slices of a primitive choice', () => {
  const observation = (value: string): Record<string, unknown> => ({
    resourceType: 'Observation',
    id: 'o1',
    status: 'final',
    code: { text: 'CRP' },
    valueString: value,
  });

  it('apply their maxLength', async () => {
    const r = await validate(
      observation('Svagt positiv'),
      ['http://example.org/fhir/StructureDefinition/short-string'],
      await localValidator(),
    );
    const hits = r.issues.filter((i) => i.ruleId === 'types/max-length');
    expect(hits.map((i) => i.location.fhirpath)).toEqual(['Observation.valueString']);
    expect(hits[0]!.location.line).toBeGreaterThan(0);
  });

  it('accept a value within it', async () => {
    const r = await validate(observation('Positiv'), ['http://example.org/fhir/StructureDefinition/short-string'], await localValidator());
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
