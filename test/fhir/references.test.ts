/**
 * One reference resolver (src/fhir/references.ts) for the validator, FHIRPath resolve(), protocol
 * checks and TestScript asserts: `#id` is looked up in the resource the reference is made in, so
 * inside a Bundle entry it is that entry's contained resource.
 */
import { describe, expect, it } from 'vitest';
import { validationDefinitions } from '../../src/api/validate.js';
import { DocumentScopes, documentResolver, indexEntries, parseReference, resolveReference } from '../../src/fhir/references.js';
import { evaluateAt, evaluateFocus } from '../../src/fhirpath/engine.js';
import { FhirPathRunner, type EvalVars } from '../../src/fhirpath/runner.js';
import { FhirModel } from '../../src/validator/model.js';

type Json = Record<string, unknown>;

/** A message Bundle whose Observation names its performer by a contained Practitioner `#p`. */
function bundle(): Json {
  return {
    resourceType: 'Bundle',
    id: 'b',
    type: 'collection',
    entry: [
      {
        fullUrl: 'http://example.org/fhir/Patient/pt',
        resource: {
          resourceType: 'Patient',
          id: 'pt',
          contained: [{ resourceType: 'Practitioner', id: 'p', name: [{ family: 'Wrong' }] }],
        },
      },
      {
        fullUrl: 'http://example.org/fhir/Observation/o',
        resource: {
          resourceType: 'Observation',
          id: 'o',
          status: 'final',
          code: { text: 'x' },
          contained: [{ resourceType: 'Practitioner', id: 'p', name: [{ family: 'Inside' }] }],
          subject: { reference: 'Patient/pt' },
          performer: [{ reference: '#p' }],
        },
      },
      {
        fullUrl: 'urn:uuid:0c3d1a56-8b44-4d6c-9a0f-2f4e1a1c9d11',
        resource: { resourceType: 'Practitioner', id: 'q', name: [{ family: 'Entry' }] },
      },
    ],
  };
}

function entryResource(b: Json, i: number): Json {
  return (b['entry'] as { resource: Json }[])[i]!.resource;
}

describe('parseReference: one reading of a reference string', () => {
  it('Type/id and Type/id/_history/vid are relative', () => {
    expect(parseReference('Patient/pt-1')).toEqual({ kind: 'relative', type: 'Patient', id: 'pt-1' });
    expect(parseReference('Observation/o.2/_history/3')).toEqual({ kind: 'relative', type: 'Observation', id: 'o.2', version: '3' });
  });

  it('an http(s) URL ending in /Type/id is absolute, with its RESTful base', () => {
    expect(parseReference('http://example.org/fhir/Patient/pt')).toEqual({
      kind: 'absolute',
      type: 'Patient',
      id: 'pt',
      base: 'http://example.org/fhir/',
    });
    expect(parseReference('https://x.dk/a/b/Practitioner/p/_history/2')).toEqual({
      kind: 'absolute',
      type: 'Practitioner',
      id: 'p',
      version: '2',
      base: 'https://x.dk/a/b/',
    });
    // the last Type/id segments are the target's
    expect(parseReference('http://x/Patient/1/Observation/2')).toMatchObject({ kind: 'absolute', type: 'Observation', id: '2' });
  });

  it('urn:uuid and urn:oid are urns naming no type', () => {
    expect(parseReference('urn:uuid:0c3d1a56-8b44-4d6c-9a0f-2f4e1a1c9d11')).toEqual({ kind: 'urn' });
    expect(parseReference('urn:oid:1.2.208.176.1.2')).toEqual({ kind: 'urn' });
  });

  it('#id is contained; # alone names the resource itself', () => {
    expect(parseReference('#p1')).toEqual({ kind: 'contained', id: 'p1' });
    expect(parseReference('#')).toEqual({ kind: 'contained', id: '' });
    expect(parseReference('#Patient/1').type).toBeUndefined();
  });

  it('other absolute URLs: a query, a fragment or another scheme is a url, still naming the type its tail names', () => {
    expect(parseReference('http://example.org/fhir/Patient?identifier=1')).toEqual({ kind: 'url' });
    expect(parseReference('http://example.org/fhir/Patient/1#x')).toEqual({ kind: 'url' });
    expect(parseReference('ftp://example.org/Patient/1')).toEqual({ kind: 'url', type: 'Patient', id: '1' });
    expect(parseReference('http://example.org/')).toEqual({ kind: 'url' });
  });

  it('bad forms are other: a lower-case type, a type alone, an id too long or with a bad character, a trailing slash', () => {
    for (const bad of ['', 'Patient', 'patient/1', 'Patient/', 'Patient/a_b', `Patient/${'a'.repeat(65)}`, 'Patient/1/', '/Patient']) {
      expect(parseReference(bad), bad).toEqual({ kind: 'other' });
    }
    expect(parseReference('Patient/1/_history/')).toEqual({ kind: 'other' });
    // a relative reference with more segments is not a FHIR form, though its tail names a type (as reference checks read it)
    expect(parseReference('a/Patient/1')).toEqual({ kind: 'other', type: 'Patient', id: '1' });
  });
});

describe('resolveReference', () => {
  it('#id is a contained resource of the resource the reference is made in; # alone is that resource', () => {
    const b = bundle();
    const obs = entryResource(b, 1);
    const scope = { resource: obs, bundle: indexEntries(b), entryFullUrl: 'http://example.org/fhir/Observation/o' };
    expect(resolveReference('#p', scope)?.['name']).toEqual([{ family: 'Inside' }]);
    expect(resolveReference('#', scope)).toBe(obs);
    expect(resolveReference('#nothing', scope)).toBeUndefined();
  });

  it("other references: by fullUrl, Type/id against the entry's RESTful base, then the entries' type and id", () => {
    const b = bundle();
    const scope = { resource: entryResource(b, 1), bundle: indexEntries(b), entryFullUrl: 'http://example.org/fhir/Observation/o' };
    expect(resolveReference('Patient/pt', scope)).toBe(entryResource(b, 0));
    expect(resolveReference('urn:uuid:0c3d1a56-8b44-4d6c-9a0f-2f4e1a1c9d11', scope)).toBe(entryResource(b, 2));
    expect(resolveReference('Practitioner/q', scope)).toBe(entryResource(b, 2));
    expect(resolveReference('Patient/none', scope)).toBeUndefined();
    // outside a Bundle only #id resolves
    expect(resolveReference('Patient/pt', { resource: entryResource(b, 1) })).toBeUndefined();
  });

  it("in a contained resource, #id is a sibling among its container's contained resources and # the container", () => {
    const org = { resourceType: 'Organization', id: 'org1' };
    const role: Json = { resourceType: 'PractitionerRole', id: 'r', organization: { reference: '#org1' } };
    const patient: Json = { resourceType: 'Patient', id: 'pt', contained: [org, role] };
    expect(resolveReference('#org1', { resource: role, container: patient })).toBe(org);
    expect(resolveReference('#', { resource: role, container: patient })).toBe(patient);
    expect(resolveReference('#org1', { resource: role })).toBeUndefined();
    // the same through the scopes of a whole document
    expect(new DocumentScopes(patient).resolve('#org1', role['organization'] as Json)).toBe(org);
  });

  it('…/_history/[vid] picks that version among the entries sharing a fullUrl; from a urn:uuid entry Type/id is urn:uuid:id', () => {
    const v = (versionId: string): Json => ({ resourceType: 'Patient', id: 'x', meta: { versionId } });
    const b: Json = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'http://example.org/fhir/Patient/x', resource: v('1') },
        { fullUrl: 'http://example.org/fhir/Patient/x', resource: v('2') },
        { fullUrl: 'urn:uuid:5d9588d8-3cd6-4b32-8fb7-ad13694e069d', resource: { resourceType: 'Organization' } },
      ],
    };
    const scope = { resource: entryResource(b, 0), bundle: indexEntries(b), entryFullUrl: 'http://example.org/fhir/Patient/x' };
    expect(resolveReference('Patient/x/_history/2', scope)).toBe(entryResource(b, 1));
    expect(resolveReference('http://example.org/fhir/Patient/x/_history/1', scope)).toBe(entryResource(b, 0));
    expect(resolveReference('Patient/x/_history/3', scope)).toBeUndefined();
    expect(resolveReference('Practitioner/5d9588d8-3cd6-4b32-8fb7-ad13694e069d', scope)).toBeUndefined();
    const fromUuid = { ...scope, entryFullUrl: 'urn:uuid:54fc3e09-e279-4b74-a8ff-2649ec968642' };
    expect(resolveReference('Practitioner/5d9588d8-3cd6-4b32-8fb7-ad13694e069d', fromUuid)).toBe(entryResource(b, 2));
  });
});

describe('DocumentScopes: the scope of a place in a whole document', () => {
  it("an element inside an entry is in that entry's resource; the Bundle itself resolves among its entries", () => {
    const b = bundle();
    const scopes = new DocumentScopes(b);
    const performer = (entryResource(b, 1)['performer'] as Json[])[0]!;
    expect(scopes.scopeOf(performer)?.resource).toBe(entryResource(b, 1));
    expect(scopes.scopeOf(performer)?.entryFullUrl).toBe('http://example.org/fhir/Observation/o');
    expect(scopes.resolve('#p', performer)?.['name']).toEqual([{ family: 'Inside' }]);
    // the first entry's contained #p is another resource
    expect(scopes.resolve('#p', entryResource(b, 0))?.['name']).toEqual([{ family: 'Wrong' }]);
    // a place not known (a string literal): the document's root, a Bundle among its entries
    expect(scopes.resolve('Patient/pt', undefined)).toBe(entryResource(b, 0));
    expect(scopes.resolve('#p', undefined)).toBeUndefined();
  });

  it("documentResolver keeps one document's scopes and starts again for another", () => {
    const resolve = documentResolver();
    const a = bundle();
    const b = bundle();
    const inB = (entryResource(b, 1)['performer'] as Json[])[0]!;
    expect(resolve(a, '#p', (entryResource(a, 1)['performer'] as Json[])[0])).toBe((entryResource(a, 1)['contained'] as Json[])[0]);
    expect(resolve(b, '#p', inB)).toBe((entryResource(b, 1)['contained'] as Json[])[0]);
  });
});

describe('FHIRPath resolve() of a contained reference inside a Bundle entry', () => {
  const expression = "entry.resource.ofType(Observation).performer.resolve().name.family = 'Inside'";
  const viaString = "entry.resource.ofType(Observation).performer.reference.resolve().name.family = 'Inside'";

  it("the build's invariant examples (engine.ts): evaluateFocus and evaluateAt", () => {
    expect(evaluateFocus(bundle(), 'Bundle', expression)).toEqual([true]);
    expect(evaluateFocus(bundle(), 'Bundle', viaString)).toEqual([true]);
    expect(evaluateAt(bundle(), 'Bundle', expression)).toEqual([true]);
    // an invariant on the Observation, evaluated in context inside the Bundle
    expect(evaluateAt(bundle(), 'Bundle.entry.resource.ofType(Observation)', "performer.resolve().name.family = 'Inside'")).toEqual([true]);
  });

  it('FhirPathRunner with the document resolver: fhirpath.js and the lite evaluator alike', async () => {
    const vars = (root: unknown): EvalVars => ({ resource: root, rootResource: root });
    const host = (): { resolve: ReturnType<typeof documentResolver> } => ({ resolve: documentResolver() });
    const js = ((h) => new FhirPathRunner({ resolve: (ref, v, at) => h.resolve(v.rootResource, ref, at) }))(host());
    const model = new FhirModel((await validationDefinitions()).all());
    const lite = ((h) => new FhirPathRunner({ resolve: (ref, v, at) => h.resolve(v.rootResource, ref, at) }, { model, crossCheck: true }))(
      host(),
    );
    for (const runner of [js, lite]) {
      for (const e of [expression, viaString, 'entry.resource.ofType(Observation).performer.resolve().exists()']) {
        const b = bundle();
        expect(runner.evaluate(b, 'Bundle', e, vars(b)), e).toEqual([true]);
      }
    }
    expect(lite.stats.lite).toBeGreaterThan(0);
  });
});
