import { defineInvariant, defineProfile, inContext, Reference } from '../../../src/dsl/index.js';
import type { StructureHandle } from '../../../src/dsl/handles.js';
import { MedComCoreDiagnosticReport, MedComCorePractitionerRole } from '../../medcom-core/2.4.0/resources.js';
import { MedComProducerOrganization } from '../../medcom-messaging/3.0.0/organizations.js';
import { MedComHomeCareObservation } from './observation.js';
import { type Lifecycle, pkg, TRIAL_USE } from './package.js';

/** A report whose PractitionerRole performer points at a role and a practitioner, inside a message Bundle. */
const performedBy = (role: object, practitioner: object): { resourceType: string; [k: string]: unknown } => ({
  resourceType: 'Bundle',
  type: 'message',
  entry: [
    {
      fullUrl: 'urn:uuid:3c8a4b1d-0000-4000-8000-000000000001',
      resource: { resourceType: 'DiagnosticReport', performer: [{ reference: 'urn:uuid:3c8a4b1d-0000-4000-8000-000000000002' }] },
    },
    {
      fullUrl: 'urn:uuid:3c8a4b1d-0000-4000-8000-000000000002',
      resource: { resourceType: 'PractitionerRole', ...role, practitioner: { reference: 'urn:uuid:3c8a4b1d-0000-4000-8000-000000000003' } },
    },
    { fullUrl: 'urn:uuid:3c8a4b1d-0000-4000-8000-000000000003', resource: { resourceType: 'Practitioner', ...practitioner } },
  ],
});
const PERFORMER = 'entry[0].resource.performer';
const nurse = { code: [{ coding: [{ code: 'sygeplejerske' }] }] };
const named = { name: [{ family: 'Hansen', given: ['Lise'] }] };
const withPhone = { ...named, telecom: [{ system: 'phone', value: '12345678' }] };

export const medcomHomecareReport1 = defineInvariant({
  key: 'medcom-homecareReport-1',
  severity: 'error',
  human: 'The practitioner, who performed the observations, must have a code',
  expression: 'reference.resolve().code.coding.code.exists()',
  focus: 'Reference',
  examples: {
    pass: [inContext(performedBy(nurse, withPhone), PERFORMER)],
    fail: [
      inContext(performedBy({}, withPhone), PERFORMER),
      inContext(performedBy({ code: [{ text: 'sygeplejerske' }] }, withPhone), PERFORMER),
    ],
  },
});

export const medcomHomecareReport2 = defineInvariant({
  key: 'medcom-homecareReport-2',
  severity: 'error',
  human: 'The practitioner, who performed the observations, must have a name',
  expression: 'reference.resolve().practitioner.resolve().name.exists()',
  focus: 'Reference',
  examples: {
    pass: [inContext(performedBy(nurse, named), PERFORMER)],
    fail: [inContext(performedBy(nurse, {}), PERFORMER)],
  },
});

export const medcomHomecareReport3 = defineInvariant({
  key: 'medcom-homecareReport-3',
  severity: 'error',
  human: 'The practitioner, who performed the observations, must have a phone number',
  expression: "reference.resolve().practitioner.resolve().telecom.where(system = 'phone').exists()",
  focus: 'Reference',
  examples: {
    pass: [inContext(performedBy(nurse, withPhone), PERFORMER)],
    fail: [
      inContext(performedBy(nurse, named), PERFORMER),
      inContext(performedBy(nurse, { ...named, telecom: [{ system: 'email', value: 'a@b.dk' }] }), PERFORMER),
    ],
  },
});

/** `observation`: the version's MedComHomeCareObservation (the report's results). */
export const MedComHomeCareObservationDiagnosticReportSpec = (observation: StructureHandle, lifecycle: Lifecycle) =>
  ({
    id: 'medcom-homecareobservation-diagnosticreport',
    name: 'MedComHomeCareObservationDiagnosticReport',
    title: 'MedComHomeCareObservationDiagnosticReport',
    description: 'This resource is intended to be used in relation with a HomeCareObservation message',
    ...lifecycle,
    elements: {
      // R = restricted: the citizen refused consent to share the results beyond the GP
      'meta.security': {
        card: '..1',
        ms: true,
        pattern: { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'Restricted' },
      },
      status: { pattern: 'final' },
      performer: {
        card: '2..2',
        short: 'Performer of the observations. Shall include a name, practitioner role, relevant telephone of the producer.',
        only: [Reference(MedComProducerOrganization, MedComCorePractitionerRole)],
        slicing: {
          discriminator: [{ type: 'profile', path: 'resolve()' }],
          description: 'Slice of observation codes',
          ordered: false,
          rules: 'closed',
        },
        slices: {
          ProducerOrganization: {
            card: '1..1',
            short: 'Producer organization of the observations. Shall include a producer-ID (Danish: Producent-ID) of the producer',
            only: [Reference(MedComProducerOrganization).bundled()],
          },
          PractitionerRole: {
            card: '1..1',
            only: [Reference(MedComCorePractitionerRole).bundled()],
            obeys: [medcomHomecareReport1, medcomHomecareReport2, medcomHomecareReport3],
          },
        },
      },
      result: { only: [Reference(observation).bundled()] },
      conclusion: {
        short:
          'A comment relevant for all observations in the report and necessary to interpret and understand the results (Danish:Klinisk kommentar).',
      },
    },
  }) as const;

export const MedComHomeCareObservationDiagnosticReport = defineProfile(
  pkg,
  MedComCoreDiagnosticReport,
  MedComHomeCareObservationDiagnosticReportSpec(MedComHomeCareObservation, TRIAL_USE),
);
