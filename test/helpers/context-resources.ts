/**
 * MedCom's HCO DiagnosticReport example and the resources its performers reference (an Organization and a
 * PractitionerRole, whose practitioner is a Practitioner): what `--context` tests give a standalone report to resolve
 * its references in (test/validator/references/context.test.ts through the API, test/cli/context.test.ts through the
 * CLI). Each call makes a new object.
 */
import type { Json } from '../../src/util/json.js';

export const HCO_REPORT = 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-diagnosticreport';
export const ORG = 'a0330c62-fe29-4719-83fa-a94959084f29';
export const ROLE = '4b3b6f0f-a475-4b04-8a92-105e8ce6a7bf';
export const PRACTITIONER = 'be9f367d-a84a-4815-90a8-c83a03813fd8';

/** A MedCom producer Organization. */
export const organization = (id = ORG): Json => ({
  resourceType: 'Organization',
  id,
  meta: { profile: ['http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-producer-organization'] },
  identifier: [
    { system: 'https://www.gs1.org/gln', value: '5790000123117' },
    { system: 'urn:oid:1.2.208.176.1.1', value: '1144561000016002' },
    { system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/MedComProducentID', value: 'KAF' },
  ],
  name: 'Pleje og Rehabilitering',
});

/** A MedCom Core PractitionerRole (a nurse) whose practitioner is `Practitioner/<PRACTITIONER>`. */
export const role = (): Json => ({
  resourceType: 'PractitionerRole',
  id: ROLE,
  meta: { profile: ['http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitionerrole'] },
  practitioner: { reference: `Practitioner/${PRACTITIONER}` },
  code: [
    {
      coding: [
        { system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-PractitionerRolesSKSadministrativ', code: 'sygeplejerske' },
      ],
    },
  ],
});

/** A MedCom Core Practitioner. */
export const practitioner = (): Json => ({
  resourceType: 'Practitioner',
  id: PRACTITIONER,
  meta: { profile: ['http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner'] },
  name: [{ given: ['Mia'] }],
  telecom: [{ system: 'phone', value: '+45 05577668' }],
});

/**
 * MedCom's HCO DiagnosticReport example, whose performer slicing discriminates on resolve() (profile), with the
 * performers given (default: the Organization and the PractitionerRole above); `extra` is added at the end.
 */
export const hcoReport = (performer: string[] = [`Organization/${ORG}`, `PractitionerRole/${ROLE}`], extra: Json = {}): Json => ({
  resourceType: 'DiagnosticReport',
  id: '4f013d3a-575c-447d-83e1-7a5fb7f7b0de',
  meta: { profile: [HCO_REPORT] },
  text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">report</div>' },
  status: 'final',
  code: { coding: [{ system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/MedComDiagnosticReportCodes', code: 'HomeCareReport' }] },
  subject: { reference: 'Patient/bbcd4817-1c4b-4089-a712-346f65ec16f9' },
  issued: '2023-09-12T13:00:00+02:00',
  performer: performer.map((reference) => ({ reference })),
  ...extra,
});
