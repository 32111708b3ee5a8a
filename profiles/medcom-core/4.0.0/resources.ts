import { defineInvariant, defineProfile, R4, Reference, required } from '../../../src/dsl/index.js';
import { DkCoreObservation } from '../../hl7-dk-core/3.5.0/observation.js';
import { DkCoreOrganization } from '../../hl7-dk-core/3.5.0/organization.js';
import { DkCorePatient } from '../../hl7-dk-core/3.5.0/patient.js';
import { DkCorePractitionerRole } from '../../hl7-dk-core/3.5.0/practitioner-role.js';
import { DkCorePractitioner } from '../../hl7-dk-core/3.5.0/practitioner.js';
import { DkCoreRelatedPerson } from '../../hl7-dk-core/3.5.0/related-person.js';
import * as v240 from '../2.4.0/resources.js';
import {
  MedComCoreDiagnosticReportStatus,
  MedComCoreObservationStatus,
  MedComDiagnosticReportCodesValueset,
} from '../../medcom-terminology/2.0.2/valuesets.js';
import { Lpr3Identifier } from './datatypes.js';
import { MedComObservationValueAttachmentExtension } from './extensions.js';
import { pkg } from './package.js';

const CORE = 'http://medcomfhir.dk/ig/core/StructureDefinition/';

/**
 * New in 4.0.0 on every resource profile: the id is mandatory (it is used in the narrative) and the
 * narrative is mandatory.
 */
const narrative = {
  id: { card: '1..', ms: true },
  text: { card: '1..', ms: true, short: 'The narrative text SHALL always be included when exchanging a MedCom FHIR Bundle.' },
  'text.status': { ms: true },
  'text.div': { ms: true },
} as const;

export const MedComCoreOrganization = defineProfile(pkg, DkCoreOrganization, {
  id: 'medcom-core-organization',
  name: 'MedComCoreOrganization',
  description:
    'A formally recognized organizations within danish healthcare, registered with a SOR identifier issued by The Danish Health Data Authority',
  elements: {
    ...narrative,
    ...v240.organizationElements,
    'identifier[SOR-ID].system': { ms: true },
    'identifier[SOR-ID].value': { ms: true },
  },
});

/* Patient: telecom (no longer the messaging ContactPoint profile), deceased[x] and address lose their MS flags. */
const {
  telecom: _telecom,
  'deceased[x]': _deceased,
  address: _address,
  'address.line': _line,
  'address.city': _city,
  'address.postalCode': _postalCode,
  ...patient240
} = v240.patientElements({ organization: MedComCoreOrganization, contactPoint: R4.ContactPoint });

export const MedComCorePatient = defineProfile(pkg, DkCorePatient, {
  id: 'medcom-core-patient',
  name: 'MedComCorePatient',
  description: 'Patient/citizen resource to use as subject in MedCom communication.',
  elements: {
    ...narrative,
    ...patient240,
    'identifier[cpr].system': { ms: true },
    'identifier[cpr].value': { ms: true },
    'identifier[x-ecpr].system': { ms: true },
    'identifier[x-ecpr].value': { ms: true },
    'identifier[d-ecpr].system': { ms: true },
    'identifier[d-ecpr].value': { ms: true },
    'name[official].use': { ms: true },
  },
});

export const MedComCorePractitioner = defineProfile(pkg, DkCorePractitioner, {
  id: 'medcom-core-practitioner',
  name: 'MedComCorePractitioner',
  description: 'Practitioner resource is used to describe a healthcare professional or another actor involved in citizen or patient care.',
  elements: {
    ...narrative,
    ...v240.practitionerElements,
    'name.family': { ms: true },
    'name.given': { ms: true },
  },
});

export const medcomCorePractitionerroleCodeXorText = defineInvariant({
  key: 'medcom-core-practitionerrole-code-xor-text',
  severity: 'error',
  human: 'There shall exist a practitioner role code.coding or text if code is present.',
  expression: 'code.exists() implies (code.coding.where(system.exists() and code.exists()).exists() xor code.text.exists())',
  focus: 'PractitionerRole',
  examples: {
    pass: [
      { resourceType: 'PractitionerRole' },
      { resourceType: 'PractitionerRole', code: [{ coding: [{ system: 'urn:oid:1.2.208.176.2.4', code: 'laege' }] }] },
      { resourceType: 'PractitionerRole', code: [{ text: 'Praktiserende læge' }] },
    ],
    fail: [
      { resourceType: 'PractitionerRole', code: [{ coding: [{ system: 'urn:oid:1.2.208.176.2.4', code: 'laege' }], text: 'Læge' }] },
      { resourceType: 'PractitionerRole', code: [{ coding: [{ code: 'laege' }] }] },
    ],
  },
});

/* PractitionerRole: now on DK Core's dk-core-practitioner-role; organization is mandatory; the role code xor text. */
const practitionerRole240 = v240.practitionerRoleElements({ practitioner: MedComCorePractitioner, organization: MedComCoreOrganization });

export const MedComCorePractitionerRole = defineProfile(pkg, DkCorePractitionerRole, {
  id: 'medcom-core-practitionerrole',
  name: 'MedComCorePractitionerRole',
  description:
    'PractitionerRole resource used to describe the role of a healthcare professional or another actor involved in  citizen or patient care.',
  obeys: [medcomCorePractitionerroleCodeXorText],
  elements: {
    ...narrative,
    ...practitionerRole240,
    organization: { ...practitionerRole240.organization, card: '1..' },
    'code.coding.system': { card: '1..', ms: true },
    'code.coding.code': { card: '1..', ms: true },
  },
});

/* CareTeam: the managing organization is mandatory. */
const careTeam240 = v240.careTeamElements({ organization: MedComCoreOrganization });

export const MedComCoreCareTeam = defineProfile(pkg, R4.CareTeam, {
  id: 'medcom-core-careteam',
  name: 'MedComCoreCareTeam',
  description: 'Careteam participating in the care of a patient',
  elements: {
    ...narrative,
    ...careTeam240,
    managingOrganization: { ...careTeam240.managingOrganization, card: '1..1' },
  },
});

/*
 * Observation: gains the valueAttachment extension slice and a mandatory performer; loses the
 * effectiveDateTime type slice, the MS flags on the code slices and on note.
 */
export const MedComCoreObservation = defineProfile(pkg, DkCoreObservation, {
  id: 'medcom-core-observation',
  name: 'MedComCoreObservation',
  title: 'MedComCoreObservation',
  description: 'Observation profile.',
  elements: {
    ...narrative,
    extension: {
      slicing: { discriminator: [{ type: 'value', path: 'url' }], ordered: false, rules: 'open' },
      extensions: { valueAttachment: { extension: MedComObservationValueAttachmentExtension, card: '0..*' } },
    },
    status: {
      ms: true,
      short: 'registered | partial | preliminary | final | corrected | cancelled | entered-in-error',
      binding: required(MedComCoreObservationStatus),
    },
    code: { ms: true },
    subject: { ms: true, only: [Reference(MedComCorePatient).bundled()] },
    'effective[x]': { short: 'The date and time of the observation.' },
    performer: {
      card: '1..',
      ms: true,
      only: [
        Reference(
          MedComCoreOrganization,
          MedComCorePractitioner,
          MedComCorePractitionerRole,
          MedComCoreCareTeam,
          MedComCorePatient,
          DkCoreRelatedPerson,
        ),
      ],
    },
  },
});

/* DiagnosticReport: issued is optional again; performer, result, media lose MS; performer and resultsInterpreter get targets. */
export const MedComCoreDiagnosticReport = defineProfile(pkg, R4.DiagnosticReport, {
  id: 'medcom-core-diagnosticreport',
  name: 'MedComCoreDiagnosticReport',
  title: 'MedComCoreDiagnosticReport',
  description: 'Report containing all observation results.',
  elements: {
    ...narrative,
    status: {
      ms: true,
      short: 'registered | partial | preliminary | final | corrected | cancelled | entered-in-error',
      binding: required(MedComCoreDiagnosticReportStatus),
    },
    code: { ms: true, binding: required(MedComDiagnosticReportCodesValueset) },
    subject: { card: '1..', ms: true, only: [Reference(MedComCorePatient).bundled()] },
    performer: { only: [Reference(MedComCorePractitioner, MedComCorePractitionerRole, MedComCoreCareTeam)] },
    resultsInterpreter: {
      only: [Reference(MedComCorePractitioner, MedComCorePractitionerRole, MedComCoreOrganization, MedComCoreCareTeam)],
    },
    result: { only: [Reference(MedComCoreObservation).bundled()] },
    media: { short: "Attachments that are relevant for assessment of the patient's condition." },
    'media.link': { only: [Reference(`${CORE}medcom-core-media`)] },
  },
});

/*
 * Encounter: the episode of care identifier needs system and value. (Stated inside episodeOfCare:
 * the 2026 publisher copies the lpr3identifier slice from this profile's episodeOfCare, children
 * included, so they must be constrained before the slice is made.)
 */
const encounter240 = v240.encounterElements({
  patient: MedComCorePatient,
  organization: MedComCoreOrganization,
  lpr3Identifier: Lpr3Identifier,
});

export const MedComCoreEncounter = defineProfile(pkg, R4.Encounter, {
  id: 'medcom-core-encounter',
  name: 'MedComCoreEncounter',
  description:
    'An interaction between a patient/citizen and healthcare provider(s) for the purpose of providing healthcare service(s) or assessing the health status of a patient/citizen.',
  elements: {
    ...narrative,
    ...encounter240,
    episodeOfCare: {
      ...encounter240.episodeOfCare,
      elements: {
        ...encounter240.episodeOfCare.elements,
        'identifier.system': { card: '1..', ms: true },
        'identifier.value': { card: '1..', ms: true },
      },
    },
  },
});

/*
 * Media: no longer requires an assigned identifier, title, creation time or a MIME type from the
 * MedCom value set; the HomeCare invariants medcom-homecareReport-5/6 are gone; the operator may be
 * any MedCom actor.
 */
export const MedComCoreMedia = defineProfile(pkg, R4.Media, {
  id: 'medcom-core-media',
  name: 'MedComCoreMedia',
  title: 'MedComMedia',
  description: 'Profile to capture relevant images,audio, video and document as part of the healthcare process',
  elements: {
    ...narrative,
    status: { ms: true },
    operator: {
      only: [
        Reference(
          MedComCorePractitioner,
          MedComCorePractitionerRole,
          MedComCoreOrganization,
          MedComCoreCareTeam,
          MedComCorePatient,
          R4.Device,
          DkCoreRelatedPerson,
        ),
      ],
    },
    content: { ms: true },
  },
});
