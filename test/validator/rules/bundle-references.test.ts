/**
 * Bundle fullUrls and reference resolution (issue 16, bundles and references): the fullUrl's form and its
 * agreement with the entry's resource, and what a reference resolves to inside a Bundle or among the
 * contained resources of a resource. Our own fixtures; the rule catalogue (rules.test.ts) has one pair per rule.
 */
import { describe, expect, it } from 'vitest';
import { issuesOf, validate } from '../../helpers/validate.js';

type R = Record<string, unknown>;
const bundle = (type: string, entries: R[], extra: R = {}): R => ({ resourceType: 'Bundle', id: 'b1', type, entry: entries, ...extra });
const at = (report: Awaited<ReturnType<typeof validate>>, rule: string): string[] =>
  issuesOf(report, rule).map((i) => `${i.severity} ${i.location.fhirpath}`);

describe('bundle/fullurl-resource-mismatch', () => {
  it('a RESTful fullUrl whose resource has no id is an error', async () => {
    const r = await validate(
      bundle('collection', [{ fullUrl: 'http://example.org/fhir/Organization/o1', resource: { resourceType: 'Organization', name: 'x' } }]),
    );
    expect(at(r, 'bundle/fullurl-resource-mismatch')).toEqual(['error Bundle.entry[0].fullUrl']);
  });

  it('another resource type than the fullUrl names is an error', async () => {
    const r = await validate(
      bundle('collection', [{ fullUrl: 'http://example.org/fhir/Patient/o1', resource: { resourceType: 'Organization', id: 'o1' } }]),
    );
    expect(at(r, 'bundle/fullurl-resource-mismatch')).toEqual(['error Bundle.entry[0].fullUrl']);
  });

  it('a urn:uuid fullUrl, a non-RESTful URL and a transaction entry that creates its resource are not checked', async () => {
    const r = await validate(
      bundle('collection', [
        { fullUrl: 'urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f5a', resource: { resourceType: 'Organization', name: 'x' } },
        { fullUrl: 'http://example.org/things/o1', resource: { resourceType: 'Organization', id: 'o2' } },
      ]),
    );
    expect(at(r, 'bundle/fullurl-resource-mismatch')).toEqual([]);
    const t = await validate(
      bundle('transaction', [
        {
          fullUrl: 'http://example.org/fhir/Organization/o1',
          resource: { resourceType: 'Organization', name: 'x' },
          request: { method: 'POST', url: 'Organization' },
        },
      ]),
    );
    expect(at(t, 'bundle/fullurl-resource-mismatch')).toEqual([]);
  });

  it('a relative fullUrl is only said to be not absolute', async () => {
    const r = await validate(bundle('collection', [{ fullUrl: 'Patient/x', resource: { resourceType: 'Organization', id: 'o1' } }]));
    expect(at(r, 'bundle/fullurl-not-absolute')).toEqual(['error Bundle.entry[0].fullUrl']);
    expect(at(r, 'bundle/fullurl-resource-mismatch')).toEqual([]);
  });
});

describe('references/type-mismatch', () => {
  const org = { resourceType: 'Organization', name: 'foo' };
  it('`Practitioner/x` from a urn:uuid entry resolving to the Organization urn:uuid:x is an error, even where Organization is allowed', async () => {
    const r = await validate(
      bundle('collection', [
        {
          fullUrl: 'urn:uuid:54fc3e09-e279-4b74-a8ff-2649ec968642',
          resource: { resourceType: 'Patient', generalPractitioner: [{ reference: 'Practitioner/5d9588d8-3cd6-4b32-8fb7-ad13694e069d' }] },
        },
        { fullUrl: 'urn:uuid:5d9588d8-3cd6-4b32-8fb7-ad13694e069d', resource: org },
      ]),
    );
    expect(at(r, 'references/type-mismatch')).toEqual(['error Bundle.entry[0].resource.generalPractitioner[0]']);
  });

  it('the reference naming the right type, or the fullUrl itself, passes', async () => {
    for (const reference of ['Organization/5d9588d8-3cd6-4b32-8fb7-ad13694e069d', 'urn:uuid:5d9588d8-3cd6-4b32-8fb7-ad13694e069d']) {
      const r = await validate(
        bundle('collection', [
          {
            fullUrl: 'urn:uuid:54fc3e09-e279-4b74-a8ff-2649ec968642',
            resource: { resourceType: 'Patient', generalPractitioner: [{ reference }] },
          },
          { fullUrl: 'urn:uuid:5d9588d8-3cd6-4b32-8fb7-ad13694e069d', resource: org },
        ]),
      );
      expect(at(r, 'references/type-mismatch')).toEqual([]);
      expect(at(r, 'references/unresolved')).toEqual([]);
    }
  });
});

describe('contained references', () => {
  const patient = (managingOrganization: string, contained: R[]): R => ({
    resourceType: 'Patient',
    id: 'p1',
    contained,
    managingOrganization: { reference: managingOrganization },
  });
  const org1 = { resourceType: 'Organization', id: 'org1', name: 'x' };

  it('Patient.managingOrganization `#org1` resolves to the contained Organization', async () => {
    const r = await validate(patient('#org1', [org1]));
    expect(at(r, 'references/unresolved')).toEqual([]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('`#org2` with no such contained resource is an error', async () => {
    const r = await validate(patient('#org2', [org1]));
    expect(at(r, 'references/unresolved')).toEqual(['error Patient.managingOrganization.reference']);
  });

  it('`#org2` beside an unreferenced contained `org1`: the unresolved reference is the one root; ref-1 and dom-3 follow from it', async () => {
    const r = await validate(patient('#org2', [org1]));
    const errors = r.issues.filter((i) => i.severity === 'error');
    const roots = errors.filter((i) => i.causedBy === undefined);
    expect(roots.map((i) => `${i.ruleId} ${i.location.fhirpath}`)).toEqual([
      'references/unresolved Patient.managingOrganization.reference',
    ]);
    const follow = errors.filter((i) => i.causedBy === roots[0]!.id).map((i) => `${i.constraintKey} ${i.location.fhirpath}`);
    expect(follow.sort()).toEqual(['dom-3 Patient', 'ref-1 Patient.managingOrganization']);
  });

  it('`#org2` with no contained resource at all: ref-1 follows from the unresolved reference (no dom-3)', async () => {
    const r = await validate({ resourceType: 'Patient', id: 'p1', managingOrganization: { reference: '#org2' } });
    const errors = r.issues.filter((i) => i.severity === 'error');
    const root = errors.find((i) => i.ruleId === 'references/unresolved')!;
    expect(errors.filter((i) => i !== root).map((i) => [i.constraintKey, i.causedBy])).toEqual([['ref-1', root.id]]);
  });

  it('a contained resource no reference reaches, with every reference resolved: dom-3 is a root of its own', async () => {
    const r = await validate({
      resourceType: 'Patient',
      id: 'p1',
      contained: [org1],
      generalPractitioner: [{ reference: 'Practitioner/x' }],
    });
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.constraintKey, i.causedBy])).toEqual([['dom-3', undefined]]);
  });

  it('a contained resource’s dangling sibling reference: dom-3 of the container and ref-1 follow from it', async () => {
    const r = await validate({
      resourceType: 'Patient',
      id: 'p1',
      contained: [
        { resourceType: 'PractitionerRole', id: 'role1', practitioner: { reference: '#pr9' } },
        { resourceType: 'Practitioner', id: 'pr1' },
      ],
      generalPractitioner: [{ reference: '#role1' }],
    });
    const errors = r.issues.filter((i) => i.severity === 'error');
    const root = errors.find((i) => i.ruleId === 'references/unresolved')!;
    expect(root.causedBy).toBeUndefined();
    expect(
      errors
        .filter((i) => i !== root)
        .map((i) => `${i.constraintKey} ${i.location.fhirpath} ${i.causedBy === root.id}`)
        .sort(),
    ).toEqual(['dom-3 Patient true', 'ref-1 Patient.contained[0].practitioner true']);
  });

  it('`#org1` resolving to a contained resource of a type the element does not allow is an error', async () => {
    const r = await validate(patient('#org1', [{ resourceType: 'Practitioner', id: 'org1' }]));
    expect(at(r, 'references/target-type')).toEqual(['error Patient.managingOrganization']);
  });

  it('a contained resource refers to a sibling (`#id`) and to its container (`#`)', async () => {
    const r = await validate({
      resourceType: 'Patient',
      id: 'p1',
      contained: [
        { resourceType: 'Organization', id: 'org1', name: 'x' },
        { resourceType: 'Practitioner', id: 'pr1' },
        { resourceType: 'PractitionerRole', id: 'role1', practitioner: { reference: '#pr1' }, organization: { reference: '#org1' } },
        {
          resourceType: 'Provenance',
          id: 'prov',
          target: [{ reference: '#' }],
          recorded: '2020-01-01T00:00:00Z',
          agent: [{ who: { reference: '#pr1' } }],
        },
      ],
      generalPractitioner: [{ reference: '#role1' }],
    });
    expect(at(r, 'references/unresolved')).toEqual([]);
    expect(at(r, 'references/target-type')).toEqual([]);
  });

  it('a sibling reference to a contained resource that is not there is still an error', async () => {
    const r = await validate({
      resourceType: 'Patient',
      id: 'p1',
      contained: [{ resourceType: 'PractitionerRole', id: 'role1', practitioner: { reference: '#pr9' } }],
      generalPractitioner: [{ reference: '#role1' }],
    });
    expect(at(r, 'references/unresolved')).toEqual(['error Patient.contained[0].practitioner.reference']);
  });

  it('a sibling reference of a contained resource in a Bundle entry resolves', async () => {
    const r = await validate(
      bundle('collection', [
        {
          fullUrl: 'http://example.org/fhir/Patient/p1',
          resource: {
            resourceType: 'Patient',
            id: 'p1',
            contained: [org1, { resourceType: 'PractitionerRole', id: 'role1', organization: { reference: '#org1' } }],
            generalPractitioner: [{ reference: '#role1' }],
          },
        },
      ]),
    );
    expect(at(r, 'references/unresolved')).toEqual([]);
  });
});

describe('references/unresolved in a Bundle', () => {
  it('a urn:uuid no entry has is a warning (as the HL7 validator gives), a missing contained `#id` an error', async () => {
    const r = await validate(
      bundle('collection', [
        {
          fullUrl: 'http://example.org/fhir/Condition/c1',
          resource: {
            resourceType: 'Condition',
            id: 'c1',
            subject: { reference: 'urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f5a' },
            asserter: { reference: '#nobody' },
          },
        },
      ]),
    );
    expect(at(r, 'references/unresolved')).toEqual([
      'warning Bundle.entry[0].resource.subject.reference',
      'error Bundle.entry[0].resource.asserter.reference',
    ]);
  });
});

describe('version-specific references', () => {
  const obs = (versionId: string): R => ({
    fullUrl: 'http://example.org/fhir/Observation/o1',
    resource: { resourceType: 'Observation', id: 'o1', meta: { versionId }, status: 'final', code: { text: 'x' } },
  });
  const withRefs = (...refs: string[]): R =>
    bundle('collection', [
      {
        fullUrl: 'http://example.org/fhir/DiagnosticReport/d1',
        resource: {
          resourceType: 'DiagnosticReport',
          id: 'd1',
          status: 'final',
          code: { text: 'x' },
          result: refs.map((reference) => ({ reference })),
        },
      },
      obs('1'),
      obs('2'),
    ]);

  it('`…/_history/1` and `…/_history/2` each resolve to their version; no other finding', async () => {
    const r = await validate(withRefs('Observation/o1/_history/1', 'http://example.org/fhir/Observation/o1/_history/2'));
    expect(at(r, 'references/unresolved')).toEqual([]);
    expect(at(r, 'references/ambiguous')).toEqual([]);
    expect(at(r, 'bundle/fullurl-duplicate')).toEqual([]);
  });

  it('a version no entry has does not resolve; no version at all is ambiguous', async () => {
    const r = await validate(withRefs('Observation/o1/_history/3', 'Observation/o1'));
    expect(at(r, 'references/unresolved')).toEqual(['warning Bundle.entry[0].resource.result[0].reference']);
    expect(at(r, 'references/ambiguous')).toEqual(['error Bundle.entry[0].resource.result[1]']);
  });

  it('one entry without versions resolves whatever version is named (it cannot be told otherwise)', async () => {
    const r = await validate(
      bundle('collection', [
        {
          fullUrl: 'http://example.org/fhir/DiagnosticReport/d1',
          resource: {
            resourceType: 'DiagnosticReport',
            id: 'd1',
            status: 'final',
            code: { text: 'x' },
            result: [{ reference: 'Observation/o1/_history/7' }],
          },
        },
        {
          fullUrl: 'http://example.org/fhir/Observation/o1',
          resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'x' } },
        },
      ]),
    );
    expect(at(r, 'references/unresolved')).toEqual([]);
  });

  it('a history Bundle is not checked for ambiguity', async () => {
    const r = await validate({ ...withRefs('Observation/o1'), type: 'history' });
    expect(at(r, 'references/ambiguous')).toEqual([]);
  });
});

describe('bundle/link-relation-duplicate', () => {
  const links = (...relations: string[]): R => ({
    ...bundle('collection', []),
    link: relations.map((relation, i) => ({ relation, url: `http://example.org/fhir/Binary/css${i}` })),
  });
  it('self, first, previous, next and last once each; another relation (a stylesheet) may repeat', async () => {
    expect(at(await validate(links('next', 'next')), 'bundle/link-relation-duplicate')).toEqual(['error Bundle.link[1].relation']);
    expect(at(await validate(links('stylesheet', 'stylesheet', 'self')), 'bundle/link-relation-duplicate')).toEqual([]);
  });
});
