import { describe, expect, it } from 'vitest';
import { PackageSource } from '../../../src/defs/package-source.js';
import { Resolver } from '../../../src/defs/registry.js';
import type { FhirResource } from '../../../src/defs/resource.js';
import { LocalTerminology } from '../../../src/validator/terminology/local.js';
import { UcumUnits } from '../../../src/validator/terminology/ucum.js';
import { issuesOf, validate } from '../../helpers/validate.js';

/**
 * UCUM units decided by the grammar (@lhncbc/ucum-lhc) where a value set includes all of UCUM, or
 * for the UCUM code system itself; value sets that list units keep deciding by their list.
 */
const UCUM = 'http://unitsofmeasure.org';
const VS = 'http://example.org/fhir/ValueSet/';

function vs(id: string, compose: unknown): FhirResource {
  return { resourceType: 'ValueSet', url: VS + id, status: 'active', compose };
}

const pkg = new PackageSource({ name: 'example.ucum', version: '0.1.0' });
for (const r of [
  vs('all', { include: [{ system: UCUM }] }),
  vs('all-by-oid', { include: [{ system: 'urn:oid:2.16.840.1.113883.6.8' }] }),
  vs('listed', { include: [{ system: UCUM, concept: [{ code: 'kg' }, { code: 'mg/dL' }] }] }),
  vs('all-but-kg', { include: [{ system: UCUM }], exclude: [{ system: UCUM, concept: [{ code: 'kg' }] }] }),
  vs('all-and-listed', { include: [{ valueSet: [`${VS}all`, `${VS}listed`] }] }),
  vs('filtered', { include: [{ system: UCUM, filter: [{ property: 'canonical', op: '=', value: 'm' }] }] }),
])
  pkg.add(r);

const tx = new LocalTerminology(new Resolver([pkg]));

const VALID = ['mg/dL', '/min', 'Cel', '%', 'mm[Hg]', '10*9/L', '{score}', 'kg/m2', '[degF]', 'mg/dlx'];
const INVALID = ['degrees', 'cel', 'mcg', 'kg/m^2', 'mg/dL)', 'mg per dL', ' mg', 'degF', ''];

describe('UCUM units', () => {
  it('a value set including all of UCUM: valid units are in, invalid ones not in, with a reason', () => {
    for (const code of VALID) expect(tx.check(`${VS}all`, UCUM, code), code).toEqual({ result: 'in' });
    for (const code of INVALID) {
      const r = tx.check(`${VS}all`, UCUM, code);
      expect(r.result, code).toBe('not-in');
      expect(r.reason, code).toContain('UCUM');
    }
  });

  it('UCUM case matters (Cel, not cel; mg is milligram, MG megagram, both valid)', () => {
    expect(tx.check(`${VS}all`, UCUM, 'Cel').result).toBe('in');
    expect(tx.check(`${VS}all`, UCUM, 'cel').result).toBe('not-in');
  });

  it('the same through the UCUM OID, and for a code element without a system', () => {
    expect(tx.check(`${VS}all-by-oid`, UCUM, 'mg/dL').result).toBe('in');
    expect(tx.check(`${VS}all`, 'urn:oid:2.16.840.1.113883.6.8', 'mg/dL').result).toBe('in');
    expect(tx.check(`${VS}all`, undefined, 'mg/dL').result).toBe('in');
    expect(tx.check(`${VS}all`, undefined, 'degrees').result).toBe('not-in');
    // a code of another system is not in
    expect(tx.check(`${VS}all`, 'http://snomed.info/sct', '258684004').result).toBe('not-in');
  });

  it('value sets that list units keep their list', () => {
    expect(tx.check(`${VS}listed`, UCUM, 'kg').result).toBe('in');
    expect(tx.check(`${VS}listed`, UCUM, 'g').result).toBe('not-in');
    expect(tx.check(`${VS}all-and-listed`, UCUM, 'mg/dL').result).toBe('in');
    expect(tx.check(`${VS}all-and-listed`, UCUM, 'g').result).toBe('not-in');
  });

  it('excludes apply to the grammar-decided set', () => {
    expect(tx.check(`${VS}all-but-kg`, UCUM, 'g').result).toBe('in');
    expect(tx.check(`${VS}all-but-kg`, UCUM, 'kg').result).toBe('not-in');
    expect(tx.check(`${VS}all-but-kg`, UCUM, 'degrees').result).toBe('not-in');
  });

  it('a filter on UCUM (commensurable units) stays unknown', () => {
    const r = tx.check(`${VS}filtered`, UCUM, 'km');
    expect(r.result).toBe('unknown');
    expect(r.reason).toMatch(/grammar/);
  });

  it('checkCodeSystem decides UCUM units', () => {
    expect(tx.checkCodeSystem(UCUM, 'mg/dL').result).toBe('in');
    expect(tx.checkCodeSystem(UCUM, 'degrees').result).toBe('not-in');
  });

  it('UcumUnits: exact codes only, decisions cached', () => {
    const units = new UcumUnits();
    expect(units.decide('mg/dL')).toEqual({ valid: true });
    expect(units.decide('mg/dL ').valid).toBe(false);
    const bad = units.decide('degrees');
    expect(bad.valid).toBe(false);
    expect(units.decide('degrees')).toBe(bad);
  });
});

describe('UCUM units in validation (R4 ucum-units, bound extensible to ObservationDefinition.quantitativeDetails.unit)', () => {
  const definition = (code: string): unknown => ({
    resourceType: 'ObservationDefinition',
    id: 'od',
    code: { text: 'glucose' },
    quantitativeDetails: { unit: { coding: [{ system: UCUM, code }] } },
  });

  it.each(['mg/dL', '/min', 'Cel', '%'])('a valid unit (%s) passes, not "not checked"', async (code) => {
    const report = await validate(definition(code));
    expect(issuesOf(report, 'bindings/extensible')).toEqual([]);
    expect(issuesOf(report, 'bindings/not-checked')).toEqual([]);
  });

  it.each(['degrees', 'mcg'])('an invalid unit (%s) fails the binding', async (code) => {
    const report = await validate(definition(code));
    const issues = issuesOf(report, 'bindings/extensible');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.location.fhirpath).toBe('ObservationDefinition.quantitativeDetails.unit');
    expect(issuesOf(report, 'bindings/not-checked')).toEqual([]);
  });
});
