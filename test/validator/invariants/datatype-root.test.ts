/**
 * A data type's own invariants (on its root element: Period per-1, ElementDefinition eld-*, Reference ref-1)
 * hold wherever a value of that type is, though the snapshot element it is walked against lists only its own
 * constraints; and %rootResource in them is the resource's container only for a contained resource (an
 * entry's resource in a Bundle is its own root).
 */
import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../../src/fhirpath/regex.js';
import { validate } from '../../helpers/validate.js';

const findings = async (input: unknown): Promise<string[]> =>
  (await validate(input)).issues
    .filter((i) => i.ruleId.startsWith('invariants/') && i.constraintKey !== 'dom-6')
    .map((i) => `${i.ruleId} ${i.constraintKey ?? ''} ${i.location.fhirpath}`);

const encounter = (period: Record<string, unknown>): Record<string, unknown> => ({
  resourceType: 'Encounter',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  period,
});

const profile = (types: unknown[]): Record<string, unknown> => ({
  resourceType: 'StructureDefinition',
  url: 'http://example.org/StructureDefinition/x',
  name: 'X',
  status: 'draft',
  kind: 'resource',
  abstract: false,
  type: 'HealthcareService',
  baseDefinition: 'http://hl7.org/fhir/StructureDefinition/HealthcareService',
  derivation: 'constraint',
  differential: { element: [{ id: 'HealthcareService.endpoint', path: 'HealthcareService.endpoint', type: types }] },
});

describe("a data type's own invariants", () => {
  it('per-1 on a Period: start after end fails', async () => {
    expect(await findings(encounter({ start: '2024-02-01', end: '2024-01-01' }))).toEqual(['invariants/failed per-1 Encounter.period']);
    expect(await findings(encounter({ start: '2024-01-01', end: '2024-02-01' }))).toEqual([]);
  });

  it('eld-13 on an ElementDefinition: a type code given twice fails; the eld path regexes are evaluated', async () => {
    expect(await findings(profile([{ code: 'Reference' }, { code: 'Reference' }]))).toEqual([
      'invariants/failed eld-13 StructureDefinition.differential.element[0]',
    ]);
    expect(await findings(profile([{ code: 'Reference' }]))).toEqual([]);
  });

  it("ref-1 in a Bundle entry looks among the entry resource's contained resources", async () => {
    const bundle = (reference: string): Record<string, unknown> => ({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'http://example.org/Observation/o1',
          resource: {
            resourceType: 'Observation',
            id: 'o1',
            contained: [{ resourceType: 'Device', id: 'd1' }],
            status: 'final',
            code: { text: 'x' },
            device: { reference },
          },
        },
      ],
    });
    expect((await findings(bundle('#d1'))).filter((f) => f.includes('ref-1'))).toEqual([]);
    expect((await findings(bundle('#d2'))).filter((f) => f.includes('ref-1'))).toEqual([
      'invariants/failed ref-1 Bundle.entry[0].resource.device',
    ]);
  });
});

describe('FHIRPath regexes written for Java', () => {
  it("compile when they escape punctuation (\\') or hold a lone ']', as eld-19 and eld-20 do", () => {
    expect(compileRegex('[^\\s\\.,:;\\\'"]{1,64}').test('Patient')).toBe(true);
    expect(compileRegex('[A-Za-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*(\\[x])?)*').test('Observation.value[x]')).toBe(true);
    expect(() => compileRegex('(')).toThrow();
  });
});
