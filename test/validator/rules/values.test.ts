/**
 * What profiles constrain on values (src/validator/rules/types/bounds.ts): minValue[x] / maxValue[x] of
 * numbers, dates at every precision, times, Quantities in convertible UCUM units and Durations bounding a
 * date; the cases beside the catalogue's one passing and one failing fixture per rule.
 */
import { describe, expect, it } from 'vitest';
import { PackageSource } from '../../../src/defs/package-source.js';
import { dateSpan } from '../../../src/validator/rules/types/bounds.js';
import type { Validator } from '../../../src/validator/validator.js';
import { igDefinitions, validate, validatorFor } from '../../helpers/validate.js';
import {
  VALUES_NAMES,
  VALUES_SUBTYPE,
  VALUES_OBSERVATION,
  VALUES_PATIENT,
  VALUES_RECENT,
  VALUES_TIME,
  valueProfiles,
} from '../../helpers/value-profiles.js';

let v: Promise<Validator> | undefined;
function valuesValidator(): Promise<Validator> {
  v ??= (async () => {
    const defs = await igDefinitions();
    const source = new PackageSource({ name: 'example.values', version: '0.1.0' });
    for (const sd of valueProfiles()) source.add(sd);
    defs.addPackage(source);
    return validatorFor(defs);
  })();
  return v;
}

const VALUE_RULES = ['types/min-value', 'types/max-value', 'types/min-length', 'types/value-missing', 'types/value-alternative'];
async function findings(resource: Record<string, unknown>, profile: string): Promise<string[]> {
  const report = await validate(resource, [profile], await valuesValidator());
  return report.issues.filter((i) => VALUE_RULES.includes(i.ruleId)).map((i) => `${i.ruleId} ${i.location.fhirpath}`);
}
const patient = (extra: Record<string, unknown>): Record<string, unknown> => ({ resourceType: 'Patient', id: 'p1', ...extra });
const observation = (extra: Record<string, unknown>): Record<string, unknown> => ({
  resourceType: 'Observation',
  id: 'o1',
  status: 'final',
  code: { text: 'weight' },
  ...extra,
});
const kg = (value: number, code: string): Record<string, unknown> => ({ value, system: 'http://unitsofmeasure.org', code });

describe('minValue / maxValue', () => {
  it('compares a Quantity with its bounds after UCUM conversion', async () => {
    expect(await findings(observation({ valueQuantity: kg(70, 'kg') }), VALUES_OBSERVATION)).toEqual([]);
    expect(await findings(observation({ valueQuantity: kg(-1, 'kg') }), VALUES_OBSERVATION)).toEqual([
      'types/min-value Observation.valueQuantity',
    ]);
    expect(await findings(observation({ valueQuantity: kg(-1, 'g') }), VALUES_OBSERVATION)).toEqual([
      'types/min-value Observation.valueQuantity',
    ]);
    expect(await findings(observation({ valueQuantity: kg(300001, 'g') }), VALUES_OBSERVATION)).toEqual([
      'types/max-value Observation.valueQuantity',
    ]);
    expect(await findings(observation({ valueQuantity: kg(300000, 'g') }), VALUES_OBSERVATION)).toEqual([]);
  });

  it('does not decide a Quantity whose unit does not convert to the bound’s (not reported)', async () => {
    expect(await findings(observation({ valueQuantity: kg(-1, 'm') }), VALUES_OBSERVATION)).toEqual([]);
    expect(await findings(observation({ valueQuantity: { value: -1, unit: 'kilo' } }), VALUES_OBSERVATION)).toEqual([]);
  });

  it('compares dates over their precision: a year wholly before the minimum is below it, one that holds it is not', async () => {
    expect(await findings(patient({ birthDate: '1899' }), VALUES_PATIENT)).toEqual(['types/min-value Patient.birthDate']);
    expect(await findings(patient({ birthDate: '1900' }), VALUES_PATIENT)).toEqual([]);
    expect(await findings(patient({ birthDate: '1899-12' }), VALUES_PATIENT)).toEqual(['types/min-value Patient.birthDate']);
    expect(await findings(patient({ birthDate: '2100-12-31' }), VALUES_PATIENT)).toEqual([]);
    expect(await findings(patient({ birthDate: '2101-01-01' }), VALUES_PATIENT)).toEqual(['types/max-value Patient.birthDate']);
  });

  it('compares a dateTime with a dateTime bound in UTC', async () => {
    expect(await findings(observation({ effectiveDateTime: '2019-12-31T23:59:59Z' }), VALUES_OBSERVATION)).toEqual([
      'types/min-value Observation.effectiveDateTime',
    ]);
    // 00:30 at +01:00 is 23:30 UTC the day before
    expect(await findings(observation({ effectiveDateTime: '2020-01-01T00:30:00+01:00' }), VALUES_OBSERVATION)).toEqual([
      'types/min-value Observation.effectiveDateTime',
    ]);
    expect(await findings(observation({ effectiveDateTime: '2020-01-01T00:30:00-01:00' }), VALUES_OBSERVATION)).toEqual([]);
    // a day without a zone is not told apart from a moment within fourteen hours of it
    expect(await findings(observation({ effectiveDateTime: '2019-12-31' }), VALUES_OBSERVATION)).toEqual([]);
    expect(await findings(observation({ effectiveDateTime: '2019-12-30' }), VALUES_OBSERVATION)).toEqual([
      'types/min-value Observation.effectiveDateTime',
    ]);
  });

  it('compares times of day', async () => {
    const at = (t: string): Record<string, unknown> => observation({ valueTime: t });
    expect(await findings(at('00:59:59'), VALUES_TIME)).toEqual(['types/min-value Observation.valueTime']);
    expect(await findings(at('01:00:00'), VALUES_TIME)).toEqual([]);
    expect(await findings(at('03:00:00'), VALUES_TIME)).toEqual([]);
    // within the second the bound names
    expect(await findings(at('03:00:00.5'), VALUES_TIME)).toEqual([]);
    expect(await findings(at('03:00:01'), VALUES_TIME)).toEqual(['types/max-value Observation.valueTime']);
  });

  it('counts a Duration bounding a date from now: back for a minimum, forward for a maximum', async () => {
    const year = new Date().getUTCFullYear();
    expect(await findings(patient({ birthDate: `${year - 50}-06-01` }), VALUES_RECENT)).toEqual([]);
    expect(await findings(patient({ birthDate: `${year - 102}-01-01` }), VALUES_RECENT)).toEqual(['types/min-value Patient.birthDate']);
    expect(await findings(patient({ birthDate: `${year + 12}-01-01` }), VALUES_RECENT)).toEqual(['types/max-value Patient.birthDate']);
  });

  it('compares integers', async () => {
    expect(await findings(patient({ multipleBirthInteger: 0 }), VALUES_PATIENT)).toEqual(['types/min-value Patient.multipleBirthInteger']);
    expect(await findings(patient({ multipleBirthInteger: 2 }), VALUES_PATIENT)).toEqual([]);
  });
});

describe('minLength, mustHaveValue and valueAlternatives', () => {
  it('holds the minLength extension against a string’s length', async () => {
    expect(await findings(patient({ name: [{ family: 'Li' }] }), VALUES_PATIENT)).toEqual([]);
    expect(await findings(patient({ name: [{ family: 'L' }] }), VALUES_PATIENT)).toEqual(['types/min-length Patient.name[0].family']);
  });

  it('asks nothing of a primitive that has its value', async () => {
    expect(await findings(patient({ active: false, gender: 'female' }), VALUES_PATIENT)).toEqual([]);
  });

  it('lets only the listed extensions stand in for a value', async () => {
    const dar = { url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' };
    const other = { url: 'http://example.org/other', valueString: 'x' };
    expect(await findings(patient({ _gender: { extension: [other, dar] } }), VALUES_PATIENT)).toEqual([]);
    expect(await findings(patient({ _gender: { extension: [other] } }), VALUES_PATIENT)).toEqual([
      'types/value-alternative Patient.gender',
    ]);
    expect(await findings(patient({ _active: { extension: [dar] } }), VALUES_PATIENT)).toEqual(['types/value-missing Patient.active']);
  });
});

describe('dateSpan', () => {
  it('gives the span a date stands for at its precision', () => {
    expect(dateSpan('2024')).toEqual({ lo: Date.UTC(2024, 0, 1), hi: Date.UTC(2025, 0, 1), timed: false });
    expect(dateSpan('2024-02')).toEqual({ lo: Date.UTC(2024, 1, 1), hi: Date.UTC(2024, 2, 1), timed: false });
    expect(dateSpan('2024-02-29T10:00:00.25+02:00')).toEqual({
      lo: Date.UTC(2024, 1, 29, 8, 0, 0, 250),
      hi: Date.UTC(2024, 1, 29, 8, 0, 0, 260),
      timed: true,
    });
    expect(dateSpan('not a date')).toBeUndefined();
  });
});

describe('a data type element whose type names several profiles', () => {
  const errors = async (name: Record<string, unknown>): Promise<string[]> =>
    (await validate(patient({ name: [name] }), [VALUES_NAMES], await valuesValidator())).issues
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.ruleId} ${i.location.fhirpath}`);

  it('accepts a value that fits any one of them', async () => {
    expect(await errors({ family: 'Hansen' })).toEqual([]);
    expect(await errors({ given: ['Anne'] })).toEqual([]);
  });

  it('rejects a value that fits none, with each profile’s reason', async () => {
    expect((await errors({ text: 'Anne Hansen' })).sort()).toEqual([
      'cardinality/min Patient.name[0].family',
      'cardinality/min Patient.name[0].given',
    ]);
  });
});

describe('slicing on several discriminators where a slice states a value for only some of them', () => {
  const slicing = async (identifier: Record<string, unknown>[]): Promise<string[]> =>
    (await validate(patient({ identifier }), [VALUES_SUBTYPE], await valuesValidator())).issues
      .filter((i) => i.ruleId.startsWith('slicing/'))
      .map((i) => `${i.ruleId} ${i.location.fhirpath}`);
  const id = (type: string, system: string): Record<string, unknown> => ({ type: { text: type }, system, value: '1' });

  it('holds a slice to the discriminators it states a value for, and lets the others be anything', async () => {
    expect(await slicing([id('MR', 'urn:a'), id('XX', 'urn:anything')])).toEqual([]);
  });

  it('does not put an item in a slice whose stated value it lacks', async () => {
    expect(await slicing([id('MR', 'urn:b'), id('XX', 'urn:anything')])).toContain('slicing/slice-min Patient.identifier');
    expect(await slicing([id('MR', 'urn:a')])).toContain('slicing/slice-min Patient.identifier');
  });
});

describe('a primitive with an id and nothing else (ele-1)', () => {
  const empties = async (input: unknown): Promise<string[]> =>
    (await validate(input)).issues.filter((i) => i.ruleId === 'structure/empty-element').map((i) => i.location.fhirpath);

  it('is empty in XML and JSON alike, and not when it has a value or an extension', async () => {
    const xml = (inner: string): string => `<Patient xmlns="http://hl7.org/fhir"><id value="p1"/>${inner}</Patient>`;
    expect(await empties(xml('<implicitRules id="i1"/>'))).toEqual(['Patient.implicitRules']);
    expect(await empties(patient({ _implicitRules: { id: 'i1' } }))).toEqual(['Patient.implicitRules']);
    expect(await empties(xml('<implicitRules id="i1" value="http://example.org/rules"/>'))).toEqual([]);
    expect(await empties(patient({ implicitRules: 'http://example.org/rules', _implicitRules: { id: 'i1' } }))).toEqual([]);
    expect(
      await empties(patient({ _implicitRules: { id: 'i1', extension: [{ url: 'http://example.org/x', valueString: 'y' }] } })),
    ).toEqual([]);
  });
});
