/**
 * Issue 16: references we cannot resolve decide nothing, and `--context` resolves them.
 * - A standalone resource's reference to a resource elsewhere: a resolve() slice discriminator cannot be decided
 *   (slicing/not-checked, never slice-min or no-match-closed); given the target as context, it is decided.
 * - The type a standalone reference's URL names must be one the element allows (references/target-type), resolved
 *   or not; a context target of a disallowed type is the same error.
 * - loadContext reads folders (JSON and XML) and packages; a bad path is a UsageError.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contextIndex, loadContext, newValidator } from '../../../src/api/validate.js';
import { UsageError } from '../../../src/util/errors.js';
import type { Json } from '../../../src/util/json.js';
import type { FileReport } from '../../../src/validator/issue.js';
import { ContextResources } from '../../../src/validator/load/context.js';
import { readXml } from '../../../src/validator/load/xml.js';
import { hcoReport, ORG, organization, practitioner, ROLE, role } from '../../helpers/context-resources.js';
import { igDefinitions, validate } from '../../helpers/validate.js';

/** MedCom's HCO DiagnosticReport example, with a conclusion. */
const report = (performer?: string[]): Json => hcoReport(performer, { conclusion: 'Cancellation due to incorrect CPR-number' });

const errors = (r: FileReport): string[] =>
  r.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => `${i.ruleId} at ${i.location.fhirpath}`);
const rules = (r: FileReport, prefix: string): string[] =>
  r.issues.filter((i) => i.ruleId.startsWith(prefix)).map((i) => `${i.ruleId} ${i.severity} at ${i.location.fhirpath}`);

async function withContext(resources: Json[]): Promise<(input: Json) => FileReport> {
  const v = newValidator(await igDefinitions(), { readXml, context: contextIndex(resources) });
  return (input) => v.validateText('fixture.json', JSON.stringify(input, null, 2));
}

describe('resolve() discriminators on references to resources elsewhere', () => {
  it('standalone, the performer slices are not checked: no slice-min, no no-match-closed, never passed', async () => {
    const r = await validate(report());
    expect(errors(r)).toEqual([]);
    const notChecked = r.issues.filter((i) => i.ruleId === 'slicing/not-checked');
    expect(notChecked.map((i) => [i.severity, i.location.fhirpath])).toEqual([
      ['information', 'DiagnosticReport.performer'],
      ['information', 'DiagnosticReport.performer'],
    ]);
    expect(notChecked.map((i) => i.params['slice']).sort()).toEqual(['PractitionerRole', 'ProducerOrganization']);
  });

  it('with the targets as context, the slices are decided (and met): no finding', async () => {
    const r = (await withContext([organization(), role(), practitioner()]))(report());
    expect(errors(r)).toEqual([]);
    expect(rules(r, 'slicing/')).toEqual([]);
  });

  it('an invariant that needs a target elsewhere is not evaluated, never failed; with the target at hand it is evaluated', async () => {
    // medcom-homecareReport-3: the PractitionerRole's practitioner must have a phone number (resolve() twice)
    const key = 'medcom-homecareReport-3';
    const without = (await withContext([organization(), role()]))(report());
    expect(without.issues.filter((i) => i.constraintKey === key).map((i) => [i.ruleId, i.severity])).toEqual([
      ['invariants/not-evaluated', 'information'],
    ]);
    const noPhone = { ...practitioner(), telecom: undefined };
    const failing = (await withContext([organization(), role(), noPhone]))(report());
    expect(failing.issues.filter((i) => i.constraintKey === key).map((i) => [i.ruleId, i.severity])).toEqual([
      ['invariants/failed', 'error'],
    ]);
    const passing = (await withContext([organization(), role(), practitioner()]))(report());
    expect(passing.issues.filter((i) => i.constraintKey === key)).toEqual([]);
  });

  it('with a context target that does not fit the slice, the slice is decided and short', async () => {
    const r = (await withContext([{ resourceType: 'Organization', id: ORG, name: 'x' }, role(), practitioner()]))(report());
    expect(errors(r)).toContain('slicing/slice-min at DiagnosticReport.performer');
    expect(rules(r, 'slicing/not-checked')).toEqual([]);
  });

  it('a #id reference to a contained resource that is not there is decided: no target, the slice is short', async () => {
    const r = await validate(report(['#nothing', `PractitionerRole/${ROLE}`]));
    expect(errors(r)).toContain('slicing/slice-min at DiagnosticReport.performer');
    expect(errors(r)).toContain('slicing/no-match-closed at DiagnosticReport.performer[0]');
    // the PractitionerRole reference cannot be an Organization: only its own slice is not checked
    expect(r.issues.filter((i) => i.ruleId === 'slicing/not-checked').map((i) => i.params['slice'])).toEqual(['PractitionerRole']);
  });

  it('a reference inside a Bundle that the Bundle lacks is decided as before (not not-checked)', async () => {
    const bundle = {
      resourceType: 'Bundle',
      id: 'b1',
      type: 'collection',
      entry: [{ fullUrl: 'http://example.org/fhir/DiagnosticReport/r1', resource: { ...report(), id: 'r1' } }],
    };
    const r = await validate(bundle);
    expect(rules(r, 'slicing/not-checked')).toEqual([]);
  });
});

describe('the type a reference names', () => {
  const condition = (subject: string): Json => ({
    resourceType: 'Condition',
    id: 'c1',
    text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">c</div>' },
    subject: { reference: subject },
  });

  it('a standalone Condition.subject → Practitioner/x is an error (references/target-type), Patient/x is not', async () => {
    expect(errors(await validate(condition('Practitioner/x')))).toEqual(['references/target-type at Condition.subject']);
    expect(errors(await validate(condition('https://server.example/fhir/Practitioner/x')))).toEqual([
      'references/target-type at Condition.subject',
    ]);
    expect(errors(await validate(condition('Patient/x')))).toEqual([]);
    expect(errors(await validate(condition('Group/x')))).toEqual([]);
    // a URL that names no resource type says nothing about it
    expect(errors(await validate(condition('urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f5a')))).toEqual([]);
  });

  it("a profile's narrower target profiles are not applied to a target that is not at hand (as the HL7 validator)", async () => {
    // DK Core's Condition.subject allows dk-core-patient only; the base Condition.subject allows Patient and Group
    const DK_CONDITION = 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-condition';
    const only = async (subject: string): Promise<string[]> =>
      (await validate(condition(subject), [DK_CONDITION])).issues
        .filter((i) => i.ruleId === 'references/target-type')
        .map((i) => i.location.fhirpath);
    expect(await only('Group/x')).toEqual([]);
    expect(await only('Practitioner/x')).toEqual(['Condition.subject']);
  });

  it('resolved in the context, the target type decides: a Practitioner is an error, a Patient is not', async () => {
    const check = await withContext([
      { resourceType: 'Practitioner', id: 'pr' },
      { resourceType: 'Patient', id: 'pa' },
    ]);
    expect(errors(check(condition('Practitioner/pr')))).toEqual(['references/target-type at Condition.subject']);
    expect(errors(check(condition('Patient/pa')))).toEqual([]);
  });
});

describe('ContextResources', () => {
  it('resolves Type/id (and its version form), canonical urls (with |version) and the fullUrl of a Bundle entry', () => {
    const c = new ContextResources();
    const vs = { resourceType: 'ValueSet', id: 'v', url: 'http://example.org/ValueSet/v', version: '1.0' };
    const inBundle = { resourceType: 'Patient', id: 'p2' };
    c.add({ resourceType: 'Patient', id: 'p1' });
    c.add(vs);
    c.add({ resourceType: 'Bundle', id: 'b', entry: [{ fullUrl: 'urn:uuid:0f0e5c2a-1d1e-4c55-9a8c-7f1d2c3b4a5e', resource: inBundle }] });
    expect(c.resolve('Patient/p1')?.['id']).toBe('p1');
    expect(c.resolve('Patient/p1/_history/3')?.['id']).toBe('p1');
    expect(c.resolve('http://example.org/ValueSet/v')).toBe(vs);
    expect(c.resolve('http://example.org/ValueSet/v|1.0')).toBe(vs);
    expect(c.resolve('urn:uuid:0f0e5c2a-1d1e-4c55-9a8c-7f1d2c3b4a5e')).toBe(inBundle);
    expect(c.resolve('Patient/p2')).toBe(inBundle);
    expect(c.resolve('#p1')).toBeUndefined();
    expect(c.resolve('Patient/none')).toBeUndefined();
    expect(c.size).toBe(4);
  });

  it('the first resource with a Type/id wins', () => {
    const c = new ContextResources();
    c.add({ resourceType: 'Patient', id: 'p', name: [{ text: 'first' }] });
    c.add({ resourceType: 'Patient', id: 'p', name: [{ text: 'second' }] });
    expect(c.resolve('Patient/p')?.['name']).toEqual([{ text: 'first' }]);
  });
});

describe('loadContext', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-context-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = join(tmp, name);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  it('reads the JSON and XML resources below a folder, skipping JSON that is no resource', async () => {
    write('good/a/Patient-p.json', JSON.stringify({ resourceType: 'Patient', id: 'p' }));
    write('good/Organization-o.xml', '<Organization xmlns="http://hl7.org/fhir"><id value="o"/><name value="Org"/></Organization>');
    write('good/package.json', JSON.stringify({ name: 'x', version: '1.0.0' }));
    const resources = await loadContext([join(tmp, 'good')]);
    expect(resources.map((r) => `${String(r['resourceType'])}/${String(r['id'])}`).sort()).toEqual(['Organization/o', 'Patient/p']);
    expect(contextIndex(resources).resolve('Organization/o')?.['name']).toBe('Org');
  });

  it('a path that does not exist, a folder without resources, or a file that cannot be parsed is a usage error naming it', async () => {
    await expect(loadContext([join(tmp, 'missing')])).rejects.toThrow(UsageError);
    await expect(loadContext([join(tmp, 'missing')])).rejects.toThrow(/missing: no such file or folder/);
    write('empty/readme.txt', 'nothing here');
    await expect(loadContext([join(tmp, 'empty')])).rejects.toThrow(/no FHIR resources found/);
    write('broken/Patient-x.json', '{"resourceType": "Patient", ');
    await expect(loadContext([join(tmp, 'broken')])).rejects.toThrow(/Patient-x\.json/);
    await expect(loadContext([join(tmp, 'broken')])).rejects.toThrow(UsageError);
  });
});
