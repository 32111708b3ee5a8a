import type { StructureHandle, ValueSetHandle } from '../../../src/dsl/handles.js';
import { defineProfile, example, R4, Reference, required } from '../../../src/dsl/index.js';
import { DkCoreCondition } from './condition.js';
import { DkCoreObservation } from './observation.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitionerRole } from './practitioner-role.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkCoreRelatedPerson } from './related-person.js';
import { DkCorePriorityCodes, DkCoreServiceRequestCodes } from './terminology.js';

const reasonSlice = (short: string, system: string) =>
  ({
    card: '0..1',
    short,
    elements: { system: { card: '1..', pattern: system } },
  }) as const;

export interface ServiceRequestRefs {
  readonly Patient: StructureHandle;
  readonly Practitioner: StructureHandle;
  readonly PractitionerRole: StructureHandle;
  readonly Organization: StructureHandle;
  readonly RelatedPerson: StructureHandle;
  readonly Condition: StructureHandle;
  readonly Observation: StructureHandle;
  readonly Categories: ValueSetHandle;
  readonly Priorities: ValueSetHandle;
}

/** New in 3.4.0. */
export const DkCorePersonServiceRequestSpec = (h: ServiceRequestRefs) =>
  ({
    id: 'dk-core-person-servicerequest',
    name: 'DkCorePersonServiceRequest',
    title: 'Danish Core Person ServiceRequest Profile',
    description:
      'HL7 Denmark core profile for requesting a service, such as diagnostic investigations, nursing services, treatments, and more for a Patient.',
    elements: {
      category: { binding: example(h.Categories) },
      priority: { binding: required(h.Priorities) },
      subject: { only: [Reference(h.Patient)] },
      requester: { only: [Reference(h.Practitioner, h.PractitionerRole, h.Organization, h.Patient, h.RelatedPerson, R4.Device)] },
      performer: {
        only: [
          Reference(
            h.Practitioner,
            h.PractitionerRole,
            h.Organization,
            h.Patient,
            h.RelatedPerson,
            R4.HealthcareService,
            R4.Device,
            R4.CareTeam,
          ),
        ],
      },
      'reasonCode.coding': {
        short: 'Reason code, [DA] begrundelses-kode',
        slicing: {
          discriminator: [{ type: 'value', path: 'system' }],
          description: 'Slice based on the code.system value which allow different code-systems to represent a reason',
          ordered: false,
          rules: 'open',
        },
        slices: {
          FSIIIConditionCode: reasonSlice('[DA] FSIII tilstandskode', 'urn:oid:1.2.208.176.2.21'),
          SCTCode: reasonSlice('SNOMED CT kode, typisk klinisk fund eller procedure', 'http://snomed.info/sct'),
          FFBConditionCode: reasonSlice('[DA] FFB undertemakode', 'urn:oid:1.2.208.176.2.22'),
          SKS: reasonSlice('[DA] Kode fra SKS, typisk diagnose eller procedure', 'urn:oid:1.2.208.176.2.4.12'),
          ICPC2code: reasonSlice('ICPC2 code', 'urn:oid:1.2.208.176.2.31'),
        },
      },
      reasonReference: { only: [Reference(h.Condition, h.Observation, R4.DiagnosticReport, R4.DocumentReference)] },
    },
  }) as const;

export const DkCorePersonServiceRequest = defineProfile(
  pkg,
  R4.ServiceRequest,
  DkCorePersonServiceRequestSpec({
    Patient: DkCorePatient,
    Practitioner: DkCorePractitioner,
    PractitionerRole: DkCorePractitionerRole,
    Organization: DkCoreOrganization,
    RelatedPerson: DkCoreRelatedPerson,
    Condition: DkCoreCondition,
    Observation: DkCoreObservation,
    Categories: DkCoreServiceRequestCodes,
    Priorities: DkCorePriorityCodes,
  }),
);
