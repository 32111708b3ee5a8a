/**
 * Issue 15, items 2–4: findings carry the value found and what was expected as params (a value quoted
 * and cut safely, a primitive's format with an example, a fixed or pattern value, the codes a small
 * value set allows, an invariant's value), "did you mean" suggestions (element names, codes, profile
 * urls), and profiles/unknown-medcom. The tests assert rule ids, places and params, not wording.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasIssueAtOrAbove, newValidator, validateFiles } from '../../src/api/validate.js';
import type { FileReport, Issue } from '../../src/validator/issue.js';
import { readXml } from '../../src/validator/load/xml.js';
import { renderMessage } from '../../src/validator/messages/index.js';
import { FhirModel } from '../../src/validator/model.js';
import { PrimitiveChecker } from '../../src/validator/rules/types/primitive.js';
import { igDefinitions, issuesOf, validate } from '../helpers/validate.js';

const DK_PATIENT = 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-patient';
const MEDCOM_PATIENT = 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patient';
const CPR = 'urn:oid:1.2.208.176.1.2';

const patient = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ resourceType: 'Patient', id: 'p1', ...extra });
const observation = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'Observation',
  id: 'o1',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8310-5' }] },
  ...extra,
});

/** The one finding of `rule` at `at` (fails when there is none or several). */
function one(report: FileReport, rule: string, at: string): Issue {
  const hits = issuesOf(report, rule).filter((i) => i.location.fhirpath === at);
  expect(hits, JSON.stringify(report.issues.map((i) => [i.ruleId, i.location.fhirpath, i.params]))).toHaveLength(1);
  return hits[0]!;
}

describe('item 2: the value found and what was expected', () => {
  it("a dateTime written '13-09-2023 09:24' is quoted, with the format and an example", async () => {
    const r = await validate(observation({ effectiveDateTime: '13-09-2023 09:24' }));
    const i = one(r, 'types/primitive-format', 'Observation.effectiveDateTime');
    expect(i.params).toEqual({
      value: "'13-09-2023 09:24'",
      fhirType: 'dateTime',
      format: 'YYYY-MM-DDThh:mm:ss+zz:zz',
      example: '2023-09-13T09:24:00+02:00',
    });
    expect(i.message).toContain('2023-09-13T09:24:00+02:00');
  });

  it.each([
    ['date', { birthDate: '13-09-1980' }, 'Patient.birthDate', 'YYYY-MM-DD', '2023-09-13'],
    ['id', { id: 'a b' }, 'Patient.id', '[A-Za-z0-9\\-\\.]{1,64}', 'b5d3f1e2-0c4a-4d47-9b9e-2f7c1a6d8e90'],
  ])('%s: the format and an example', async (fhirType, extra, at, format, example) => {
    const i = one(await validate(patient(extra)), 'types/primitive-format', at);
    expect(i.params).toMatchObject({ fhirType, format, example });
  });

  it('every primitive type named in the issue has an example, and the example is valid', async () => {
    const checker = new PrimitiveChecker(new FhirModel((await igDefinitions()).all()));
    const types = ['dateTime', 'date', 'instant', 'time', 'decimal', 'integer', 'positiveInt', 'unsignedInt', 'boolean', 'uri', 'url'];
    types.push('canonical', 'id', 'oid', 'uuid', 'code', 'base64Binary');
    for (const t of types) {
      const example = checker.example(t);
      expect(example, t).toBeDefined();
      expect(checker.formatOk(t, example!), `${t}: ${example!}`).toBe(true);
      expect(checker.expected(t).length, t).toBeGreaterThan(0);
    }
  });

  it('a value with control characters is quoted with them escaped, a long one cut with an ellipsis', async () => {
    const long = '1980-01-01' + 'x'.repeat(500);
    const r = await validate(patient({ birthDate: long, name: [{ family: 'A' }], gender: 'male\u001b[31m' }));
    const date = one(r, 'types/primitive-format', 'Patient.birthDate');
    const quoted = String(date.params['value']);
    expect(quoted.length).toBeLessThanOrEqual(62);
    expect(quoted).toMatch(/^'1980-01-01x+…'$/);
    const gender = one(r, 'bindings/required', 'Patient.gender');
    expect(gender.params['code']).toBe("'male\\u001b[31m'");
  });

  it('a JSON value of the wrong kind is quoted', async () => {
    const i = one(await validate(patient({ active: 'yes' })), 'types/json-type', 'Patient.active');
    expect(i.params).toEqual({ value: "'yes'", expected: 'boolean', fhirType: 'boolean' });
  });

  it('a value over maxLength is quoted', async () => {
    const r = await validate(patient({ identifier: [{ system: CPR, value: '01010112345' }] }), [DK_PATIENT]);
    expect(one(r, 'types/max-length', 'Patient.identifier[0].value').params).toMatchObject({ value: "'01010112345'", maxLength: 10 });
  });

  it('fixed: the value found and the value required', async () => {
    const r = await validate(patient({ identifier: [{ system: CPR, value: '0101011234', use: 'usual' }] }), [DK_PATIENT]);
    expect(one(r, 'fixed-pattern/fixed-mismatch', 'Patient.identifier[0].use').params).toEqual({
      expected: "'official'",
      found: "'usual'",
    });
  });

  it('pattern: the value found and the value required (compact JSON, only what the pattern speaks about)', async () => {
    const r = await validate({ resourceType: 'Bundle', type: 'collection' }, [
      'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle',
    ]);
    expect(one(r, 'fixed-pattern/pattern-mismatch', 'Bundle.type').params).toEqual({ expected: "'document'", found: "'collection'" });
  });

  it('a required binding to a small value set: the code found and the codes allowed, with the nearest', async () => {
    const i = one(await validate(patient({ gender: 'femal' })), 'bindings/required', 'Patient.gender');
    expect(i.params).toEqual({
      code: "'femal'",
      valueSet: 'http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1',
      allowed: "'male', 'female', 'other', 'unknown'",
      suggestion: "'female'",
    });
    // no code near enough: the codes allowed, no suggestion
    const far = one(await validate(patient({ gender: 'F' })), 'bindings/required', 'Patient.gender');
    expect(far.params['allowed']).toBe("'male', 'female', 'other', 'unknown'");
    expect(far.params['suggestion']).toBeUndefined();
  });

  it('a coded value: the code and its system; a wrong-case code suggests the right one', async () => {
    const r = await validate(observation({ status: 'Final', category: [{ coding: [{ system: 'http://example.org/x', code: 'lab' }] }] }));
    expect(one(r, 'bindings/required', 'Observation.status').params['suggestion']).toBe("'final'");
  });

  it('a required binding to a large value set: its title and size instead of the codes', async () => {
    const r = await validate({ resourceType: 'Task', id: 't1', status: 'bogus', intent: 'order' });
    const i = one(r, 'bindings/required', 'Task.status');
    expect(i.params).toMatchObject({ code: "'bogus'", valueSetTitle: "'TaskStatus'", size: 12 });
    expect(i.params['allowed']).toBeUndefined();
  });

  it('a wrong CPR: the cpr invariant quotes it', async () => {
    const r = await validate(patient({ identifier: [{ system: CPR, value: '3201011234' }] }), [DK_PATIENT]);
    const i = one(r, 'invariants/failed', 'Patient.identifier[0].value');
    expect(i.constraintKey).toBe('cpr');
    expect(i.params['value']).toBe("'3201011234'");
  });

  it('an invariant on a complex element quotes no value', async () => {
    const r = await validate({
      resourceType: 'Condition',
      id: 'c1',
      subject: { reference: 'Patient/p1' },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      abatementDateTime: '2020-01-01',
    });
    const i = issuesOf(r, 'invariants/failed').find((x) => x.constraintKey === 'con-4')!;
    expect(i.params['value']).toBeUndefined();
  });
});

describe('item 3: did you mean', () => {
  it("'valueQuanity' suggests valueQuantity", async () => {
    const r = await validate(observation({ valueQuanity: { value: 5, unit: 'mg' } }));
    const i = one(r, 'structure/unknown-element', 'Observation.valueQuanity');
    expect(i.params).toMatchObject({ name: 'valueQuanity', suggestion: 'valueQuantity' });
    expect(i.message).toContain("'valueQuantity'");
  });

  it.each([
    ['birthdate', 'birthDate'],
    ['_birthdate', '_birthDate'],
    ['gendre', 'gender'],
    ['deceasedBoolen', 'deceasedBoolean'],
  ])('%s suggests %s', async (key, suggestion) => {
    // a `_name` twin is located at its name (`_birthdate` at Patient.birthdate)
    const at = `Patient.${key.replace(/^_/, '')}`;
    const i = one(await validate(patient({ [key]: key.startsWith('_') ? { id: 'x' } : 'x' })), 'structure/unknown-element', at);
    expect(i.params['suggestion']).toBe(suggestion);
  });

  it("a slice's name, written as a property, suggests the sliced element and the slice", async () => {
    const r = await validate(patient({ cpr: '0101011234', identifier: [{ system: CPR, value: '0101011234' }] }), [DK_PATIENT]);
    expect(one(r, 'structure/unknown-element', 'Patient.cpr').params['suggestion']).toBe('identifier:cpr');
  });

  it('a name far from every element suggests nothing', async () => {
    const i = one(await validate(patient({ favouriteColour: 'blue' })), 'structure/unknown-element', 'Patient.favouriteColour');
    expect(i.params['suggestion']).toBeUndefined();
    expect(i.message).not.toContain('?');
  });

  it('a profile url close to a known one (outside the MedCom and HL7 DK bases) suggests it, in the warning', async () => {
    const r = await validate(patient({ meta: { profile: ['http://hl7.dk/fhir/kore/StructureDefinition/dk-core-patient'] } }));
    const i = one(r, 'profiles/unknown', 'Patient.meta.profile[0]');
    expect(i.severity).toBe('warning');
    expect(i.params['suggestion']).toBe(DK_PATIENT);
    // none near: no suggestion
    const far = one(await validate(patient({ meta: { profile: ['urn:x'] } })), 'profiles/unknown', 'Patient.meta.profile[0]');
    expect(far.params['suggestion']).toBeUndefined();
  });
});

describe('item 4: profiles/unknown-medcom', () => {
  it('a misspelt MedCom profile url is an error naming the right one', async () => {
    const r = await validate(patient({ meta: { profile: ['http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patiant'] } }));
    const i = one(r, 'profiles/unknown-medcom', 'Patient.meta.profile[0]');
    expect(i.severity).toBe('error');
    expect(i.params).toEqual({
      profile: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patiant',
      nearest: MEDCOM_PATIENT,
    });
    expect(r.valid).toBe(false);
    expect(issuesOf(r, 'profiles/unknown')).toEqual([]);
  });

  it('https and a version: still under the MedCom base; the nearest is named', async () => {
    const r = await validate(
      patient({ meta: { profile: ['https://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patient|9.9.9'] } }),
    );
    // the url is known with http, not with https: unknown-medcom, nearest the http one
    expect(one(r, 'profiles/unknown-medcom', 'Patient.meta.profile[0]').params['nearest']).toBe(MEDCOM_PATIENT);
  });

  it('a known MedCom url at a version we do not hold stays the warning profiles/unknown', async () => {
    const r = await validate(patient({ meta: { profile: [`${MEDCOM_PATIENT}|0.0.1`] } }));
    expect(one(r, 'profiles/unknown', 'Patient.meta.profile[0]').severity).toBe('warning');
    expect(issuesOf(r, 'profiles/unknown-medcom')).toEqual([]);
  });

  it('fails the run (exit 1 with the default --fail-on error); an unknown profile of someone else does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unknown-medcom-'));
    try {
      const write = (name: string, profile: string): string => {
        writeFileSync(
          join(dir, name),
          JSON.stringify(
            patient({
              meta: { profile: [profile] },
              text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">p</div>' },
            }),
          ),
        );
        return join(dir, name);
      };
      const misspelt = await validateFiles(
        { inputs: [write('a.json', 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patietn')] },
        await igDefinitions(),
      );
      expect(misspelt.files[0]!.issues.map((i) => [i.ruleId, i.severity])).toContainEqual(['profiles/unknown-medcom', 'error']);
      expect(hasIssueAtOrAbove(misspelt, 'error')).toBe(true);
      const other = await validateFiles(
        { inputs: [write('b.json', 'http://example.org/StructureDefinition/other-patient')] },
        await igDefinitions(),
      );
      expect(other.files[0]!.issues.map((i) => [i.ruleId, i.severity])).toEqual([['profiles/unknown', 'warning']]);
      expect(hasIssueAtOrAbove(other, 'error')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown profile of someone else stays a warning', async () => {
    const r = await validate(patient({ meta: { profile: ['http://example.org/no-such-profile'] } }));
    expect(one(r, 'profiles/unknown', 'Patient.meta.profile[0]').severity).toBe('warning');
    expect(issuesOf(r, 'profiles/unknown-medcom')).toEqual([]);
  });
});

describe('Danish messages carry the same params', () => {
  it('a Danish run renders the value, the format and the suggestion', async () => {
    const v = newValidator(await igDefinitions(), { readXml, locale: 'da' });
    const r = await validate(observation({ effectiveDateTime: '13-09-2023 09:24', valueQuanity: {} }), [], v);
    const format = one(r, 'types/primitive-format', 'Observation.effectiveDateTime');
    expect(format.message).toBe(renderMessage('types/primitive-format', format.params, 'da'));
    expect(format.message).toContain("'13-09-2023 09:24'");
    expect(format.message).toContain('f.eks. 2023-09-13T09:24:00+02:00');
    const unknown = one(r, 'structure/unknown-element', 'Observation.valueQuanity');
    expect(unknown.message).toContain("mente du 'valueQuantity'");
  });

  it('an optional part is left out when its param is absent', () => {
    expect(renderMessage('structure/unknown-element', { name: 'x', type: 'Patient' }, 'en')).toBe("'x' is not an element of Patient");
    expect(renderMessage('structure/unknown-element', { name: 'x', type: 'Patient', suggestion: 'id' }, 'da')).toBe(
      "'x' er ikke et element i Patient; mente du 'id'?",
    );
  });
});
