import { defineCodeSystem, defineValueSet } from '../../../src/dsl/index.js';
import type { CodeSystemSpec, IncludeSpec, ValueSetSpec } from '../../../src/dsl/terminology.js';
import * as t from '../3.4.0/terminology.js';
import { pkg } from './package.js';

const withoutDisplays = <S extends ValueSetSpec>(spec: S): S => ({
  ...spec,
  include: spec.include.map((i: IncludeSpec) =>
    i.concepts ? { ...i, concepts: i.concepts.map((c) => (typeof c === 'string' ? c : { ...c, display: undefined })) } : i,
  ),
});

// Code systems

export const AddressType = defineCodeSystem(pkg, t.AddressTypeSpec);
export const AddressUse = defineCodeSystem(pkg, t.AddressUseSpec);
export const AdministrativeGenderDkSupplement = defineCodeSystem(pkg, t.AdministrativeGenderDkSupplementSpec);
export const CareTeamStatus = defineCodeSystem(pkg, t.CareTeamStatusSpec);
export const ConsentState = defineCodeSystem(pkg, t.ConsentStateSpec);
export const DaysOfWeek = defineCodeSystem(pkg, t.DaysOfWeekSpec);
export const DkCoreDeCPRCodes = defineCodeSystem(pkg, t.DkCoreDeCPRCodesSpec);
export const EpisodeOfCareStatus = defineCodeSystem(pkg, t.EpisodeOfCareStatusSpec);
export const GreenlandMunicipalityCodes = defineCodeSystem(pkg, t.GreenlandMunicipalityCodesSpec);
export const DkMaritalStatus = defineCodeSystem(pkg, t.DkMaritalStatusSpec);
export const MunicipalityCodesCodeSystem = defineCodeSystem(pkg, t.MunicipalityCodesCodeSystemSpec);
export const DkCoreProfessionGroupCodes = defineCodeSystem(pkg, t.DkCoreProfessionGroupCodesSpec);
export const PublicationStatus = defineCodeSystem(pkg, t.PublicationStatusSpec);
export const DKCoreRegionalSubdivisionCodes = defineCodeSystem(pkg, t.DKCoreRegionalSubdivisionCodesSpec);
export const RequestStatus = defineCodeSystem(pkg, t.RequestStatusSpec);
export const RoleCodeDkSupplement = defineCodeSystem(pkg, t.RoleCodeDkSupplementSpec);
export const DkRelatedPersonRelationshipCodes = defineCodeSystem(pkg, t.DkRelatedPersonRelationshipCodesSpec);
export const V2ContactRoleDkSupplement = defineCodeSystem(pkg, t.V2ContactRoleDkSupplementSpec);

/** NPU moves from its OID to http://npu-terminology.org (the OID kept as an identifier), case-sensitive, with NPU's licence. */
export const DkNpuFragmentSpec = {
  ...t.DkNpuFragmentSpec,
  url: 'http://npu-terminology.org',
  title: 'Nomenclature for Properties and Units (NPU) - Fragment for DK Core',
  description: 'Fragment of the NPU code system used in DK Core. The full version of NPU can be found at http://labterm.dk',
  identifier: [{ system: 'urn:ietf:rfc:3986', value: 'urn:oid:1.2.208.176.9.1' }],
  caseSensitive: true,
  extra: { copyright: 'https://cms.npu-terminology.org/wp-content/uploads/2024/06/NPU-License-Terms-of-Use.pdf' },
} as const satisfies CodeSystemSpec<string>;
export const DkNpuFragment = defineCodeSystem(pkg, DkNpuFragmentSpec);

// Value sets

export const DkCoreDeCPRValueSet = defineValueSet(pkg, t.DkCoreDeCPRValueSetSpec);
export const DkMaritalStatusValueSet = defineValueSet(pkg, t.DkMaritalStatusValueSetSpec);
export const MunicipalityCodesValueSet = defineValueSet(pkg, t.MunicipalityCodesValueSetSpec);
export const DkCoreProfessionGroupValueSet = defineValueSet(pkg, t.DkCoreProfessionGroupValueSetSpec);
export const RegionalSubdivisionCodes = defineValueSet(pkg, t.RegionalSubdivisionCodesSpec);
export const LoincBasicObservation = defineValueSet(pkg, t.LoincBasicObservationSpec);
export const SCTBasicObservation = defineValueSet(pkg, t.SCTBasicObservationSpec);
export const UCUMBasicUnits = defineValueSet(pkg, t.UCUMBasicUnitsSpec);
export const SorOrganizationType = defineValueSet(pkg, t.SorOrganizationTypeSpec);
export const RelatedPersonRelationshipTypes = defineValueSet(pkg, t.RelatedPersonRelationshipTypesSpec);

/** Displays dropped (the designations stay). */
/** 3.5.0 also names the body mass index in its designation: "… in meters (BMI)." */
const bmiNamed = <S extends ValueSetSpec>(spec: S): S => ({
  ...spec,
  include: spec.include.map((i: IncludeSpec) =>
    i.concepts
      ? {
          ...i,
          concepts: i.concepts.map((c) =>
            typeof c === 'string' || c.code !== '188752'
              ? c
              : {
                  ...c,
                  designation: c.designation?.map((d) => ({ ...d, value: d.value.replace(/in meters\.$/, 'in meters (BMI).') })),
                },
          ),
        }
      : i,
  ),
});
export const IEEEBasicObservation = defineValueSet(pkg, bmiNamed(withoutDisplays(t.IEEEBasicObservationSpec)));
export const TechniquesSCTCodes = defineValueSet(pkg, withoutDisplays(t.TechniquesSCTCodesSpec));

/** On the new NPU system; the two deprecated blood pressure codes (NPU58033, NPU58034) are gone. */
export const NPUBasicObservation = defineValueSet(pkg, {
  ...t.NPUBasicObservationSpec,
  include: t.NPUBasicObservationSpec.include.map((i) => ({
    ...i,
    system: DkNpuFragment.url,
    concepts: (i.concepts ?? []).filter((c) => !['NPU58033', 'NPU58034'].includes(typeof c === 'string' ? c : c.code)),
  })),
});

export const ExtendedPatientContactRelationship = defineValueSet(
  pkg,
  t.ExtendedPatientContactRelationshipSpec(RelatedPersonRelationshipTypes),
);
export const DkCorePriorityCodes = defineValueSet(pkg, t.DkCorePriorityCodesSpec);

/** On the Danish edition, no longer a dated version of it. */
export const DkCoreServiceRequestCodesSpec = {
  ...t.DkCoreServiceRequestCodesSpec,
  include: t.DkCoreServiceRequestCodesSpec.include.map((i) => ({ ...i, version: t.DK_SCT_EDITION })),
} satisfies ValueSetSpec;
export const DkCoreServiceRequestCodes = defineValueSet(pkg, DkCoreServiceRequestCodesSpec);

/** New: SOR's clinical specialties for a document's practice setting (the service request codes without the municipal care area). */
export const DkCorePracticeSettingCode = defineValueSet(pkg, {
  id: 'dk-core-practice-setting-code',
  name: 'SorPracticeSettingCode',
  title: 'DK SOR Practice Setting Code',
  experimental: false,
  description:
    "Values used for the document metadata attribute practiceSettingCode, which is an attribute specifying the clinical specialty where the act that resulted in the document was performed (e.g., Family Practice, Laboratory, Radiology). The value set is based on a subset of the code list from the SOR lookup table 'SOR-Kliniske specialer' (https://sor.sum.dsdn.dk/lookupdata/#clinical_speciality, accessable on Sundhedsdatanettet (SDN)), which is based on SNOMED CT codes.",
  include: [
    {
      system: 'http://snomed.info/sct',
      version: t.DK_SCT_EDITION,
      concepts: t.DkCoreServiceRequestCodesSpec.include[0].concepts.map((c) => c.code).filter((c) => c !== '2903041000005106'),
    },
  ],
});

/** New: encounter priorities (acute, elective). */
export const DkCoreEncounterPriority = defineValueSet(pkg, {
  id: 'dk-core-encounter-priority',
  name: 'DkCoreEncounterPriority',
  title: 'DK priority codes for encounters',
  experimental: false,
  description: 'Value set used for indicating priority of an encounter',
  include: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActPriority', concepts: ['A', 'EL'] }],
});

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
  DkCorePracticeSettingCode,
  DkCoreEncounterPriority,
];
