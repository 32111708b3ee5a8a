/**
 * A Bundle entry checked first as a reference target (or by a profile discriminator) and then by
 * the walk itself is validated once per profile and its findings replayed: they must come out
 * exactly as when the walk reaches the entry first, with their own place in the file.
 */
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/validator/issue.js';
import { validate } from '../../helpers/validate.js';

const DK_PATIENT = 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-patient';
const DK_CONDITION = 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-condition';

// a dk-core Patient without the CPR identifier it needs, with an unknown element besides
const patient = { resourceType: 'Patient', id: 'p1', meta: { profile: [DK_PATIENT] }, colour: 'blue' };
const condition = { resourceType: 'Condition', id: 'c1', meta: { profile: [DK_CONDITION] }, subject: { reference: 'Patient/p1' } };
const bundle = (...resources: Record<string, unknown>[]): string =>
  JSON.stringify(
    {
      resourceType: 'Bundle',
      id: 'b1',
      type: 'collection',
      entry: resources.map((r) => ({ fullUrl: `http://example.org/fhir/${String(r['resourceType'])}/${String(r['id'])}`, resource: r })),
    },
    null,
    2,
  );

/** The Patient's own issues, its place in the Bundle replaced by `#`. */
function patientIssues(issues: Issue[], index: number): { ruleId: string; fhirpath: string; severity: string }[] {
  const prefix = `Bundle.entry[${index}].resource`;
  return issues
    .filter((i) => i.location.fhirpath.startsWith(prefix))
    .map((i) => ({ ruleId: i.ruleId, fhirpath: '#' + i.location.fhirpath.slice(prefix.length), severity: i.severity }));
}

/** 1-based line of the first occurrence of `needle` at or after line `from`. */
function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`${needle} not found`);
}

describe('findings of a Bundle entry reached through a reference first', () => {
  it('are those of the entry reached by the walk first, reported once, at the entry', async () => {
    const targetFirst = await validate(bundle(patient, condition));
    const referenceFirst = await validate(bundle(condition, patient));

    const expected = patientIssues(targetFirst.issues, 0);
    expect(expected.map((i) => i.ruleId)).toContain('structure/unknown-element');
    expect(patientIssues(referenceFirst.issues, 1)).toEqual(expected);

    // the reference itself fails its target profile in both orders
    expect(targetFirst.issues.filter((i) => i.ruleId === 'references/target-profile').map((i) => i.location.fhirpath)).toEqual([
      'Bundle.entry[1].resource.subject',
    ]);
    expect(referenceFirst.issues.filter((i) => i.ruleId === 'references/target-profile').map((i) => i.location.fhirpath)).toEqual([
      'Bundle.entry[0].resource.subject',
    ]);

    // located in the file where the Patient is, not where the reference is
    const text = bundle(condition, patient);
    const unknown = referenceFirst.issues.find((i) => i.ruleId === 'structure/unknown-element')!;
    expect(unknown.location.fhirpath).toBe('Bundle.entry[1].resource.colour');
    expect(unknown.location.line).toBe(lineOf(text, '"colour"'));
  });
});
