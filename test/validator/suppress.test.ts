import { describe, expect, it } from 'vitest';
import { newValidator, UsageError, validateFiles } from '../../src/api/validate.js';
import { SuppressionError, Suppressions } from '../../src/validator/suppress.js';
import { igDefinitions, issuesOf } from '../helpers/validate.js';

const DK_CONDITION = 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-condition';

describe('suppressions', () => {
  it('match a rule id, optionally at a FHIRPath, with * wildcards', () => {
    const s = new Suppressions(['cardinality/min@*.text', 'bindings/*']);
    expect(s.matches('cardinality/min', 'Bundle.entry[0].resource.text')).toBe(true);
    expect(s.matches('cardinality/min', 'Patient.text')).toBe(true);
    expect(s.matches('cardinality/min', 'Patient.text.div')).toBe(false);
    expect(s.matches('cardinality/max', 'Patient.text')).toBe(false);
    expect(s.matches('bindings/extensible', 'Patient.maritalStatus')).toBe(true);
    expect(new Suppressions([]).empty).toBe(true);
  });

  it('reject a malformed suppression', () => {
    expect(() => new Suppressions(['Not A Rule'])).toThrow(SuppressionError);
    expect(() => new Suppressions(['cardinality/min@'])).toThrow(SuppressionError);
  });

  it('a bad --suppress is a usage error', async () => {
    await expect(validateFiles({ inputs: ['examples/conditionlist/valid'], suppress: ['x y'] })).rejects.toThrow(UsageError);
  });

  // a Condition whose subject is a Patient lacking the identifier DK Core requires: the Patient's
  // finding comes back at the reference as a target-profile finding
  const bundle = {
    resourceType: 'Bundle',
    id: 'b1',
    type: 'collection',
    entry: [
      {
        fullUrl: 'http://example.org/fhir/Condition/c1',
        resource: { resourceType: 'Condition', id: 'c1', meta: { profile: [DK_CONDITION] }, subject: { reference: 'Patient/p1' } },
      },
      {
        fullUrl: 'http://example.org/fhir/Patient/p1',
        resource: { resourceType: 'Patient', id: 'p1', meta: { profile: ['http://hl7.dk/fhir/core/StructureDefinition/dk-core-patient'] } },
      },
    ],
  };

  it('drop the finding, do not count it against conformance, and count it', async () => {
    const defs = await igDefinitions();
    const text = JSON.stringify(bundle, null, 2);
    const plain = newValidator(defs).validateText('b.json', text);
    expect(issuesOf(plain, 'cardinality/min').map((i) => i.location.fhirpath)).toContain('Bundle.entry[1].resource.identifier');
    expect(issuesOf(plain, 'references/target-profile').map((i) => i.location.fhirpath)).toEqual(['Bundle.entry[0].resource.subject']);
    expect(plain.suppressed).toBeUndefined();

    const quiet = newValidator(defs, { suppress: ['cardinality/min@*.identifier'] }).validateText('b.json', text);
    expect(issuesOf(quiet, 'cardinality/min').filter((i) => i.location.fhirpath.endsWith('.identifier'))).toEqual([]);
    expect(issuesOf(quiet, 'references/target-profile')).toEqual([]);
    expect(quiet.suppressed).toBe(1);
    expect(quiet.valid).toBe(true);
  });
});
