import { defineCodeSystem, defineValueSet } from '../../../src/dsl/index.js';
import type { ValueSetHandle } from '../../../src/dsl/handles.js';
import type { CodeSystemSpec, ConceptSpec, IncludeSpec, ValueSetSpec } from '../../../src/dsl/terminology.js';
import * as t from '../3.2.0/terminology.js';
import { pkg } from './package.js';

/** The Danish SNOMED CT edition, which 3.4.0 names on designation uses and SNOMED CT includes. */
export const DK_SCT_EDITION = 'http://snomed.info/sct/554471000005108';
const SCT = 'http://snomed.info/sct';
const SCT_COPYRIGHT =
  'This value set includes content from SNOMED CT, which is copyright © 2002+ International Health Terminology Standards Development Organisation (IHTSDO), and distributed by agreement between IHTSDO and HL7. Implementer use of SNOMED CT is not covered by this agreement';

type Designation = NonNullable<ConceptSpec['designation']>[number];
/** 3.4.0 names the Danish edition on every SNOMED CT designation use. */
const editioned = (d: Designation): Designation =>
  d.use?.system === SCT ? { ...d, use: { system: SCT, version: DK_SCT_EDITION, ...(d.use.code ? { code: d.use.code } : {}) } } : d;
function withEditionedDesignations<S extends CodeSystemSpec<string>>(spec: S): S {
  const concept = (c: ConceptSpec): ConceptSpec => ({
    ...c,
    ...(c.designation ? { designation: c.designation.map(editioned) } : {}),
    ...(c.concept ? { concept: c.concept.map(concept) } : {}),
  });
  return { ...spec, concepts: spec.concepts.map(concept) };
}
/** 3.4.0 lists value set codes without their displays. */
const codesOnly = (i: IncludeSpec): IncludeSpec =>
  i.concepts ? { ...i, concepts: i.concepts.map((c) => (typeof c === 'string' ? c : c.code)) } : i;
const withoutDisplays = <S extends ValueSetSpec>(spec: S): S => ({ ...spec, include: spec.include.map(codesOnly) });
const withCopyright = <S extends ValueSetSpec>(spec: S, copyright: string): S => ({ ...spec, extra: { ...spec.extra, copyright } });

// Code systems: unchanged, or with the SNOMED CT edition on their designation uses

export const AddressTypeSpec = withEditionedDesignations(t.AddressTypeSpec);
export const AddressType = defineCodeSystem(pkg, AddressTypeSpec);
export const AddressUseSpec = withEditionedDesignations(t.AddressUseSpec);
export const AddressUse = defineCodeSystem(pkg, AddressUseSpec);
export const AdministrativeGenderDkSupplementSpec = t.AdministrativeGenderDkSupplementSpec;
export const AdministrativeGenderDkSupplement = defineCodeSystem(pkg, AdministrativeGenderDkSupplementSpec);
export const CareTeamStatusSpec = withEditionedDesignations(t.CareTeamStatusSpec);
export const CareTeamStatus = defineCodeSystem(pkg, CareTeamStatusSpec);
export const ConsentStateSpec = withEditionedDesignations(t.ConsentStateSpec);
export const ConsentState = defineCodeSystem(pkg, ConsentStateSpec);
export const DaysOfWeekSpec = withEditionedDesignations(t.DaysOfWeekSpec);
export const DaysOfWeek = defineCodeSystem(pkg, DaysOfWeekSpec);
export const DkCoreDeCPRCodesSpec = t.DkCoreDeCPRCodesSpec;
export const DkCoreDeCPRCodes = defineCodeSystem(pkg, DkCoreDeCPRCodesSpec);
export const EpisodeOfCareStatusSpec = withEditionedDesignations(t.EpisodeOfCareStatusSpec);
export const EpisodeOfCareStatus = defineCodeSystem(pkg, EpisodeOfCareStatusSpec);
export const GreenlandMunicipalityCodesSpec = t.GreenlandMunicipalityCodesSpec;
export const GreenlandMunicipalityCodes = defineCodeSystem(pkg, GreenlandMunicipalityCodesSpec);
export const DkMaritalStatusSpec = t.DkMaritalStatusSpec;
export const DkMaritalStatus = defineCodeSystem(pkg, DkMaritalStatusSpec);
export const MunicipalityCodesCodeSystemSpec = t.MunicipalityCodesCodeSystemSpec;
export const MunicipalityCodesCodeSystem = defineCodeSystem(pkg, MunicipalityCodesCodeSystemSpec);
export const DkCoreProfessionGroupCodesSpec = t.DkCoreProfessionGroupCodesSpec;
export const DkCoreProfessionGroupCodes = defineCodeSystem(pkg, DkCoreProfessionGroupCodesSpec);
export const PublicationStatusSpec = withEditionedDesignations(t.PublicationStatusSpec);
export const PublicationStatus = defineCodeSystem(pkg, PublicationStatusSpec);
export const DKCoreRegionalSubdivisionCodesSpec = t.DKCoreRegionalSubdivisionCodesSpec;
export const DKCoreRegionalSubdivisionCodes = defineCodeSystem(pkg, DKCoreRegionalSubdivisionCodesSpec);
export const RequestStatusSpec = withEditionedDesignations(t.RequestStatusSpec);
export const RequestStatus = defineCodeSystem(pkg, RequestStatusSpec);

/** New code: ECON (emergency contact, [DA] primær kontakt). */
export const RoleCodeDkSupplementSpec = {
  ...t.RoleCodeDkSupplementSpec,
  concepts: [...t.RoleCodeDkSupplementSpec.concepts, { code: 'ECON', designation: [t.da('Primær kontakt')] }],
} as const satisfies CodeSystemSpec<string>;
export const RoleCodeDkSupplement = defineCodeSystem(pkg, RoleCodeDkSupplementSpec);

/** New code: PROCON (professional contact). */
export const DkRelatedPersonRelationshipCodesSpec = {
  ...t.DkRelatedPersonRelationshipCodesSpec,
  concepts: [
    ...t.DkRelatedPersonRelationshipCodesSpec.concepts,
    {
      code: 'PROCON',
      display: 'Professional contact',
      definition: 'A professional acting as a contact of the scoping person.',
      designation: [t.da('Professionel kontakt')],
    },
  ],
} as const satisfies CodeSystemSpec<string>;
export const DkRelatedPersonRelationshipCodes = defineCodeSystem(pkg, DkRelatedPersonRelationshipCodesSpec);

const npuProperty = (code: string, uriCode = code) => ({
  code,
  uri: `https://iupac.org/fhir/npu/concept-properties#${uriCode}`,
  type: 'string' as const,
});
type NpuProperties = Readonly<Record<string, string | boolean>>;
const DATE_PROPERTIES = new Set(['ChangeDate', 'CreatedDate', 'effectiveDate']);
/** An NPU concept: display, Danish designation, and its NPU properties (dates, `status` as code, `inactive` as boolean, others strings). */
const npu = (code: string, display: string, danish: string, properties: NpuProperties) => ({
  code,
  display,
  designation: [t.da(danish)],
  property: Object.entries(properties).map(([p, v]) =>
    typeof v === 'boolean'
      ? { code: p, valueBoolean: v }
      : DATE_PROPERTIES.has(p)
        ? { code: p, valueDateTime: v }
        : p === 'status'
          ? { code: p, valueCode: v }
          : { code: p, valueString: v },
  ),
});

/** New: the fragment of NPU that DK Core's basic observations use (still under the NPU OID in 3.4.0). */
export const DkNpuFragmentSpec = {
  id: 'dk-npu-fragment',
  url: 'urn:oid:1.2.208.176.2.1',
  name: 'NPU',
  title: 'DK NPU Subset',
  experimental: false,
  description: 'DK NPU Subsetted code system used in DK Core. The full version of NPU can be found at http://labterm.dk',
  caseSensitive: false,
  content: 'fragment',
  property: [
    {
      code: 'comment',
      uri: 'http://hl7.org/fhir/concept-properties#comment',
      description: 'A string that provides additional detail pertinent to the use or understanding of the concept',
      type: 'string',
    },
    {
      code: 'effectiveDate',
      uri: 'http://hl7.org/fhir/concept-properties#effectiveDate',
      description: 'The date at which the concept status was last changed',
      type: 'dateTime',
    },
    {
      code: 'status',
      uri: 'http://hl7.org/fhir/concept-properties#status',
      description: 'A code that indicates the status of the concept. Typical values are active, experimental, deprecated, and retired',
      type: 'code',
    },
    {
      code: 'inactive',
      uri: 'http://hl7.org/fhir/concept-properties#inactive',
      description:
        'True if the concept is not considered active - e.g. not a valid concept any more. Property type is boolean, default value is false. Note that the status property may also be used to indicate that a concept is inactive',
      type: 'boolean',
    },
    { ...npuProperty('ChangeDate'), type: 'dateTime' },
    { ...npuProperty('CreatedDate'), type: 'dateTime' },
    npuProperty('System'),
    npuProperty('SysSpec'),
    npuProperty('Component'),
    npuProperty('CompSpec'),
    npuProperty('Kind-of-property'),
    npuProperty('Speciality'),
    npuProperty('Code value', 'Code-value'),
    npuProperty('Scale type', 'Scale-type'),
    npuProperty('Proc'),
    npuProperty('Unit'),
    npuProperty('STATUS'),
  ],
  concepts: [
    npu('NPU03011', 'Hb(Fe; O₂-bind.; aB)—Oxygen(O₂); sat. = ?', 'Hb(Fe; O₂-bind.;aB)—Oxygen(O₂); mætn. = ?', {
      ChangeDate: '2000-12-20T00:00:00+01:00',
      CreatedDate: '1996-12-24T00:00:00+01:00',
      System: 'Hb',
      SysSpec: 'Fe; O₂-bind.;aB',
      Component: 'Oxygen',
      CompSpec: 'O₂',
      'Kind-of-property': 'sat.',
      Speciality: 'CLC',
      'Code value': '3011',
      'Scale type': 'Ratio',
      STATUS: 'ACTIVE',
      effectiveDate: '2000-12-20T00:00:00+01:00',
      status: 'active',
      comment: 'Unit defined',
    }),
    npu(
      'NPU27280',
      'Hb(Fe; O₂-bind.; aB)—Oxygen(O₂); sat.(Pulse oximetry) = ?',
      'Hb(Fe; O₂-bind.;aB)—Oxygen(O₂); mætn.(pulsoximetri) = ?',
      {
        CreatedDate: '2007-11-23T00:00:00+01:00',
        System: 'Hb',
        SysSpec: 'Fe; O₂-bind.;aB',
        Component: 'Oxygen',
        CompSpec: 'O₂',
        'Kind-of-property': 'sat.',
        Proc: 'Pulse oximetry',
        Speciality: 'CLC',
        'Code value': '27280',
        'Scale type': 'Ratio',
        STATUS: 'ACTIVE',
        effectiveDate: '2007-11-23T00:00:00+01:00',
        status: 'active',
        comment: 'Unit defined',
      },
    ),
    npu('NPU04034', 'Pt(spec.)—Blood; temp. = ? °C', 'Pt(spec.)—Blod; temp. = ? °C', {
      CreatedDate: '1996-05-08T00:00:00+02:00',
      System: 'Pt',
      SysSpec: 'spec.',
      Component: 'Blood',
      'Kind-of-property': 'temp.',
      Unit: '°C',
      Speciality: 'CLC',
      'Code value': '4034',
      'Scale type': 'Differential',
      STATUS: 'ACTIVE',
      effectiveDate: '1996-05-08T00:00:00+02:00',
      status: 'active',
      comment: 'Unit defined',
    }),
    npu('NPU08676', 'Pt—Body; temp. = ? °C', 'Pt—Legeme; temp. = ? °C', {
      CreatedDate: '1997-04-15T00:00:00+02:00',
      System: 'Pt',
      Component: 'Body',
      'Kind-of-property': 'temp.',
      Unit: '°C',
      Speciality: 'CLC',
      'Code value': '8676',
      'Scale type': 'Differential',
      STATUS: 'ACTIVE',
      effectiveDate: '1997-04-15T00:00:00+02:00',
      status: 'active',
      comment: 'Unit defined',
    }),
    npu(
      'NPU58033',
      'Artery(spec.)—Blood pressure(systolic); pr.(proc.) = ? mmHg',
      'Arterie(spec.)—Blodtryk(systolisk); tryk(proc.) = ? mmHg',
      {
        ChangeDate: '2021-03-19T00:00:00+01:00',
        CreatedDate: '2017-12-18T00:00:00+01:00',
        System: 'Artery',
        SysSpec: 'spec.',
        Component: 'Blood pressure',
        CompSpec: 'systolic',
        'Kind-of-property': 'pr.',
        Proc: 'proc.',
        Unit: 'mmHg',
        Speciality: 'CLC',
        'Code value': '58033',
        'Scale type': 'Ratio',
        STATUS: 'ACTIVE',
        effectiveDate: '2021-03-19T00:00:00+01:00',
        status: 'deprecated',
        comment: 'Specification changed',
        inactive: true,
      },
    ),
    npu('NPU57947', 'Artery(spec.)—Blood; pr.(systolic; proc.) = ? mmHg', 'Arterie(spec.)—Blod; tryk(systolisk;proc.) = ? mmHg', {
      CreatedDate: '2017-12-05T00:00:00+01:00',
      System: 'Artery',
      SysSpec: 'spec.',
      Component: 'Blood',
      'Kind-of-property': 'pr.',
      Proc: 'systolic;proc.',
      Unit: 'mmHg',
      Speciality: 'CLC',
      'Code value': '57947',
      'Scale type': 'Ratio',
      STATUS: 'ACTIVE',
      effectiveDate: '2017-12-05T00:00:00+01:00',
      status: 'active',
      comment: 'Unit defined',
    }),
    npu(
      'NPU58034',
      'Artery(spec.)—Blood pressure(diastolic); pr.(proc.) = ? mmHg',
      'Arterie(spec.)—Blodtryk(diastolisk); tryk(proc.) = ? mmHg',
      {
        CreatedDate: '2017-12-18T00:00:00+01:00',
        System: 'Artery',
        SysSpec: 'spec.',
        Component: 'Blood pressure',
        CompSpec: 'diastolic',
        'Kind-of-property': 'pr.',
        Proc: 'proc.',
        Unit: 'mmHg',
        Speciality: 'CLC',
        'Code value': '58034',
        'Scale type': 'Ratio',
        STATUS: 'ACTIVE',
        effectiveDate: '2017-12-18T00:00:00+01:00',
        status: 'deprecated',
        comment: 'Specification changed',
        inactive: true,
      },
    ),
    npu('NPU57948', 'Artery(spec.)—Blood; pr.(diastolic; proc.) = ? mmHg', 'Arterie(spec.)—Blod; tryk(diastolisk;proc.) = ? mmHg', {
      CreatedDate: '2017-12-05T00:00:00+01:00',
      System: 'Artery',
      SysSpec: 'spec.',
      Component: 'Blood',
      'Kind-of-property': 'pr.',
      Proc: 'diastolic;proc.',
      Unit: 'mmHg',
      Speciality: 'CLC',
      'Code value': '57948',
      'Scale type': 'Ratio',
      STATUS: 'ACTIVE',
      effectiveDate: '2017-12-05T00:00:00+01:00',
      status: 'active',
      comment: 'Unit defined',
    }),
    npu('NPU21692', 'Heart—Systole; frequency = ? × 1/min', 'Hjerte—Systole; frekv. = ? × 1/min', {
      CreatedDate: '2004-09-29T00:00:00+02:00',
      System: 'Heart',
      Component: 'Systole',
      'Kind-of-property': 'frequency',
      Unit: '× 1/min',
      Speciality: 'FUN',
      'Code value': '21692',
      'Scale type': 'Ratio',
      STATUS: 'ACTIVE',
      effectiveDate: '2004-09-29T00:00:00+02:00',
      status: 'active',
      comment: 'Unit defined',
    }),
    npu('NPU03794', 'Pt—Body; height = ? m', 'Pt—Legeme; højde = ? m', {
      CreatedDate: '1997-04-15T00:00:00+02:00',
      System: 'Pt',
      Component: 'Body',
      'Kind-of-property': 'height',
      Unit: 'm',
      Speciality: 'CLC',
      'Code value': '3794',
      'Scale type': 'Ratio',
      STATUS: 'ACTIVE',
      effectiveDate: '1997-04-15T00:00:00+02:00',
      status: 'active',
      comment: 'Unit defined',
    }),
    npu('NPU03804', 'Pt—Body; mass = ? kg', 'Pt—Legeme; masse = ? kg', {
      CreatedDate: '1996-01-01T00:00:00+01:00',
      System: 'Pt',
      Component: 'Body',
      'Kind-of-property': 'mass',
      Unit: 'kg',
      Speciality: 'CLC',
      'Code value': '3804',
      'Scale type': 'Ratio',
      STATUS: 'ACTIVE',
      effectiveDate: '1996-01-01T00:00:00+01:00',
      status: 'active',
      comment: 'Unit defined',
    }),
    npu(
      'NPU27281',
      'Pt—Body; mass coefficient(mass/squared height) = ? kg/m²',
      'Pt—Legeme; massekoefficient(masse/kvadreret højde) = ? kg/m²',
      {
        ChangeDate: '2007-12-06T00:00:00+01:00',
        CreatedDate: '2007-11-23T00:00:00+01:00',
        System: 'Pt',
        Component: 'Body',
        'Kind-of-property': 'mass coefficient',
        Proc: 'mass/squared height',
        Unit: 'kg/m²',
        Speciality: 'CLC',
        'Code value': '27281',
        'Scale type': 'Ratio',
        STATUS: 'ACTIVE',
        effectiveDate: '2007-12-06T00:00:00+01:00',
        status: 'active',
        comment: 'Unit defined',
      },
    ),
  ],
  extra: {
    copyright:
      'The International Union of Pure and Applied Chemistry (IUPAC) and the International Federation of Clinical Chemistry and laboratory medicine (IFCC)',
  },
} as const satisfies CodeSystemSpec<string>;
export const DkNpuFragment = defineCodeSystem(pkg, DkNpuFragmentSpec);

/** New: Danish translations of the v2 contact roles. */
export const V2ContactRoleDkSupplementSpec = {
  id: 'v2-0131-supplement',
  name: 'v2-0131DkSupplement',
  title: 'DK v2 Contact Role Supplement',
  experimental: false,
  description: 'CodeSystem supplement with danish translations for Contact Role',
  content: 'supplement',
  supplements: 'http://terminology.hl7.org/CodeSystem/v2-0131',
  concepts: [
    { code: 'BP', designation: [t.da('Faktureringskontaktperson')] },
    { code: 'C', designation: [t.da('Nødkontakt')] },
    { code: 'CP', designation: [t.da('Kontaktperson')] },
    { code: 'E', designation: [t.da('Arbejdsgiver')] },
    { code: 'EP', designation: [t.da('Akut kontaktperson')] },
    { code: 'F', designation: [t.da('Føderalt agentur')] },
    { code: 'I', designation: [t.da('Forsikringsselskab')] },
    { code: 'N', designation: [t.da('Pårørende')] },
    { code: 'O', designation: [t.da('Andet')] },
    { code: 'PR', designation: [t.da('Person, der forbereder henvisning')] },
    { code: 'S', designation: [t.da('Statsagentur')] },
    { code: 'U', designation: [t.da('Ukendt')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const V2ContactRoleDkSupplement = defineCodeSystem(pkg, V2ContactRoleDkSupplementSpec);

// Value sets

export const DkCoreDeCPRValueSetSpec = t.DkCoreDeCPRValueSetSpec;
export const DkCoreDeCPRValueSet = defineValueSet(pkg, DkCoreDeCPRValueSetSpec);
export const DkMaritalStatusValueSetSpec = t.DkMaritalStatusValueSetSpec;
export const DkMaritalStatusValueSet = defineValueSet(pkg, DkMaritalStatusValueSetSpec);
export const MunicipalityCodesValueSetSpec = t.MunicipalityCodesValueSetSpec;
export const MunicipalityCodesValueSet = defineValueSet(pkg, MunicipalityCodesValueSetSpec);
export const DkCoreProfessionGroupValueSetSpec = t.DkCoreProfessionGroupValueSetSpec;
export const DkCoreProfessionGroupValueSet = defineValueSet(pkg, DkCoreProfessionGroupValueSetSpec);
export const RegionalSubdivisionCodesSpec = t.RegionalSubdivisionCodesSpec;
export const RegionalSubdivisionCodes = defineValueSet(pkg, RegionalSubdivisionCodesSpec);

/** The IEEE copyright statement spelled out; the SNOMED CT edition on the designation uses. */
export const IEEEBasicObservationSpec = {
  ...t.IEEEBasicObservationSpec,
  include: t.IEEEBasicObservationSpec.include.map((i) => ({
    ...i,
    concepts: i.concepts.map((c) => ({ ...c, designation: c.designation.map(editioned) })),
  })),
  extra: {
    ...t.IEEEBasicObservationSpec.extra,
    copyright:
      'This material contains content from IEEE-SA (https://standards.ieee.org/), copyright © the Insitute of Electrical and Electronics Engineers, Inc.',
  },
} satisfies ValueSetSpec;
export const IEEEBasicObservation = defineValueSet(pkg, IEEEBasicObservationSpec);

export const LoincBasicObservationSpec = withCopyright(
  withoutDisplays(t.LoincBasicObservationSpec),
  'This material contains content from LOINC (http://loinc.org). LOINC is copyright © 1995-2020, Regenstrief Institute, Inc. and the Logical Observation Identifiers Names and Codes (LOINC) Committee and is available at no cost under the license at http://loinc.org/license. LOINC® is a registered United States trademark of Regenstrief Institute, Inc',
);
export const LoincBasicObservation = defineValueSet(pkg, LoincBasicObservationSpec);

export const NPUBasicObservationSpec = withoutDisplays(t.NPUBasicObservationSpec);
export const NPUBasicObservation = defineValueSet(pkg, NPUBasicObservationSpec);

/** Every include pinned to the Danish SNOMED CT edition. */
export const SCTBasicObservationSpec = withCopyright(
  { ...t.SCTBasicObservationSpec, include: t.SCTBasicObservationSpec.include.map((i) => ({ ...i, version: DK_SCT_EDITION })) },
  SCT_COPYRIGHT,
);
export const SCTBasicObservation = defineValueSet(pkg, SCTBasicObservationSpec);

export const TechniquesSCTCodesSpec = withCopyright(
  { ...t.TechniquesSCTCodesSpec, include: t.TechniquesSCTCodesSpec.include.map((i) => ({ ...i, version: DK_SCT_EDITION })) },
  SCT_COPYRIGHT,
);
export const TechniquesSCTCodes = defineValueSet(pkg, TechniquesSCTCodesSpec);

export const UCUMBasicUnitsSpec = withCopyright(
  withoutDisplays(t.UCUMBasicUnitsSpec),
  'This material contains content from UCUM (http://ucum.org). UCUM is copyright © 1999-2024, Regenstrief Institute, Inc. and is available under the license at http://ucum.org/license.',
);
export const UCUMBasicUnits = defineValueSet(pkg, UCUMBasicUnitsSpec);

/** The two includes (Danish edition, international) merged into one on the Danish edition, codes only. */
export const SorOrganizationTypeSpec = {
  ...t.SorOrganizationTypeSpec,
  include: [
    { system: SCT, version: DK_SCT_EDITION, concepts: t.SorOrganizationTypeSpec.include.flatMap((i) => i.concepts.map((c) => c.code)) },
  ],
} satisfies ValueSetSpec;
export const SorOrganizationType = defineValueSet(pkg, SorOrganizationTypeSpec);

/** ECON (emergency contact) added to the RoleCode codes. */
export const RelatedPersonRelationshipTypesSpec = {
  ...t.RelatedPersonRelationshipTypesSpec,
  include: t.RelatedPersonRelationshipTypesSpec.include.map((i) => ('concepts' in i ? { ...i, concepts: [...i.concepts, 'ECON'] } : i)),
} satisfies ValueSetSpec;
export const RelatedPersonRelationshipTypes = defineValueSet(pkg, RelatedPersonRelationshipTypesSpec);

/** New: the patient contact relationships of FHIR and DK Core's related person relationship types together. */
export const ExtendedPatientContactRelationshipSpec = (relatedPersonTypes: ValueSetHandle) =>
  ({
    id: 'extended-patient-contactrelationship',
    name: 'extended-patient-contactrelationship',
    title: 'DK Extended Patient Contact Relationship',
    experimental: false,
    description: 'DK Extended Patient Contact Relationship',
    include: [{ valueSet: ['http://hl7.org/fhir/ValueSet/patient-contactrelationship'] }, { valueSet: [relatedPersonTypes] }],
  }) as const satisfies ValueSetSpec;
export const ExtendedPatientContactRelationship = defineValueSet(
  pkg,
  ExtendedPatientContactRelationshipSpec(RelatedPersonRelationshipTypes),
);

/** New: request priorities without `urgent` and `stat`. */
export const DkCorePriorityCodesSpec = {
  id: 'dk-core-priority-codes',
  name: 'DkCorePriorityCodes',
  title: 'DK priority codes',
  experimental: false,
  description: 'DK Codes for priority',
  include: [{ valueSet: ['http://hl7.org/fhir/ValueSet/request-priority'] }],
  exclude: [{ system: 'http://hl7.org/fhir/request-priority', concepts: ['urgent', 'stat'] }],
} as const satisfies ValueSetSpec;
export const DkCorePriorityCodes = defineValueSet(pkg, DkCorePriorityCodesSpec);

const plain = (value: string) => ({ value });

/** New: Danish healthcare services (medical specialties and municipal services), SNOMED CT with Danish designations. */
export const DkCoreServiceRequestCodesSpec = {
  id: 'dk-core-servicerequest-codes',
  name: 'DkCoreServiceRequestCodes',
  title: 'DK codes for ServiceRequest',
  experimental: false,
  description: 'Value set used to describe Danish healthcare services',
  include: [
    {
      system: SCT,
      version: `${DK_SCT_EDITION}/version/20240331`,
      concepts: [
        { code: '773568002', designation: [t.da('akutmedicin')] },
        { code: '408443003', designation: [t.da('almen medicin')] },
        { code: '394577000', designation: [t.da('anæstesiologi')] },
        { code: '394821009', designation: [plain('arbejdsmedicin')] },
        { code: '394588006', designation: [t.da('børne- og ungdomspsykiatri')] },
        { code: '394582007', designation: [t.da('dermato-venerologi')] },
        { code: '394914008', designation: [t.da('diagnostisk radiologi')] },
        { code: '394583002', designation: [t.da('endokrinologi')] },
        { code: '394811001', designation: [t.da('geriatri')] },
        { code: '394585009', designation: [t.da('gynækologi og obstetrik')] },
        { code: '408472002', designation: [t.da('hepatologi')] },
        { code: '394803006', designation: [t.da('hæmatologi')] },
        { code: '394807007', designation: [t.da('infektionsmedicin')] },
        { code: '419192003', designation: [t.da('intern medicin')] },
        { code: '394579002', designation: [t.da('kardiologi')] },
        { code: '408463005', designation: [t.da('karkirurgi')] },
        { code: '394609007', designation: [t.da('kirurgi')] },
        { code: '551411000005104', designation: [t.da('kirurgisk gastroenterologi')] },
        { code: '394596001', designation: [t.da('klinisk biokemi')] },
        { code: '394600006', designation: [t.da('klinisk farmakologi')] },
        { code: '394601005', designation: [t.da('klinisk fysiologi og nuklearmedicin (snomed:  klinisk fysiologi)')] },
        { code: '394580004', designation: [t.da('klinisk genetik')] },
        { code: '421661004', designation: [t.da('klinisk immunologi')] },
        { code: '408454008', designation: [t.da('klinisk mikrobiologi')] },
        { code: '394809005', designation: [t.da('klinisk neurofysiologi')] },
        { code: '394592004', designation: [t.da('klinisk onkologi')] },
        { code: '418112009', designation: [t.da('lungesygdomme')] },
        { code: '394805004', designation: [t.da('medicinsk allergologi')] },
        { code: '394584008', designation: [t.da('medicinsk gastroenterologi')] },
        { code: '394589003', designation: [t.da('nefrologi')] },
        { code: '394610002', designation: [t.da('neurokirurgi')] },
        { code: '394591006', designation: [t.da('neurologi')] },
        { code: '394812008', designation: [t.da('odontologi (snomed: odontologiske specialer)')] },
        { code: '394594003', designation: [t.da('oftalmologi')] },
        { code: '394608004', designation: [t.da('ortodonti')] },
        { code: '394801008', designation: [t.da('ortopædisk kirurgi')] },
        { code: '394604002', designation: [t.da('oto-rhino-laryngologi')] },
        { code: '394915009', designation: [t.da('patologisk anatomi og cytologi')] },
        { code: '394611003', designation: [t.da('plastikkirurgi')] },
        { code: '394587001', designation: [t.da('psykiatri')] },
        { code: '394537008', designation: [t.da('pædiatri')] },
        { code: '394810000', designation: [t.da('reumatologi')] },
        { code: '394581000', designation: [t.da('samfundsmedicin')] },
        { code: '394605001', designation: [t.da('tand-, mund- og kæbekirurgi')] },
        { code: '394603008', designation: [t.da('thoraxkirurgi')] },
        { code: '408448007', designation: [t.da('tropemedicin')] },
        { code: '394612005', designation: [t.da('urologi')] },
        { code: '658171000005102', designation: [t.da('hjemmepleje')] },
        { code: '658161000005107', designation: [t.da('hjemmesygepleje')] },
        { code: '658151000005105', designation: [t.da('sundhedsfremme og forebyggelse')] },
        { code: '658191000005101', designation: [t.da('sundhedspleje')] },
        { code: '658201000005103', designation: [t.da('kommunal tandpleje')] },
        { code: '658141000005108', designation: [t.da('genoptræning efter hospitalsophold')] },
        { code: '658181000005104', designation: [t.da('hjælpemiddelområdet')] },
        { code: '2903041000005106', designation: [t.da('det kommunale omsorgs-, social- og sundhedsområde')] },
      ],
    },
  ],
  extra: { copyright: SCT_COPYRIGHT },
} as const satisfies ValueSetSpec;
export const DkCoreServiceRequestCodes = defineValueSet(pkg, DkCoreServiceRequestCodesSpec);

/** Every terminology resource of this package. */
export const resources = [
  AddressType,
  AddressUse,
  AdministrativeGenderDkSupplement,
  CareTeamStatus,
  ConsentState,
  IEEEBasicObservation,
  LoincBasicObservation,
  DkMaritalStatusValueSet,
  NPUBasicObservation,
  SCTBasicObservation,
  SorOrganizationType,
  UCUMBasicUnits,
  DkCoreDeCPRValueSet,
  DaysOfWeek,
  DkCoreDeCPRCodes,
  EpisodeOfCareStatus,
  GreenlandMunicipalityCodes,
  DkMaritalStatus,
  MunicipalityCodesValueSet,
  MunicipalityCodesCodeSystem,
  DkCoreProfessionGroupValueSet,
  DkCoreProfessionGroupCodes,
  PublicationStatus,
  RegionalSubdivisionCodes,
  DKCoreRegionalSubdivisionCodes,
  DkRelatedPersonRelationshipCodes,
  RelatedPersonRelationshipTypes,
  RequestStatus,
  RoleCodeDkSupplement,
  TechniquesSCTCodes,
  DkNpuFragment,
  V2ContactRoleDkSupplement,
  ExtendedPatientContactRelationship,
  DkCorePriorityCodes,
  DkCoreServiceRequestCodes,
];
