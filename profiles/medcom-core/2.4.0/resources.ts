import type { StructureHandle } from '../../../src/dsl/handles.js';
import { defineInvariant, defineProfile, example, inContext, R4, Reference, required, slicing } from '../../../src/dsl/index.js';
import { DkCoreObservation } from '../../hl7-dk-core/3.2.0/observation.js';
import { DkCoreOrganization } from '../../hl7-dk-core/3.2.0/organization.js';
import { DkCorePatient } from '../../hl7-dk-core/3.2.0/patient.js';
import { DkCorePractitioner } from '../../hl7-dk-core/3.2.0/practitioner.js';
import { Lpr3Identifier, MedComAssignedIdentifier, MedComMessagingContactPoint } from './datatypes.js';
import { pkg } from './package.js';
import {
  MedComCoreAttachmentMimeTypes,
  MedComCoreDiagnosticReportStatus,
  MedComCoreEncounterClass,
  MedComCoreObservationStatus,
  MedComCorePractitionerRoles,
  MedComDiagnosticReportCodesValueset,
} from './terminology.js';

const CORE = 'http://medcomfhir.dk/ig/core/StructureDefinition/';

/*
 * The element specs of the profiles below are exported (as factories of the handles they point at)
 * so that MedCom Core 4.0.0 can import them and state only what changed.
 */

export const organizationElements = {
  'identifier[SOR-ID]': { card: '1..', ms: true, isSummary: true, short: 'Sundhedsvæsenets Organisationsregister (SOR) identifier' },
  name: { ms: true, definition: 'Name of the organization. Shall be present if known by the sender.' },
} as const;

export const MedComCoreOrganization = defineProfile(pkg, DkCoreOrganization, {
  id: 'medcom-core-organization',
  name: 'MedComCoreOrganization',
  description:
    'A formally recognized organizations within danish healthcare, registered with a SOR identifier issued by The Danish Health Data Authority',
  elements: organizationElements,
});

export const patientElements = (h: { organization: StructureHandle; contactPoint: StructureHandle }) =>
  ({
    identifier: { ms: true },
    'identifier[cpr]': {
      ms: true,
      isSummary: true,
      short: 'Unique identification number for all citizens in Denmark, called civil person register (CPR-number).',
    },
    'identifier[x-ecpr]': { ms: true, isSummary: true },
    'identifier[d-ecpr]': { ms: true, isSummary: true },
    name: { card: '1..', ms: true },
    'name[official]': { card: '1..', ms: true },
    'name[official].family': { ms: true, definition: 'Shall always be present, danish "efternavn". ' },
    'name[official].given': {
      ms: true,
      definition: 'Shall be present if the official given name of the patient is known, danish "fornavn". ',
    },
    telecom: { ms: true, only: [h.contactPoint], definition: 'Shall contain value, system and use if these information are known.' },
    'deceased[x]': {
      ms: true,
      short: 'Shall only be sent if the patient is deceased or the status change from deceased to non-deceased',
      definition: 'Shall contain information if the patient is deceased and it is relevant in the given context',
    },
    address: { ms: true, definition: 'Shall contain all known, relevant addresses of the patient' },
    'address.line': {
      ms: true,
      definition: 'Shall contain the known information about the street name, number etc. to provide an exact address',
    },
    'address.city': { ms: true, definition: 'Shall be present if the city is known' },
    'address.postalCode': { ms: true, definition: 'Shall be present if the postal code is known' },
    managingOrganization: {
      only: [Reference(h.organization).bundled()],
      definition:
        'Organization that is the custodian of the patient record. This can e.g. be the sender of a message or responsable for the patients treatment. One of these organizations will always be included in the bundle, why this element is not mandatory to include.',
    },
  }) as const;

export const MedComCorePatient = defineProfile(pkg, DkCorePatient, {
  id: 'medcom-core-patient',
  name: 'MedComCorePatient',
  description: 'Patient/citizen resource to use as subject in MedCom communication.',
  elements: patientElements({ organization: MedComCoreOrganization, contactPoint: MedComMessagingContactPoint }),
});

export const practitionerElements = { name: { ms: true } } as const;

export const MedComCorePractitioner = defineProfile(pkg, DkCorePractitioner, {
  id: 'medcom-core-practitioner',
  name: 'MedComCorePractitioner',
  description: 'Practitioner resource is used to describe a healthcare professional or another actor involved in citizen or patient care.',
  elements: practitionerElements,
});

export const practitionerRoleElements = (h: { practitioner: StructureHandle; organization: StructureHandle }) =>
  ({
    practitioner: { ms: true, only: [Reference(h.practitioner)] },
    organization: { ms: true, only: [Reference(h.organization).bundled()] },
    code: { ms: true, binding: example(MedComCorePractitionerRoles) },
    'code.coding': { ms: true },
    'code.text': { ms: true },
  }) as const;

export const MedComCorePractitionerRole = defineProfile(pkg, R4.PractitionerRole, {
  id: 'medcom-core-practitionerrole',
  name: 'MedComCorePractitionerRole',
  description:
    'PractitionerRole resource used to describe the role of a healthcare professional or another actor involved in  citizen or patient care.',
  elements: practitionerRoleElements({ practitioner: MedComCorePractitioner, organization: MedComCoreOrganization }),
});

export const careTeamElements = (h: { organization: StructureHandle }) =>
  ({
    name: { card: '1..', ms: true },
    managingOrganization: { card: '..1', ms: true, only: [Reference(h.organization).bundled()] },
  }) as const;

export const MedComCoreCareTeam = defineProfile(pkg, R4.CareTeam, {
  id: 'medcom-core-careteam',
  name: 'MedComCoreCareTeam',
  description: 'Careteam participating in the care of a patient',
  elements: careTeamElements({ organization: MedComCoreOrganization }),
});

export const MedComCoreObservation = defineProfile(pkg, DkCoreObservation, {
  id: 'medcom-core-observation',
  name: 'MedComCoreObservation',
  title: 'MedComCoreObservation',
  description: "Observation profile intended to be used in MedComHomeCareObservation and MedCom's Laboratory standards.",
  elements: {
    status: {
      ms: true,
      short: 'registered | partial | preliminary | final | corrected | cancelled | entered-in-error',
      binding: required(MedComCoreObservationStatus),
    },
    code: { ms: true },
    'code.coding.system': { ms: true },
    'code.coding.code': { ms: true },
    'code.coding[LOINC].system': { ms: true },
    'code.coding[LOINC].code': { ms: true },
    'code.coding[SNOMEDCT].system': { ms: true },
    'code.coding[SNOMEDCT].code': { ms: true },
    'code.coding[NPU].system': { ms: true },
    'code.coding[NPU].code': { ms: true },
    'code.coding[IEEE].system': { ms: true },
    'code.coding[IEEE].code': { ms: true },
    'code.coding[MedCom].system': { ms: true },
    'code.coding[MedCom].code': { ms: true },
    'code.coding[SKS].system': { ms: true },
    'code.coding[SKS].code': { ms: true },
    subject: { ms: true, only: [Reference(MedComCorePatient).bundled()] },
    'effective[x]': { slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
    effectiveDateTime: {
      card: '0..1',
      ms: true,
      only: ['dateTime'],
      short: 'The date and time the sample was taken (Danish: prøvetegningstidspunkt).',
    },
    note: { ms: true, short: 'A comment on the individual result (Danish: Analysekommentar)' },
  },
});

export const MedComCoreDiagnosticReport = defineProfile(pkg, R4.DiagnosticReport, {
  id: 'medcom-core-diagnosticreport',
  name: 'MedComCoreDiagnosticReport',
  title: 'MedComCoreDiagnosticReport',
  description: 'Report containing all observation results.',
  elements: {
    status: {
      ms: true,
      short: 'registered | partial | preliminary | final | corrected | cancelled | entered-in-error',
      binding: required(MedComCoreDiagnosticReportStatus),
    },
    code: { ms: true, binding: required(MedComDiagnosticReportCodesValueset) },
    subject: { card: '1..', ms: true, only: [Reference(MedComCorePatient).bundled()] },
    issued: { card: '1..', ms: true },
    performer: { ms: true },
    result: { ms: true, only: [Reference(MedComCoreObservation).bundled()] },
    media: { ms: true, short: "Attachments that are relevant for assessment of the patient's condition." },
    'media.link': { ms: true, only: [Reference(`${CORE}medcom-core-media`)] },
    conclusion: { ms: true, short: 'A comment relevant for all observations in the report.' },
  },
});

export const encounterElements = (h: { patient: StructureHandle; organization: StructureHandle; lpr3Identifier: StructureHandle }) =>
  ({
    status: { ms: true },
    class: { ms: true, binding: required(MedComCoreEncounterClass) },
    subject: { card: '1..', ms: true, only: [Reference(h.patient).bundled()] },
    episodeOfCare: {
      ms: true,
      slicing: slicing.value('identifier.system'),
      elements: { identifier: { ms: true } },
      slices: {
        lpr3identifier: {
          card: '0..1',
          ms: true,
          definition: 'Shall contain the episode of care if reported to the Danish National Patient Registry',
          elements: {
            identifier: {
              card: '1..',
              only: [h.lpr3Identifier],
              definition: 'Shall contain the id of the episode of care reported to the Danish National Patient Registry if known',
            },
          },
        },
      },
    },
    account: { card: '..0' },
    serviceProvider: { ms: true, only: [Reference(h.organization).bundled()] },
  }) as const;

export const MedComCoreEncounter = defineProfile(pkg, R4.Encounter, {
  id: 'medcom-core-encounter',
  name: 'MedComCoreEncounter',
  description:
    'An interaction between a patient/citizen and healthcare provider(s) for the purpose of providing healthcare service(s) or assessing the health status of a patient/citizen.',
  elements: encounterElements({ patient: MedComCorePatient, organization: MedComCoreOrganization, lpr3Identifier: Lpr3Identifier }),
});

const practitionerRoleMedia = (role: object, practitioner: object): object => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:6f1c2a3b-0000-4000-8000-000000000001',
      resource: {
        resourceType: 'Media',
        status: 'completed',
        content: {},
        operator: { reference: 'urn:uuid:6f1c2a3b-0000-4000-8000-000000000002' },
      },
    },
    {
      fullUrl: 'urn:uuid:6f1c2a3b-0000-4000-8000-000000000002',
      resource: { resourceType: 'PractitionerRole', ...role, practitioner: { reference: 'urn:uuid:6f1c2a3b-0000-4000-8000-000000000003' } },
    },
    { fullUrl: 'urn:uuid:6f1c2a3b-0000-4000-8000-000000000003', resource: { resourceType: 'Practitioner', ...practitioner } },
  ],
});

export const medcomHomecareReport5 = defineInvariant({
  key: 'medcom-homecareReport-5',
  severity: 'error',
  human: 'There shall exist a practitioner role when using a PractitionerRole as author of the attached file .',
  expression: 'reference.resolve().code.coding.code.exists()',
  focus: 'Media.operator',
  examples: {
    pass: [
      inContext(
        practitionerRoleMedia({ code: [{ coding: [{ code: 'sygeplejerske' }] }] }, {}) as { resourceType: string },
        'entry[0].resource.operator',
      ),
    ],
    fail: [inContext(practitionerRoleMedia({}, {}) as { resourceType: string }, 'entry[0].resource.operator')],
  },
});

export const medcomHomecareReport6 = defineInvariant({
  key: 'medcom-homecareReport-6',
  severity: 'error',
  human: 'There shall exist a name of the healtcare worker that performed the observations, as author of the attached file .',
  expression: 'reference.resolve().practitioner.resolve().name.exists()',
  focus: 'Media.operator',
  examples: {
    pass: [
      inContext(practitionerRoleMedia({}, { name: [{ family: 'Hansen' }] }) as { resourceType: string }, 'entry[0].resource.operator'),
    ],
    fail: [inContext(practitionerRoleMedia({}, {}) as { resourceType: string }, 'entry[0].resource.operator')],
  },
});

export const MedComCoreMedia = defineProfile(pkg, R4.Media, {
  id: 'medcom-core-media',
  name: 'MedComCoreMedia',
  title: 'MedComMedia',
  description: 'Profile to capture relevant images,audio, video and document as part of the healthcare process',
  elements: {
    identifier: { card: '1..1', ms: true, only: [MedComAssignedIdentifier] },
    status: { ms: true },
    operator: {
      ms: true,
      only: [Reference(MedComCorePractitioner, MedComCorePractitionerRole)],
      obeys: [medcomHomecareReport5, medcomHomecareReport6],
    },
    'content.contentType': { ms: true, binding: required(MedComCoreAttachmentMimeTypes) },
    'content.data': { ms: true },
    'content.title': { card: '1..', ms: true },
    'content.creation': { card: '1..', ms: true },
  },
});
