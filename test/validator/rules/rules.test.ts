/**
 * Every validator rule id, with a fixture that must trigger it (at the given FHIRPath, with a line,
 * and with the severity the registry gives the rule) and a fixture that must not. Fixtures are FHIR
 * JSON; some use our compiled MedCom profiles, the slicing ones a small profile compiled here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIg } from '../../../src/api/build.js';
import { newValidator, validationDefinitions } from '../../../src/api/validate.js';
import { readXml } from '../../../src/validator/load/xml.js';
import { PackageSource } from '../../../src/defs/package-source.js';
import {
  definePackage,
  defineInvariant,
  defineProfile,
  externalValueSet,
  packageContents,
  R4,
  Reference,
  slicing,
} from '../../../src/dsl/index.js';
import { RULE_IDS, RULES, type RuleId, type Severity } from '../../../src/validator/rules/registry.js';
import type { Validator } from '../../../src/validator/validator.js';
import { addCodeTable, emptyHeld, type HeldTerminology } from '../../../src/validator/terminology/held.js';
import { igDefinitions, issuesOf, validate, validatorFor } from '../../helpers/validate.js';
import { unknownTypeProfile, VALUES_PATIENT, VALUES_UNKNOWN_TYPE, valueProfiles } from '../../helpers/value-profiles.js';

const DK_PATIENT = 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-patient';
const DK_CONDITION = 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-condition';
const CL_CONDITION = 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-condition';
const CL_BUNDLE = 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle';
const T = 'http://example.org/fhir/StructureDefinition/';
const NO_LANGUAGE_SECTIONS = `${T}no-language-sections`;
const XHTML = 'http://www.w3.org/1999/xhtml';
const HL7_EXT = 'http://hl7.org/fhir/StructureDefinition/';
const NOTES_BUNDLE = 'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-bundle';
const HCO_MESSAGE = 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message';
/** Business-rule fixtures: examples/business (each a copy of a valid bundle with one defect). */
const business = (file: string): string => readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'business', file), 'utf8');
const NOTE_OBS = 'Bundle.entry[1].resource';
const HCO_OBS = 'Bundle.entry[8].resource';
/** A Notes document whose Composition.date has no time: the order of the dates cannot be decided. */
const dateWithoutTime = (): string => {
  const b = JSON.parse(business('notes/valid/formatted-note.json')) as { entry: { resource: Record<string, unknown> }[] };
  b.entry[0]!.resource['date'] = '2025-06-03';
  return JSON.stringify(b, null, 2);
};

/** SKS (the Danish health classification), a code system we do not hold, and a small table of it. */
const SKS = 'urn:oid:1.2.208.176.2.4';
const sksTable = (): HeldTerminology => {
  const held = emptyHeld();
  addCodeTable(held, 'sks.csv', `system,code,display\n${SKS},DJ449,"Kronisk obstruktiv lungesygdom, uspecificeret"\n`);
  return held;
};

const patient = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ resourceType: 'Patient', id: 'p1', ...extra });
/** `n` properties FHIR does not define: x0, x1, … */
const unknownProperties = (n: number): Record<string, unknown> => Object.fromEntries(Array.from({ length: n }, (_, k) => [`x${k}`, 'v']));
const cpr = (value = '0101011234', extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  system: 'urn:oid:1.2.208.176.1.2',
  value,
  ...extra,
});
const condition = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'Condition',
  id: 'c1',
  subject: { reference: 'Patient/p1' },
  ...extra,
});
const collection = (...resources: Record<string, unknown>[]): Record<string, unknown> => ({
  resourceType: 'Bundle',
  id: 'b1',
  type: 'collection',
  entry: resources.map((r) => ({ fullUrl: `http://example.org/fhir/${String(r['resourceType'])}/${String(r['id'])}`, resource: r })),
});
const document = (...resources: Record<string, unknown>[]): Record<string, unknown> => ({ ...collection(...resources), type: 'document' });

// a small profile set for slicing and invariant rules
const pkg = definePackage({
  id: 'example.rules',
  version: '0.1.0',
  canonical: 'http://example.org/fhir',
  name: 'Rules',
  title: 'Rules',
  dependencies: {},
  coverage: 'complete',
});
const notEvaluable = defineInvariant({
  key: 'test-ne',
  severity: 'error',
  human: 'uses a function the engine lacks',
  expression: 'noSuchFunction()',
  focus: 'Patient',
  examples: { pass: [{ resourceType: 'Patient' }], fail: [{ resourceType: 'Patient' }] },
});
const Closed = defineProfile(pkg, R4.Patient, {
  id: 'closed',
  name: 'Closed',
  elements: {
    identifier: {
      slicing: slicing.value('system', 'closed'),
      slices: {
        a: { card: '1..1', elements: { system: { fixed: 'urn:a' } } },
        b: { card: '0..1', elements: { system: { fixed: 'urn:b' } } },
      },
    },
  },
});
const Ordered = defineProfile(pkg, R4.Patient, {
  id: 'ordered',
  name: 'Ordered',
  elements: {
    identifier: {
      slicing: { discriminator: [{ type: 'value', path: 'system' }], ordered: true, rules: 'open' },
      slices: {
        a: { card: '0..1', elements: { system: { fixed: 'urn:a' } } },
        b: { card: '0..1', elements: { system: { fixed: 'urn:b' } } },
      },
    },
  },
});
const Ambiguous = defineProfile(pkg, R4.Patient, {
  id: 'ambiguous',
  name: 'Ambiguous',
  elements: {
    identifier: {
      slicing: slicing.pattern('system'),
      slices: {
        a: { card: '0..*', elements: { system: { pattern: 'urn:a' } } },
        alsoA: { card: '0..*', elements: { system: { pattern: 'urn:a' } } },
      },
    },
  },
});
const Vague = defineProfile(pkg, R4.Patient, {
  id: 'vague',
  name: 'Vague',
  elements: { identifier: { slicing: slicing.value('value'), slices: { a: { card: '0..1' } } } },
});
const NotEvaluated = defineProfile(pkg, R4.Patient, { id: 'not-evaluated', name: 'NotEvaluated', obeys: [notEvaluable] });
// as MedCom Core 2.4.0's medcom-uuidv4: `value.matches(…)` on a string is always empty
const vacuousUuid = defineInvariant({
  key: 'test-vacuous',
  severity: 'error',
  human: 'the identifier is a urn:uuid',
  expression: "value.matches('^urn:uuid:[0-9a-f-]{36}$')",
  focus: 'Identifier.value',
  examples: { pass: ['urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f5a'], fail: [] },
  quirk: { neverFails: 'navigates to a value child a string does not have', shouldFail: ['not-a-uuid'] },
});
// a Condition profile whose subject must be a Patient profile that the validator is not given
const unseen = definePackage({
  id: 'example.unseen',
  version: '0.1.0',
  canonical: 'http://example.org/unseen',
  name: 'Unseen',
  title: 'Unseen',
  dependencies: {},
  coverage: 'complete',
});
const UnseenPatient = defineProfile(unseen, R4.Patient, { id: 'unseen-patient', name: 'UnseenPatient' });
const UnseenTarget = defineProfile(unseen, R4.Condition, {
  id: 'unseen-target',
  name: 'UnseenTarget',
  elements: { subject: { only: [Reference(UnseenPatient)] } },
});
const Vacuous = defineProfile(pkg, R4.Patient, {
  id: 'vacuous',
  name: 'Vacuous',
  elements: { 'identifier.value': { obeys: [vacuousUuid] } },
});
const Unbound = defineProfile(pkg, R4.Patient, {
  id: 'unbound',
  name: 'Unbound',
  elements: {
    maritalStatus: { binding: { strength: 'required', valueSet: externalValueSet('http://example.org/fhir/ValueSet/not-available') } },
  },
});

let local: Promise<Validator> | undefined;
function rulesValidator(): Promise<Validator> {
  local ??= (async () => {
    const defs = await igDefinitions();
    await buildIg({
      packages: [packageContents(pkg, [Closed, Ordered, Ambiguous, Vague, NotEvaluated, Unbound, Vacuous])],
      definitions: defs,
    });
    // built on the side; only the referring profile is handed to the validator
    const side = await buildIg({
      packages: [packageContents(unseen, [UnseenPatient, UnseenTarget])],
      definitions: await validationDefinitions(),
    });
    const referrer = side.packages.flatMap((p) => p.resources).find((r) => r['id'] === 'unseen-target')!;
    const source = new PackageSource({ name: 'example.unseen', version: '0.1.0' });
    source.add(referrer);
    defs.addPackage(source);
    // differential-only profiles that constrain values (minValue/maxValue, minLength, mustHaveValue, valueAlternatives)
    const values = new PackageSource({ name: 'example.values', version: '0.1.0' });
    for (const sd of valueProfiles()) values.add(sd);
    values.add(unknownTypeProfile(defs.all().resolve('http://hl7.org/fhir/StructureDefinition/Patient')!.resource));
    defs.addPackage(values);
    // a profile given as a differential only (its snapshot is generated on load)
    const narrative = new PackageSource({ name: 'example.narrative', version: '0.1.0' });
    narrative.add({
      resourceType: 'StructureDefinition',
      id: 'no-language-sections',
      url: NO_LANGUAGE_SECTIONS,
      name: 'NoLanguageSections',
      status: 'draft',
      fhirVersion: '4.0.1',
      kind: 'resource',
      abstract: false,
      type: 'Patient',
      baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Patient',
      derivation: 'constraint',
      differential: {
        element: [
          {
            id: 'Patient.text',
            path: 'Patient.text',
            extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/narrative-language-control', valueCode: '_no' }],
          },
        ],
      },
    });
    for (const [id, level] of [
      ['source-warning', 'warning'],
      ['source-error', 'error'],
    ] as const) {
      narrative.add({
        resourceType: 'StructureDefinition',
        id,
        url: `${T}${id}`,
        name: id === 'source-warning' ? 'SourceWarning' : 'SourceError',
        status: 'draft',
        fhirVersion: '4.0.1',
        kind: 'resource',
        abstract: false,
        type: 'Patient',
        baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Patient',
        derivation: 'constraint',
        differential: {
          element: [
            {
              id: 'Patient.text',
              path: 'Patient.text',
              extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/narrative-source-control', valueCode: level }],
            },
          ],
        },
      });
    }
    defs.addPackage(narrative);
    return validatorFor(defs);
  })();
  return local;
}

interface Case {
  rule: RuleId;
  fail: unknown;
  pass: unknown;
  at: string;
  profiles?: string[];
  /** Profiles for the passing fixture, when they differ. */
  passProfiles?: string[];
  local?: boolean;
  /** Code systems given to the run (`--terminology`), for the terminology rules. */
  terminology?: () => HeldTerminology;
  /** The export purpose the fixtures are checked with (business rules; default sharing). */
  purpose?: 'aktindsigt';
  /**
   * The severity the failing fixture's finding must have, for the rules whose severity is not always the
   * registry's (see SEVERITY_FROM_FINDING); every other rule's finding must have `RULES[rule].severity`.
   */
  severity?: Severity;
  /** The constraint whose finding has that severity, when others fail at the same place (invariants). */
  constraintKey?: string;
}

/**
 * Rules whose severity comes from what a finding stands for, not from the registry alone (each has a case
 * below with `severity` set, and a second fixture in 'severities that come from the finding'):
 * - `invariants/failed`: the constraint's severity (an error or a warning constraint; dom-6 is a warning);
 * - `input/more-issues`: the severity of the findings it counts (the unknown properties it stands for are errors);
 * - `structure/unknown-extension`: a warning, but an error on a modifierExtension (its meaning may change the rest);
 * - `references/unresolved`: an error where the target must be there (a contained `#id`, aggregation bundled),
 *   otherwise a warning (a `urn:uuid:` too, as the HL7 validator gives).
 * - `types/narrative-source`: the level the profile's narrative-source-control gives (error, warning, information).
 */
const SEVERITY_FROM_FINDING: readonly RuleId[] = [
  'invariants/failed',
  'input/more-issues',
  'structure/unknown-extension',
  'references/unresolved',
  'types/narrative-source',
];

/** A standalone HCO DiagnosticReport with these performer references (and contained resources). */
const hcoReport = (performer: string[], contained: Record<string, unknown>[] = []): Record<string, unknown> => ({
  resourceType: 'DiagnosticReport',
  id: 'r1',
  meta: { profile: ['http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-diagnosticreport'] },
  ...(contained.length > 0 ? { contained } : {}),
  status: 'final',
  code: { coding: [{ system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/MedComDiagnosticReportCodes', code: 'HomeCareReport' }] },
  subject: { reference: 'Patient/p1' },
  issued: '2023-09-12T13:00:00+02:00',
  performer: performer.map((reference) => ({ reference })),
});

/** A QuestionnaireResponse to its contained Questionnaire (`#q`) with the given items. */
const response = (qItems: unknown[], items: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'QuestionnaireResponse',
  id: 'r1',
  contained: [{ resourceType: 'Questionnaire', id: 'q', status: 'active', item: qItems }],
  questionnaire: '#q',
  status: 'completed',
  item: items,
  ...extra,
});
/** A Questionnaire with the given items. */
const questionnaire = (item: unknown[]): Record<string, unknown> => ({ resourceType: 'Questionnaire', id: 'q', status: 'active', item });
const answered = (linkId: string, ...answer: Record<string, unknown>[]): Record<string, unknown> => ({ linkId, answer });

/** A MeasureReport against its contained Measure (`#m`, with the given groups and extra), reporting `groups`. */
const measureReport = (
  mGroups: unknown[],
  groups: unknown[],
  extra: Record<string, unknown> = {},
  measureExtra: Record<string, unknown> = {},
  contained: unknown[] = [],
): Record<string, unknown> => ({
  resourceType: 'MeasureReport',
  contained: [{ resourceType: 'Measure', id: 'm', status: 'active', group: mGroups, ...measureExtra }, ...contained],
  status: 'complete',
  type: 'summary',
  measure: '#m',
  period: { start: '2024-01-01' },
  group: groups,
  ...extra,
});
const popCode = (code: string): Record<string, unknown> => ({
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-population', code }],
});
/** A StructureDefinition constraining Observation (or what `extra` makes it) with the given differential elements. */
const structure = (elements: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'StructureDefinition',
  url: 'http://example.org/StructureDefinition/x',
  name: 'X',
  status: 'draft',
  kind: 'resource',
  abstract: false,
  type: 'Observation',
  baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Observation',
  derivation: 'constraint',
  differential: { element: elements },
  ...extra,
});
const LOGICAL = { kind: 'logical', baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Base', derivation: 'specialization' };
const valueTyped = (code: string, profile: string): Record<string, unknown> => ({
  id: 'Observation.value[x]',
  path: 'Observation.value[x]',
  type: [{ code, profile: [`http://hl7.org/fhir/StructureDefinition/${profile}`] }],
});
/** A SearchParameter derived from base R4's Organization-name (type string, base Organization). */
const derivedSearch = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'SearchParameter',
  url: 'http://example.org/SearchParameter/organization-name',
  name: 'OrganizationName',
  derivedFrom: 'http://hl7.org/fhir/SearchParameter/Organization-name',
  status: 'active',
  description: 'Organizations by name',
  code: 'name',
  base: ['Organization'],
  type: 'string',
  expression: 'Organization.name',
  ...extra,
});
/** A CapabilityStatement declaring AllergyIntolerance's clinical-status search (a token search in base R4) with `type`. */
const capability = (type: string): Record<string, unknown> => ({
  resourceType: 'CapabilityStatement',
  status: 'active',
  date: '2024-01-01',
  kind: 'instance',
  fhirVersion: '4.0.1',
  format: ['json'],
  rest: [
    {
      mode: 'server',
      resource: [
        {
          type: 'AllergyIntolerance',
          searchParam: [
            { name: 'clinical-status', definition: 'http://hl7.org/fhir/SearchParameter/AllergyIntolerance-clinical-status', type },
          ],
        },
      ],
    },
  ],
});
/** A profile of base R4's patient-birthTime extension whose differential fixes Extension.url to `url`. */
const birthTimeProfile = (url: string): Record<string, unknown> =>
  structure([{ id: 'Extension.url', path: 'Extension.url', fixedUri: url }], {
    url: 'http://example.org/StructureDefinition/birth-time',
    kind: 'complex-type',
    context: [{ type: 'element', expression: 'Patient.birthDate' }],
    type: 'Extension',
    baseDefinition: 'http://hl7.org/fhir/StructureDefinition/patient-birthTime',
  });
const COHORT = { scoring: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-scoring', code: 'cohort' }] } };
/** A Measure with one stratifier whose CQL criterion is `expression`, and (when given) a contained Library `Lib` defining `AgeGroup`. */
const cqlMeasure = (expression: string, withLibrary: boolean): Record<string, unknown> => ({
  resourceType: 'Measure',
  status: 'active',
  ...(withLibrary
    ? {
        contained: [
          {
            resourceType: 'Library',
            id: 'lib',
            name: 'Lib',
            status: 'active',
            type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/library-type', code: 'logic-library' }] },
            content: [{ contentType: 'text/cql', data: Buffer.from('library Lib\ndefine "AgeGroup": 1').toString('base64') }],
          },
        ],
        library: ['#lib'],
      }
    : {}),
  group: [{ stratifier: [{ code: { text: 'age' }, criteria: { language: 'text/cql', expression } }] }],
});

const CASES: Case[] = [
  { rule: 'input/unreadable', fail: '{"resourceType": "Patient", "gender": ', pass: patient(), at: '' },
  // 100 findings of one rule on one element are listed, the 101st and later counted in one finding at the element
  {
    rule: 'input/more-issues',
    fail: patient(unknownProperties(101)),
    pass: patient(unknownProperties(100)),
    at: 'Patient',
    severity: 'error',
  },
  {
    rule: 'structure/unknown-element',
    fail: patient({ favouriteColour: 'blue' }),
    pass: patient({ gender: 'female' }),
    at: 'Patient.favouriteColour',
  },
  {
    rule: 'structure/array-expected',
    fail: patient({ name: { family: 'Hansen' } }),
    pass: patient({ name: [{ family: 'Hansen' }] }),
    at: 'Patient.name',
  },
  { rule: 'structure/single-expected', fail: patient({ gender: ['female'] }), pass: patient({ gender: 'female' }), at: 'Patient.gender' },
  {
    rule: 'structure/empty-element',
    fail: patient({ name: [{}] }),
    pass: patient({ name: [{ family: 'Hansen' }] }),
    at: 'Patient.name[0]',
  },
  { rule: 'structure/resource-type', fail: { resourceType: 'Patiant', id: 'p1' }, pass: patient(), at: 'Patiant' },
  {
    rule: 'structure/choice-multiple',
    fail: { resourceType: 'Observation', status: 'final', code: { text: 'x' }, valueString: 'a', valueBoolean: true },
    pass: { resourceType: 'Observation', status: 'final', code: { text: 'x' }, valueString: 'a' },
    at: 'Observation',
  },
  {
    rule: 'structure/primitive-twin',
    fail: patient({ name: [{ given: ['Anne'], _given: [null, { id: 'x' }] }] }),
    pass: patient({ name: [{ given: ['Anne'], _given: [{ id: 'g1' }] }] }),
    at: 'Patient.name[0].given',
  },
  {
    rule: 'structure/duplicate-property',
    fail: '{"resourceType": "Patient", "gender": "male", "gender": "female"}',
    pass: patient({ gender: 'male' }),
    at: 'Patient.gender',
  },
  {
    rule: 'structure/extension-invalid',
    fail: patient({
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
          valueAddress: { city: 'Odense' },
          extension: [{ url: 'x', valueString: 'y' }],
        },
      ],
    }),
    pass: patient({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace', valueAddress: { city: 'Odense' } }] }),
    at: 'Patient.extension[0]',
  },
  {
    rule: 'structure/xml-form',
    fail: '<Patient xmlns="http://hl7.org/fhir"><id value="p1"/><gender xmlns="http://example.org/other" value="female"/></Patient>',
    pass: '<Patient xmlns="http://hl7.org/fhir"><id value="p1"/><gender value="female"/></Patient>',
    at: 'Patient.gender',
  },
  {
    rule: 'structure/unknown-extension',
    fail: patient({ extension: [{ url: 'http://example.org/no-such-extension', valueString: 'x' }] }),
    pass: patient({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace', valueAddress: { city: 'Odense' } }] }),
    at: 'Patient.extension[0]',
    severity: 'warning',
  },
  {
    // humanname-mothers-family's context of use is HumanName.family
    rule: 'structure/extension-context',
    fail: patient({ name: [{ family: 'Hansen', extension: [{ url: `${HL7_EXT}humanname-mothers-family`, valueString: 'Jensen' }] }] }),
    pass: patient({
      name: [{ family: 'Hansen', _family: { extension: [{ url: `${HL7_EXT}humanname-mothers-family`, valueString: 'Jensen' }] } }],
    }),
    at: 'Patient.name[0].extension[0]',
  },
  {
    rule: 'structure/extension-modifier',
    fail: patient({ modifierExtension: [{ url: `${HL7_EXT}patient-birthPlace`, valueAddress: { city: 'Odense' } }] }),
    pass: patient({ extension: [{ url: `${HL7_EXT}patient-birthPlace`, valueAddress: { city: 'Odense' } }] }),
    at: 'Patient.modifierExtension[0]',
  },
  {
    // patient-nationality defines the sub-extensions code and period
    rule: 'structure/unknown-sub-extension',
    fail: patient({
      extension: [{ url: `${HL7_EXT}patient-nationality`, extension: [{ url: 'country', valueCodeableConcept: { text: 'DK' } }] }],
    }),
    pass: patient({
      extension: [{ url: `${HL7_EXT}patient-nationality`, extension: [{ url: 'code', valueCodeableConcept: { text: 'DK' } }] }],
    }),
    at: 'Patient.extension[0].extension[0]',
  },
  {
    rule: 'structure/resource-id-extension',
    fail: patient({ _id: { extension: [{ url: `${HL7_EXT}data-absent-reason`, valueCode: 'masked' }] } }),
    pass: patient({ name: [{ _family: { extension: [{ url: `${HL7_EXT}data-absent-reason`, valueCode: 'masked' }] } }] }),
    at: 'Patient.id',
  },
  {
    rule: 'structure/cross-version-extension',
    fail: patient({
      extension: [
        { url: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Patient.contact.additionalName', valueHumanName: { text: 'x' } },
      ],
    }),
    pass: patient({ extension: [{ url: `${HL7_EXT}patient-birthPlace`, valueAddress: { city: 'Odense' } }] }),
    at: 'Patient.extension[0]',
  },
  {
    rule: 'cardinality/min',
    fail: { resourceType: 'Observation', code: { text: 'x' } },
    pass: { resourceType: 'Observation', status: 'final', code: { text: 'x' } },
    at: 'Observation.status',
  },
  {
    rule: 'cardinality/max',
    profiles: [CL_CONDITION],
    fail: condition({ note: [{ text: 'a' }, { text: 'b' }] }),
    pass: condition({ note: [{ text: 'a' }] }),
    at: 'Condition.note',
  },
  { rule: 'types/json-type', fail: patient({ active: 'yes' }), pass: patient({ active: true }), at: 'Patient.active' },
  {
    rule: 'types/primitive-format',
    fail: patient({ birthDate: '1980-02-30' }),
    pass: patient({ birthDate: '1980-02-29' }),
    at: 'Patient.birthDate',
  },
  {
    rule: 'types/max-length',
    profiles: [DK_PATIENT],
    fail: patient({ identifier: [cpr('01010112345')] }),
    pass: patient({ identifier: [cpr()] }),
    at: 'Patient.identifier[0].value',
  },
  {
    rule: 'types/min-length',
    profiles: [VALUES_PATIENT],
    local: true,
    fail: patient({ name: [{ family: 'X' }] }),
    pass: patient({ name: [{ family: 'Xu' }] }),
    at: 'Patient.name[0].family',
  },
  {
    rule: 'types/min-value',
    profiles: [VALUES_PATIENT],
    local: true,
    fail: patient({ birthDate: '1899-12-31' }),
    pass: patient({ birthDate: '1900-01-01' }),
    at: 'Patient.birthDate',
  },
  {
    rule: 'types/max-value',
    profiles: [VALUES_PATIENT],
    local: true,
    fail: patient({ multipleBirthInteger: 10 }),
    pass: patient({ multipleBirthInteger: 9 }),
    at: 'Patient.multipleBirthInteger',
  },
  {
    rule: 'types/profile-unknown',
    profiles: [VALUES_UNKNOWN_TYPE],
    passProfiles: [VALUES_PATIENT],
    local: true,
    fail: patient({ name: [{ family: 'Hansen' }] }),
    pass: patient({ name: [{ family: 'Hansen' }] }),
    at: 'Patient.name[0]',
  },
  {
    rule: 'types/value-missing',
    profiles: [VALUES_PATIENT],
    local: true,
    fail: patient({
      _active: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' }] },
    }),
    pass: patient({ active: true }),
    at: 'Patient.active',
  },
  {
    rule: 'types/value-alternative',
    profiles: [VALUES_PATIENT],
    local: true,
    fail: patient({ _gender: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-nullFlavor', valueCode: 'MSK' }] } }),
    pass: patient({ _gender: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }] } }),
    at: 'Patient.gender',
  },
  {
    rule: 'types/attachment-size',
    // 'aGVsbG8=' is the five bytes of 'hello'
    fail: patient({ photo: [{ contentType: 'text/plain', data: 'aGVsbG8=', size: 100 }] }),
    pass: patient({ photo: [{ contentType: 'text/plain', data: 'aGVsbG8=', size: 5 }] }),
    at: 'Patient.photo[0].size',
  },
  {
    rule: 'types/xhtml-entity',
    fail: patient({ text: { status: 'generated', div: `<div xmlns="${XHTML}">CPT&reg;</div>` } }),
    pass: patient({ text: { status: 'generated', div: `<div xmlns="${XHTML}">CPT&#174; &amp; &lt;b&gt;</div>` } }),
    at: 'Patient.text.div',
  },
  {
    rule: 'types/narrative-link',
    fail: patient({ text: { status: 'generated', div: `<div xmlns="${XHTML}"><a href="#hcp/org1">Organisation</a></div>` } }),
    pass: patient({
      text: { status: 'generated', div: `<div xmlns="${XHTML}"><a name="hcp/org1"> </a><a href="#hcp/org1">Organisation</a></div>` },
    }),
    at: 'Patient.text.div',
  },
  {
    rule: 'types/narrative-link-scheme',
    fail: patient({
      text: { status: 'generated', div: `<div xmlns="${XHTML}"><a href="urn:uuid:c757873d-ec9a-4326-a141-556f43239520">GP</a></div>` },
    }),
    pass: patient({ text: { status: 'generated', div: `<div xmlns="${XHTML}"><a href="https://example.org/gp">GP</a></div>` } }),
    at: 'Patient.text.div',
  },
  {
    rule: 'types/narrative-source',
    local: true,
    profiles: [`${T}source-warning`],
    severity: 'warning',
    fail: patient({ text: { status: 'generated', div: `<div xmlns="${XHTML}"><p>Hej</p><p class="generated">Birgitte</p></div>` } }),
    pass: patient({
      text: { status: 'generated', div: `<div xmlns="${XHTML}"><p class="original">Hej</p><p class="generated">Birgitte</p></div>` },
    }),
    at: 'Patient.text.div',
  },
  {
    rule: 'types/uri-uuid',
    // Identifier.system is a uri; a UUID in upper case, or with more after it, is not a urn:uuid
    fail: patient({ identifier: [{ system: 'urn:uuid:C757873D-EC9A-4326-A141-556F43239520', value: '1' }] }),
    pass: patient({ identifier: [{ system: 'urn:uuid:c757873d-ec9a-4326-a141-556f43239520', value: '1' }] }),
    at: 'Patient.identifier[0].system',
  },
  {
    rule: 'types/narrative-language',
    local: true,
    profiles: [NO_LANGUAGE_SECTIONS],
    fail: patient({
      text: { status: 'generated', div: `<div xmlns="${XHTML}"><div lang="da" xml:lang="da">Hej</div><div lang="en">Hello</div></div>` },
    }),
    pass: patient({ text: { status: 'generated', div: `<div xmlns="${XHTML}" lang="da">Hej</div>` } }),
    at: 'Patient.text.div',
  },
  {
    rule: 'fixed-pattern/fixed-mismatch',
    profiles: [DK_PATIENT],
    fail: patient({ identifier: [cpr('0101011234', { use: 'usual' })] }),
    pass: patient({ identifier: [cpr('0101011234', { use: 'official' })] }),
    at: 'Patient.identifier[0].use',
  },
  {
    rule: 'fixed-pattern/pattern-mismatch',
    profiles: [CL_BUNDLE],
    fail: { resourceType: 'Bundle', type: 'collection' },
    pass: { resourceType: 'Bundle', type: 'document' },
    at: 'Bundle.type',
  },
  {
    rule: 'slicing/no-match-closed',
    local: true,
    profiles: [`${T}closed`],
    fail: patient({
      identifier: [
        { system: 'urn:a', value: '1' },
        { system: 'urn:c', value: '3' },
      ],
    }),
    pass: patient({
      identifier: [
        { system: 'urn:a', value: '1' },
        { system: 'urn:b', value: '2' },
      ],
    }),
    at: 'Patient.identifier[1]',
  },
  {
    rule: 'slicing/slice-min',
    local: true,
    profiles: [`${T}closed`],
    fail: patient({ identifier: [{ system: 'urn:b', value: '2' }] }),
    pass: patient({ identifier: [{ system: 'urn:a', value: '1' }] }),
    at: 'Patient.identifier',
  },
  // the only item matches no slice, and the one required slice is empty: the item's wrong system is the root
  {
    rule: 'slicing/discriminator-mismatch',
    local: true,
    profiles: [`${T}closed`],
    fail: patient({ identifier: [{ system: 'urn:c', value: '1' }] }),
    pass: patient({ identifier: [{ system: 'urn:a', value: '1' }] }),
    at: 'Patient.identifier[0]',
  },
  {
    rule: 'slicing/slice-max',
    local: true,
    profiles: [`${T}closed`],
    fail: patient({
      identifier: [
        { system: 'urn:a', value: '1' },
        { system: 'urn:a', value: '2' },
      ],
    }),
    pass: patient({ identifier: [{ system: 'urn:a', value: '1' }] }),
    at: 'Patient.identifier',
  },
  {
    rule: 'slicing/ordered',
    local: true,
    profiles: [`${T}ordered`],
    fail: patient({
      identifier: [
        { system: 'urn:b', value: '2' },
        { system: 'urn:a', value: '1' },
      ],
    }),
    pass: patient({
      identifier: [
        { system: 'urn:a', value: '1' },
        { system: 'urn:b', value: '2' },
      ],
    }),
    at: 'Patient.identifier[1]',
  },
  {
    rule: 'slicing/ambiguous',
    local: true,
    profiles: [`${T}ambiguous`],
    fail: patient({ identifier: [{ system: 'urn:a', value: '1' }] }),
    pass: patient({ identifier: [{ system: 'urn:z', value: '1' }] }),
    at: 'Patient.identifier[0]',
  },
  {
    rule: 'slicing/not-evaluated',
    local: true,
    profiles: [`${T}vague`],
    fail: patient({ identifier: [{ use: 'usual', value: '1' }] }),
    pass: patient(),
    at: 'Patient.identifier',
  },
  // MedCom's HCO DiagnosticReport: its performer slices discriminate on resolve() (profile); a standalone report's
  // performer points at a resource elsewhere (not checked), a contained one is at hand (checked)
  {
    rule: 'slicing/not-checked',
    fail: hcoReport(['Organization/o1']),
    pass: hcoReport(['#o1'], [{ resourceType: 'Organization', id: 'o1', name: 'Pleje og Rehabilitering' }]),
    at: 'DiagnosticReport.performer',
  },
  { rule: 'bindings/required', fail: patient({ gender: 'F' }), pass: patient({ gender: 'female' }), at: 'Patient.gender' },
  {
    rule: 'bindings/extensible',
    fail: condition({ category: [{ coding: [{ system: 'http://example.org/categories', code: 'x' }] }] }),
    pass: condition({
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
    }),
    at: 'Condition.category[0]',
  },
  {
    rule: 'bindings/not-checked',
    local: true,
    profiles: [`${T}unbound`],
    fail: patient({ maritalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'M' }] } }),
    pass: patient(),
    at: 'Patient.maritalStatus',
  },
  // a code of a code system we do not hold (SKS): said once for the file, at its first code
  {
    rule: 'terminology/not-checked',
    fail: condition({ code: { coding: [{ system: SKS, code: 'DJ449' }] } }),
    pass: condition({ code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'ACUTE' }] } }),
    at: 'Condition.code.coding[0]',
  },
  // the same code system given to the run as a code table: a code it does not list is an error
  {
    rule: 'terminology/unknown-code',
    terminology: sksTable,
    fail: condition({ code: { coding: [{ system: SKS, code: 'DJ999' }] } }),
    pass: condition({ code: { coding: [{ system: SKS, code: 'DJ449' }] } }),
    at: 'Condition.code.coding[0]',
  },
  {
    rule: 'invariants/failed',
    fail: condition({
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      abatementDateTime: '2020-01-01',
    }),
    pass: condition({
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
      abatementDateTime: '2020-01-01',
    }),
    at: 'Condition',
    constraintKey: 'con-4',
    severity: 'error', // con-4 is an error constraint (dom-6, a warning, fails here too)
  },
  {
    rule: 'invariants/intended',
    local: true,
    profiles: [`${T}vacuous`],
    fail: patient({ identifier: [{ value: 'not-a-uuid' }] }),
    pass: patient({ identifier: [{ value: 'urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f5a' }] }),
    at: 'Patient.identifier[0].value',
  },
  {
    rule: 'invariants/not-evaluated',
    local: true,
    profiles: [`${T}not-evaluated`],
    passProfiles: [],
    fail: patient(),
    pass: patient(),
    at: 'Patient',
  },
  {
    rule: 'references/unresolved',
    fail: condition({ subject: { reference: '#p9' }, contained: [patient({ id: 'p8' })] }),
    pass: condition({ subject: { reference: '#p8' }, contained: [patient({ id: 'p8' })] }),
    at: 'Condition.subject.reference',
    severity: 'error', // a contained `#id` must be there
  },
  {
    rule: 'references/ambiguous',
    // two versions of the Patient under one fullUrl (bdl-7): `Patient/p1` matches both
    fail: {
      ...collection(condition(), patient({ meta: { versionId: '1' } }), patient({ meta: { versionId: '2' } })),
    },
    pass: collection(
      condition({ subject: { reference: 'Patient/p1/_history/2' } }),
      patient({ meta: { versionId: '1' } }),
      patient({ meta: { versionId: '2' } }),
    ),
    at: 'Bundle.entry[0].resource.subject',
  },
  {
    rule: 'references/type-mismatch',
    // from a urn:uuid entry, `Patient/<uuid>` is the entry `urn:uuid:<uuid>`: a Group, not a Patient
    fail: {
      resourceType: 'Bundle',
      id: 'b1',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f51',
          resource: condition({ subject: { reference: 'Patient/9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f52' } }),
        },
        {
          fullUrl: 'urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f52',
          resource: { resourceType: 'Group', id: 'g1', type: 'person', actual: true },
        },
      ],
    },
    pass: collection(condition(), patient()),
    at: 'Bundle.entry[0].resource.subject',
  },
  {
    rule: 'references/target-type',
    profiles: [],
    fail: collection(condition({ meta: { profile: [DK_CONDITION] }, subject: { reference: 'Practitioner/p1' } }), {
      resourceType: 'Practitioner',
      id: 'p1',
    }),
    pass: collection(condition({ meta: { profile: [DK_CONDITION] } }), patient({ meta: { profile: [DK_PATIENT] }, identifier: [cpr()] })),
    at: 'Bundle.entry[0].resource.subject',
  },
  {
    rule: 'references/target-profile',
    fail: collection(condition({ meta: { profile: [DK_CONDITION] } }), patient()),
    pass: collection(condition({ meta: { profile: [DK_CONDITION] } }), patient({ identifier: [cpr()] })),
    at: 'Bundle.entry[0].resource.subject',
  },
  {
    rule: 'references/not-checked',
    local: true,
    profiles: [],
    fail: collection(condition({ meta: { profile: ['http://example.org/unseen/StructureDefinition/unseen-target'] } }), patient()),
    pass: collection(condition({ meta: { profile: [DK_CONDITION] } }), patient({ meta: { profile: [DK_PATIENT] }, identifier: [cpr()] })),
    at: 'Bundle.entry[0].resource.subject',
  },
  { rule: 'bundle/first-entry', fail: document(patient()), pass: collection(patient()), at: 'Bundle.entry[0].resource' },
  {
    rule: 'terminology/system-not-absolute',
    fail: condition({ code: { coding: [{ system: 'Location', code: 'x' }] } }),
    pass: condition({ code: { coding: [{ system: 'http://example.org/codes', code: 'x' }] } }),
    at: 'Condition.code.coding[0].system',
  },
  {
    rule: 'bundle/fullurl-missing',
    fail: {
      resourceType: 'Bundle',
      type: 'document',
      entry: [
        {
          resource: {
            resourceType: 'Composition',
            status: 'final',
            type: { text: 'x' },
            date: '2020-01-01',
            author: [{ display: 'x' }],
            title: 't',
          },
        },
      ],
    },
    pass: collection(patient()),
    at: 'Bundle.entry[0]',
  },
  {
    rule: 'bundle/fullurl-duplicate',
    fail: {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f5a', resource: patient() },
        { fullUrl: 'urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f5a', resource: patient({ id: 'p2' }) },
      ],
    },
    pass: collection(patient(), patient({ id: 'p2' })),
    at: 'Bundle.entry[0].fullUrl',
  },
  {
    rule: 'bundle/fullurl-not-absolute',
    fail: { resourceType: 'Bundle', id: 'b1', type: 'collection', entry: [{ fullUrl: 'Patient/p1', resource: patient() }] },
    pass: collection(patient()),
    at: 'Bundle.entry[0].fullUrl',
  },
  {
    rule: 'bundle/fullurl-resource-mismatch',
    fail: {
      resourceType: 'Bundle',
      id: 'b1',
      type: 'collection',
      entry: [{ fullUrl: 'http://example.org/fhir/Patient/p2', resource: patient() }],
    },
    pass: collection(patient()),
    at: 'Bundle.entry[0].fullUrl',
  },
  {
    rule: 'bundle/link-relation-duplicate',
    fail: {
      ...collection(patient()),
      link: [
        { relation: 'self', url: 'http://example.org/fhir/Patient?name=a' },
        { relation: 'self', url: 'http://example.org/fhir/Patient?name=b' },
      ],
    },
    pass: {
      ...collection(patient()),
      link: [
        { relation: 'self', url: 'http://example.org/fhir/Patient?name=a' },
        { relation: 'next', url: 'http://example.org/fhir/Patient?name=b' },
      ],
    },
    at: 'Bundle.link[1].relation',
  },
  {
    rule: 'bundle/message-focus',
    fail: {
      resourceType: 'Bundle',
      type: 'message',
      timestamp: '2020-01-01T10:00:00Z',
      entry: [
        {
          fullUrl: 'urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f51',
          resource: {
            resourceType: 'MessageHeader',
            id: 'h',
            eventCoding: { code: 'x' },
            source: { endpoint: 'http://x' },
            focus: [{ reference: 'urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f59' }],
          },
        },
      ],
    },
    pass: {
      resourceType: 'Bundle',
      type: 'message',
      timestamp: '2020-01-01T10:00:00Z',
      entry: [
        {
          fullUrl: 'urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f51',
          resource: {
            resourceType: 'MessageHeader',
            id: 'h',
            eventCoding: { code: 'x' },
            source: { endpoint: 'http://x' },
            focus: [{ reference: 'urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f52' }],
          },
        },
        { fullUrl: 'urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f52', resource: patient() },
      ],
    },
    at: 'Bundle.entry[0].resource.focus[0]',
  },
  // business rules (src/validator/rules/business), on MedCom Notes and HomeCareObservation bundles
  {
    rule: 'business/notes-note-empty',
    profiles: [NOTES_BUNDLE],
    fail: business('notes/invalid/notes-note-empty.json'),
    pass: business('notes/valid/formatted-note.json'),
    at: `${NOTE_OBS}.extension[0].valueAttachment.data`,
  },
  {
    rule: 'business/notes-note-formatting',
    profiles: [NOTES_BUNDLE],
    fail: business('notes/invalid/notes-note-formatting-escapes.json'),
    pass: business('notes/valid/formatted-note.json'),
    at: `${NOTE_OBS}.extension[0].valueAttachment.data`,
  },
  {
    rule: 'business/notes-date-before-event',
    profiles: [NOTES_BUNDLE],
    fail: business('notes/invalid/notes-date-before-event.json'),
    pass: business('notes/valid/formatted-note.json'),
    at: 'Bundle.entry[0].resource.date',
  },
  {
    rule: 'business/notes-effective-differs',
    profiles: [NOTES_BUNDLE],
    fail: business('notes/invalid/notes-effective-differs.json'),
    pass: business('notes/valid/effective-other-zone.json'),
    at: `${NOTE_OBS}.effectiveDateTime`,
  },
  {
    rule: 'business/notes-private-shared',
    profiles: [NOTES_BUNDLE],
    fail: business('notes/invalid/notes-private-shared.json'),
    pass: business('notes/valid/local-extensions-shareable.json'),
    at: `${NOTE_OBS}.extension[2]`,
  },
  {
    rule: 'business/notes-aktindsigt-other-patient',
    purpose: 'aktindsigt',
    fail: business('notes/invalid/notes-aktindsigt-other-patient.json'),
    pass: business('notes/valid/aktindsigt-export.json'),
    at: 'Bundle.entry[1].resource.entry[2].resource.identifier[0].value',
  },
  {
    rule: 'business/notes-consultation-type',
    profiles: [NOTES_BUNDLE],
    fail: business('notes/invalid/notes-consultation-type.json'),
    pass: business('notes/valid/local-extensions-shareable.json'),
    at: `${NOTE_OBS}.extension[1].valueCoding`,
  },
  {
    rule: 'business/hco-sampling-time',
    profiles: [HCO_MESSAGE],
    fail: business('hco/invalid/hco-sampling-time.json'),
    pass: business('hco/valid/result-in-repertoire.json'),
    at: HCO_OBS,
  },
  {
    rule: 'business/hco-observation-final',
    profiles: [HCO_MESSAGE],
    fail: business('hco/invalid/hco-observation-final.json'),
    pass: business('hco/valid/result-in-repertoire.json'),
    at: `${HCO_OBS}.status`,
  },
  {
    rule: 'business/hco-code-repertoire',
    profiles: [HCO_MESSAGE],
    fail: business('hco/invalid/hco-code-repertoire.json'),
    pass: business('hco/valid/result-in-repertoire.json'),
    at: `${HCO_OBS}.code`,
  },
  {
    rule: 'business/hco-code-display',
    profiles: [HCO_MESSAGE],
    fail: business('hco/invalid/hco-code-display.json'),
    pass: business('hco/valid/result-in-repertoire.json'),
    at: `${HCO_OBS}.code.coding[0].display`,
  },
  {
    rule: 'business/hco-interpretation-ni',
    profiles: [HCO_MESSAGE],
    fail: business('hco/invalid/hco-interpretation-ni.json'),
    pass: business('hco/valid/result-in-repertoire.json'),
    at: HCO_OBS,
  },
  {
    rule: 'business/hco-restricted-shared',
    fail: business('hco/invalid/hco-restricted-shared.json'),
    pass: business('hco/valid/restricted-message.json'),
    at: 'Bundle.entry[0].resource.entry[2].resource.meta.security[0]',
  },
  {
    rule: 'business/hco-result-length',
    profiles: [HCO_MESSAGE],
    fail: business('hco/invalid/hco-result-length-quantity.json'),
    pass: business('hco/valid/result-in-repertoire.json'),
    at: `${HCO_OBS}.valueQuantity.value`,
  },
  {
    rule: 'business/not-checked',
    profiles: [NOTES_BUNDLE],
    fail: dateWithoutTime(),
    pass: business('notes/valid/formatted-note.json'),
    at: 'Bundle.entry[0].resource.date',
  },
  {
    rule: 'questionnaire/unknown-questionnaire',
    fail: { resourceType: 'QuestionnaireResponse', questionnaire: 'http://example.org/Questionnaire/none', status: 'completed' },
    pass: response([], []),
    at: 'QuestionnaireResponse.questionnaire',
  },
  {
    rule: 'questionnaire/linkid-unknown',
    fail: response([{ linkId: 'a', type: 'string' }], [answered('b', { valueString: 'x' })]),
    pass: response([{ linkId: 'a', type: 'string' }], [answered('a', { valueString: 'x' })]),
    at: 'QuestionnaireResponse.item[0]',
  },
  {
    rule: 'questionnaire/required-missing',
    fail: response([{ linkId: 'a', type: 'string', required: true }], [{ linkId: 'a' }]),
    pass: response([{ linkId: 'a', type: 'string', required: true }], [answered('a', { valueString: 'x' })]),
    at: 'QuestionnaireResponse.item[0]',
  },
  {
    rule: 'questionnaire/answer-type',
    fail: response([{ linkId: 'a', type: 'integer' }], [answered('a', { valueString: '7' })]),
    pass: response([{ linkId: 'a', type: 'integer' }], [answered('a', { valueInteger: 7 })]),
    at: 'QuestionnaireResponse.item[0].answer[0]',
  },
  {
    rule: 'questionnaire/not-repeating',
    fail: response([{ linkId: 'a', type: 'string' }], [answered('a', { valueString: 'x' }, { valueString: 'y' })]),
    pass: response([{ linkId: 'a', type: 'string', repeats: true }], [answered('a', { valueString: 'x' }, { valueString: 'y' })]),
    at: 'QuestionnaireResponse.item[0]',
  },
  {
    rule: 'questionnaire/answer-not-allowed',
    fail: response(
      [{ linkId: 'a', type: 'choice', answerOption: [{ valueString: 'yes' }, { valueString: 'no' }] }],
      [answered('a', { valueString: 'maybe' })],
    ),
    pass: response(
      [{ linkId: 'a', type: 'choice', answerOption: [{ valueString: 'yes' }, { valueString: 'no' }] }],
      [answered('a', { valueString: 'no' })],
    ),
    at: 'QuestionnaireResponse.item[0].answer[0]',
  },
  {
    rule: 'questionnaire/answer-constraint',
    fail: response(
      [{ linkId: 'a', type: 'integer', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 }] }],
      [answered('a', { valueInteger: 11 })],
    ),
    pass: response(
      [{ linkId: 'a', type: 'integer', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 }] }],
      [answered('a', { valueInteger: 10 })],
    ),
    at: 'QuestionnaireResponse.item[0].answer[0]',
  },
  {
    rule: 'questionnaire/answer-count',
    fail: response(
      [
        {
          linkId: 'a',
          type: 'string',
          repeats: true,
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs', valueInteger: 1 }],
        },
      ],
      [answered('a', { valueString: 'x' }, { valueString: 'y' })],
    ),
    pass: response(
      [
        {
          linkId: 'a',
          type: 'string',
          repeats: true,
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs', valueInteger: 1 }],
        },
      ],
      [answered('a', { valueString: 'x' })],
    ),
    at: 'QuestionnaireResponse.item[0]',
  },
  {
    rule: 'questionnaire/not-checked',
    fail: response(
      [{ linkId: 'a', type: 'choice', answerValueSet: 'http://example.org/fhir/ValueSet/unknown' }],
      [answered('a', { valueCoding: { system: 'http://example.org/cs', code: 'x' } })],
    ),
    pass: response(
      [{ linkId: 'a', type: 'choice', answerValueSet: 'http://hl7.org/fhir/ValueSet/administrative-gender' }],
      [answered('a', { valueCoding: { system: 'http://hl7.org/fhir/administrative-gender', code: 'male' } })],
    ),
    at: 'QuestionnaireResponse.item[0].answer[0]',
  },
  {
    rule: 'questionnaire/enablewhen',
    fail: response(
      [
        { linkId: 'a', type: 'boolean' },
        { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }] },
      ],
      [answered('a', { valueBoolean: false }), answered('b', { valueString: 'x' })],
    ),
    pass: response(
      [
        { linkId: 'a', type: 'boolean' },
        { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }] },
      ],
      [answered('a', { valueBoolean: true }), answered('b', { valueString: 'x' })],
    ),
    at: 'QuestionnaireResponse.item[1]',
  },
  {
    rule: 'questionnaire/enablebehavior-missing',
    fail: questionnaire([
      { linkId: 'a', type: 'boolean' },
      { linkId: 'b', type: 'boolean' },
      {
        linkId: 'c',
        type: 'string',
        enableWhen: [
          { question: 'a', operator: '=', answerBoolean: true },
          { question: 'b', operator: '=', answerBoolean: true },
        ],
      },
    ]),
    pass: questionnaire([
      { linkId: 'a', type: 'boolean' },
      { linkId: 'b', type: 'boolean' },
      {
        linkId: 'c',
        type: 'string',
        enableBehavior: 'any',
        enableWhen: [
          { question: 'a', operator: '=', answerBoolean: true },
          { question: 'b', operator: '=', answerBoolean: true },
        ],
      },
    ]),
    at: 'Questionnaire.item[2]',
  },
  {
    rule: 'questionnaire/enablewhen-inner',
    fail: questionnaire([
      {
        linkId: 'g',
        type: 'group',
        enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }],
        item: [{ linkId: 'a', type: 'boolean' }],
      },
    ]),
    pass: questionnaire([
      { linkId: 'a', type: 'boolean' },
      {
        linkId: 'g',
        type: 'group',
        enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }],
        item: [{ linkId: 'b', type: 'string' }],
      },
    ]),
    at: 'Questionnaire.item[0]',
  },
  {
    rule: 'questionnaire/group-answer',
    fail: response([{ linkId: 'g', type: 'group', item: [{ linkId: 'a', type: 'string' }] }], [answered('g', { valueString: 'x' })]),
    pass: response(
      [{ linkId: 'g', type: 'group', item: [{ linkId: 'a', type: 'string' }] }],
      [{ linkId: 'g', item: [answered('a', { valueString: 'x' })] }],
    ),
    at: 'QuestionnaireResponse.item[0]',
  },
  {
    rule: 'measure/unknown-measure',
    fail: { ...measureReport([], []), contained: undefined, measure: 'http://example.org/Measure/none' },
    pass: measureReport([], []),
    at: 'MeasureReport.measure',
  },
  {
    rule: 'measure/report-unmatched',
    fail: measureReport(
      [{ population: [{ code: popCode('initial-population') }] }],
      [
        {
          population: [
            { code: popCode('initial-population'), count: 5 },
            { code: popCode('numerator'), count: 2 },
          ],
        },
      ],
    ),
    pass: measureReport(
      [{ population: [{ code: popCode('initial-population') }] }],
      [{ population: [{ code: popCode('initial-population'), count: 5 }] }],
    ),
    at: 'MeasureReport.group[0].population[1]',
  },
  {
    rule: 'measure/report-missing',
    fail: measureReport(
      [{ population: [{ code: popCode('initial-population') }, { code: popCode('numerator') }] }],
      [{ population: [{ code: popCode('initial-population'), count: 5 }] }],
    ),
    pass: measureReport(
      [{ population: [{ code: popCode('initial-population') }, { code: popCode('numerator') }] }],
      [{ population: [{ code: popCode('initial-population'), count: 5 }] }],
      { status: 'pending' },
    ),
    at: 'MeasureReport.group[0]',
  },
  {
    rule: 'measure/report-subjects',
    fail: measureReport(
      [{ population: [{ code: { text: 'ip' } }] }],
      [{ population: [{ code: { text: 'ip' }, count: 2, subjectResults: { reference: '#l' } }] }],
      { type: 'subject-list' },
      {},
      [{ resourceType: 'List', id: 'l', status: 'current', mode: 'snapshot', entry: [{ item: { reference: 'Patient/a' } }] }],
    ),
    pass: measureReport(
      [{ population: [{ code: { text: 'ip' } }] }],
      [{ population: [{ code: { text: 'ip' }, count: 1, subjectResults: { reference: '#l' } }] }],
      { type: 'subject-list' },
      {},
      [{ resourceType: 'List', id: 'l', status: 'current', mode: 'snapshot', entry: [{ item: { reference: 'Patient/a' } }] }],
    ),
    at: 'MeasureReport.group[0].population[0].subjectResults',
  },
  {
    rule: 'measure/report-subject-list',
    fail: measureReport(
      [{ population: [{ code: { text: 'ip' } }] }],
      [{ population: [{ code: { text: 'ip' }, count: 1, subjectResults: { reference: 'List/l' } }] }],
    ),
    pass: measureReport(
      [{ population: [{ code: { text: 'ip' } }] }],
      [{ population: [{ code: { text: 'ip' }, count: 1, subjectResults: { reference: 'List/l' } }] }],
      { type: 'subject-list' },
    ),
    at: 'MeasureReport.group[0].population[0].subjectResults',
  },
  {
    rule: 'measure/report-score',
    fail: measureReport(
      [{ population: [{ code: { text: 'ip' } }] }],
      [{ population: [{ code: { text: 'ip' }, count: 10 }], measureScore: { value: 10 } }],
      {},
      COHORT,
    ),
    pass: measureReport([{ population: [{ code: { text: 'ip' } }] }], [{ population: [{ code: { text: 'ip' }, count: 10 }] }], {}, COHORT),
    at: 'MeasureReport.group[0].measureScore',
  },
  {
    rule: 'measure/cql-criteria',
    fail: cqlMeasure('Lib.AgeGroup', false),
    pass: cqlMeasure('Lib.AgeGroup', true),
    at: 'Measure.group[0].stratifier[0].criteria',
  },
  {
    rule: 'conformance/sd-type-namespace',
    fail: structure([{ id: 'Boo', path: 'Boo' }], { ...LOGICAL, type: 'Boo' }),
    pass: structure([{ id: 'Boo', path: 'Boo' }], { ...LOGICAL, type: 'http://example.org/StructureDefinition/Boo' }),
    at: 'StructureDefinition.type',
  },
  {
    rule: 'conformance/sd-specialization-type',
    fail: structure([{ id: 'Observation', path: 'Observation' }], { derivation: 'specialization' }),
    pass: structure([{ id: 'Observation', path: 'Observation' }]),
    at: 'StructureDefinition',
  },
  {
    rule: 'conformance/sd-path-type',
    fail: structure([{ id: 'Patient.status', path: 'Patient.status', min: 1 }]),
    pass: structure([{ id: 'Observation.status', path: 'Observation.status', min: 1 }]),
    at: 'StructureDefinition.differential.element[0]',
  },
  {
    rule: 'conformance/sd-path-unknown',
    fail: structure([{ id: 'Observation.valueQuantity', path: 'Observation.valueBla' }]),
    pass: structure([{ id: 'Observation.valueQuantity', path: 'Observation.valueQuantity' }]),
    at: 'StructureDefinition.differential.element[0]',
  },
  {
    rule: 'conformance/sd-type-profile',
    fail: structure([valueTyped('Quantity', 'Count')]),
    pass: structure([valueTyped('Quantity', 'SimpleQuantity')]),
    at: 'StructureDefinition.differential.element[0].type[0].profile[0]',
  },
  {
    rule: 'conformance/sd-discriminator-path',
    fail: structure([
      {
        id: 'Observation.extension',
        path: 'Observation.extension',
        slicing: { discriminator: [{ type: 'value', path: 'type' }], rules: 'open' },
      },
    ]),
    pass: structure([
      {
        id: 'Observation.extension',
        path: 'Observation.extension',
        slicing: { discriminator: [{ type: 'value', path: 'url' }], rules: 'open' },
      },
    ]),
    at: 'StructureDefinition.differential.element[0].slicing.discriminator[0].path',
  },
  {
    rule: 'conformance/sd-fixed-changed',
    fail: birthTimeProfile('http://example.org/StructureDefinition/birth-time'),
    pass: birthTimeProfile('http://hl7.org/fhir/StructureDefinition/patient-birthTime'),
    at: 'StructureDefinition.differential.element[0].fixedUri',
  },
  {
    rule: 'conformance/sp-derived-type',
    fail: derivedSearch({ type: 'token' }),
    pass: derivedSearch(),
    at: 'SearchParameter.type',
  },
  {
    rule: 'conformance/sp-derived-base',
    fail: derivedSearch({ base: ['Patient'] }),
    pass: derivedSearch(),
    at: 'SearchParameter.base[0]',
  },
  {
    rule: 'conformance/searchparam-type',
    fail: capability('date'),
    pass: capability('token'),
    at: 'CapabilityStatement.rest[0].resource[0].searchParam[0]',
  },
  {
    rule: 'profiles/unknown',
    fail: patient({ meta: { profile: ['http://example.org/no-such-profile'] } }),
    pass: patient({ meta: { profile: [DK_PATIENT] }, identifier: [cpr()] }),
    at: 'Patient.meta.profile[0]',
  },
  {
    // a misspelt HL7 Denmark url is an error (not the warning of a profile of someone else's we lack)
    rule: 'profiles/unknown-medcom',
    fail: patient({ meta: { profile: ['http://hl7.dk/fhir/core/StructureDefinition/dk-core-patiant'] }, identifier: [cpr()] }),
    pass: patient({ meta: { profile: [DK_PATIENT] }, identifier: [cpr()] }),
    at: 'Patient.meta.profile[0]',
  },
];

describe('every rule has a failing and a passing fixture', () => {
  it('covers every rule id', () => {
    // the rules decided over a sequence of uploads have their fixtures in examples/business/scenarios
    // (test/validator/business/sequence.test.ts); profiles/other-version is decided by a run across the
    // versions of a standard (src/api/validate.ts RunValidator): its failing and passing fixtures are
    // our HCO examples, in test/validator/rules/other-version.test.ts
    const elsewhere: RuleId[] = ['profiles/other-version'];
    expect(CASES.map((c) => c.rule).sort()).toEqual(RULE_IDS.filter((id) => !('input' in RULES[id]) && !elsewhere.includes(id)).sort());
  });

  it.each(CASES.map((c) => [c.rule, c] as const))('%s', async (_rule, c) => {
    const v = c.local
      ? await rulesValidator()
      : c.purpose
        ? newValidator(await igDefinitions(), { readXml, purpose: c.purpose })
        : c.terminology
          ? newValidator(await igDefinitions(), { readXml, terminology: c.terminology() })
          : undefined;
    const failing = await validate(c.fail, c.profiles ?? [], v);
    const hits = issuesOf(failing, c.rule);
    expect(
      hits.map((h) => h.location.fhirpath),
      JSON.stringify(failing.issues.map((i) => [i.ruleId, i.location.fhirpath])),
    ).toContain(c.at);
    expect(hits[0]!.location.line).toBeGreaterThan(0);
    // the severity: the registry's, or (for the rules that take it from the finding) the case's
    const severity = c.severity ?? RULES[c.rule].severity;
    expect(SEVERITY_FROM_FINDING.includes(c.rule), `${c.rule}: set severity on its case only if it is in SEVERITY_FROM_FINDING`).toBe(
      c.severity !== undefined,
    );
    const here = hits.filter((h) => h.location.fhirpath === c.at && (c.constraintKey === undefined || h.constraintKey === c.constraintKey));
    expect(here.length).toBeGreaterThan(0);
    expect(here.map((h) => h.severity)).toEqual(here.map(() => severity));
    const passing = await validate(c.pass, c.passProfiles ?? c.profiles ?? [], v);
    // the passing fixture must not produce this finding (same rule, place and constraint)
    const same = issuesOf(passing, c.rule).filter((i) => i.location.fhirpath === c.at && i.constraintKey === hits[0]!.constraintKey);
    expect(same, JSON.stringify(same)).toEqual([]);
  });
});

/** The other severity of each rule in SEVERITY_FROM_FINDING (the catalogue cases above have the first). */
const OTHER_SEVERITIES: {
  rule: RuleId;
  fixture: unknown;
  at: string;
  severity: Severity;
  constraintKey?: string;
  /** Validated with the rules' own profiles (`rulesValidator`) against these. */
  profiles?: string[];
}[] = [
  // narrative-source-control's code is the level: `error` in this profile
  {
    rule: 'types/narrative-source',
    at: 'Patient.text.div',
    severity: 'error',
    profiles: [`${T}source-error`],
    fixture: patient({ text: { status: 'generated', div: `<div xmlns="${XHTML}">Hej</div>` } }),
  },
  // dom-6 (a resource should have narrative) is a warning constraint
  { rule: 'invariants/failed', fixture: patient(), at: 'Patient', severity: 'warning', constraintKey: 'dom-6' },
  // 101 unknown extensions are 101 warnings: the finding that counts the last of them is a warning too
  {
    rule: 'input/more-issues',
    at: 'Patient.extension',
    severity: 'warning',
    fixture: patient({
      extension: Array.from({ length: 101 }, (_, k) => ({ url: `http://example.org/no-such-extension-${k}`, valueString: 'x' })),
    }),
  },
  {
    rule: 'structure/unknown-extension',
    at: 'Patient.modifierExtension[0]',
    severity: 'error',
    // (not at an example url: an unknown modifier extension there is a placeholder, warned about)
    fixture: patient({ modifierExtension: [{ url: 'http://medcom-ig.invalid/fhir/no-such-modifier', valueString: 'x' }] }),
  },
  // a relative reference in a collection need not be in it (the HL7 validator warns too; a urn:uuid as well:
  // bundle-references.test.ts)
  {
    rule: 'references/unresolved',
    fixture: collection(condition({ subject: { reference: 'Patient/p9' } })),
    at: 'Bundle.entry[0].resource.subject.reference',
    severity: 'warning',
  },
];

describe('severities that come from the finding', () => {
  it('covers every rule in SEVERITY_FROM_FINDING with a severity other than its catalogue case', () => {
    expect(OTHER_SEVERITIES.map((c) => c.rule).sort()).toEqual([...SEVERITY_FROM_FINDING].sort());
    for (const other of OTHER_SEVERITIES) expect(other.severity).not.toBe(CASES.find((c) => c.rule === other.rule)!.severity);
  });

  it.each(OTHER_SEVERITIES.map((c) => [`${c.rule} (${c.severity})`, c] as const))('%s', async (_name, c) => {
    const report = c.profiles ? await validate(c.fixture, c.profiles, await rulesValidator()) : await validate(c.fixture);
    const hits = issuesOf(report, c.rule).filter(
      (h) => h.location.fhirpath === c.at && (c.constraintKey === undefined || h.constraintKey === c.constraintKey),
    );
    expect(
      hits.length,
      JSON.stringify(report.issues.map((i) => [i.ruleId, i.severity, i.location.fhirpath, i.constraintKey])),
    ).toBeGreaterThan(0);
    expect(hits.map((h) => h.severity)).toEqual(hits.map(() => c.severity));
  });
});
