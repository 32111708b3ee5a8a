import { assuming, defineInvariant, defineProfile, Reference } from '../../../src/dsl/index.js';
import type { InvariantHandle, StructureHandle } from '../../../src/dsl/handles.js';
import { MedComMessagingMessage, MedComMessagingMessageHeader } from '../../medcom-messaging/3.0.0/message.js';
import { MedComProducerOrganization, MedComRequesterOrganization } from '../../medcom-messaging/3.0.0/organizations.js';
import { MedComHomeCareObservationDiagnosticReport } from './diagnostic-report.js';
import { type Lifecycle, pkg, TRIAL_USE } from './package.js';

const HCO = 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/';
const MESSAGE_DEFINITION = 'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/';

/**
 * The 1.1.0 form: the definition is the MessageDefinition's url with the version glued on
 * (`…MessageDefinition1.1`). From 1.1.1 on MedCom switched to `…MessageDefinition|1.1` with an
 * unescaped `|` (regex alternation); 1.1.0's expression rejects the pipe form.
 */
export const medcomHcobsDefinitionUrl = defineInvariant({
  key: 'medcom-hcobs-definition-url',
  severity: 'error',
  human:
    'SHALL reference a MedCom HomeCare Observation MessageDefinition whose canonical URL starts with\nhttps://medcomfhir.dk/ig/messagedefinitions/MessageDefinition-MedComHomeCareObservationMessageDefinition1.—that is, any version 1.x of the message definition',
  expression:
    "matches('^http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition1[.][0-9]{1,2}$')",
  focus: 'MessageHeader.definition',
  examples: {
    pass: [
      `${MESSAGE_DEFINITION}MedComHomeCareObservationMessageDefinition1.1`,
      `${MESSAGE_DEFINITION}MedComHomeCareObservationMessageDefinition1.10`,
    ],
    fail: [
      `${MESSAGE_DEFINITION}MedComHomeCareObservationMessageDefinition|1.1`,
      `${MESSAGE_DEFINITION}MedComHomeCareObservationMessageDefinition2.0`,
      `${MESSAGE_DEFINITION}MedComHomeCareObservationMessageDefinition1.100`,
      `https://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition1.1`,
    ],
  },
});

/** `report`: the version's DiagnosticReport profile (the focus); `definitionUrl`: the version's form of the definition invariant. */
export const MedComHomeCareObservationMessageHeaderSpec = (report: StructureHandle, definitionUrl: InvariantHandle, lifecycle: Lifecycle) =>
  ({
    id: 'medcom-homecareobservation-messageheader',
    name: 'MedComHomeCareObservationMessageHeader',
    title: 'MedComHomeCareObservationMessageHeader',
    description: 'MessageHeader for HomeCareObservation',
    ...lifecycle,
    elements: {
      id: { short: 'A unique identifier for each message. This identifier should be globally unique.' },
      'event[x]': {
        pattern: {
          system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes',
          code: 'homecareobservation-message',
        },
      },
      'destination[primary].receiver': { only: [Reference(MedComRequesterOrganization).bundled()] },
      'destination[cc]': { card: '..0' },
      sender: { only: [Reference(MedComProducerOrganization).bundled()] },
      focus: { only: [Reference(report)] },
      definition: { card: '1..', obeys: [definitionUrl] },
    },
  }) as const;

export const MedComHomeCareObservationMessageHeader = defineProfile(
  pkg,
  MedComMessagingMessageHeader,
  MedComHomeCareObservationMessageHeaderSpec(MedComHomeCareObservationDiagnosticReport, medcomHcobsDefinitionUrl, TRIAL_USE),
);

const message = (...resources: object[]): object => ({
  resourceType: 'Bundle',
  type: 'message',
  entry: resources.map((resource, i) => ({ fullUrl: `urn:uuid:5e2d7c40-0000-4000-8000-00000000000${i}`, resource })),
});
const provenance = (code: string): object => ({ resourceType: 'Provenance', activity: { coding: [{ code }] } });

export const medcomHomecareObsMessage1 = defineInvariant({
  key: 'medcom-homecareObsMessage-1',
  severity: 'error',
  human: 'The MessageHeader shall conform to medcom-homecareobservation-messageheader profile',
  expression: `entry[0].resource.conformsTo('${HCO}medcom-homecareobservation-messageheader')`,
  focus: 'Bundle',
  examples: {
    pass: [assuming({ conformsTo: true }, message({ resourceType: 'MessageHeader' }))],
    fail: [assuming({ conformsTo: false }, message({ resourceType: 'MessageHeader' }))],
  },
});

export const medcomHomecareObsMessage2 = defineInvariant({
  key: 'medcom-homecareObsMessage-2',
  severity: 'error',
  human: 'All provenance resources shall contain activities from medcom-HomeCareObservation-messagingActivities valueset',
  expression:
    "entry.resource.ofType(Provenance).all(activity.memberOf('http://medcomfhir.dk/ig/terminology/ValueSet/medcom-HomeCareObservation-messagingActivities'))",
  focus: 'Bundle',
  examples: {
    pass: [
      assuming({ memberOf: true }, message({ resourceType: 'MessageHeader' }, provenance('new-message'))),
      // all() over no Provenance is true; medcom-messaging-2 is what requires one
      message({ resourceType: 'MessageHeader' }),
    ],
    fail: [assuming({ memberOf: false }, message({ resourceType: 'MessageHeader' }, provenance('carboncopy-message')))],
  },
});

export const MedComHomeCareObservationMessageSpec = (lifecycle: Lifecycle) =>
  ({
    id: 'medcom-homecareobservation-message',
    name: 'MedComHomeCareObservationMessage',
    title: 'MedComHomeCareObservationMessage',
    description:
      'The HomeCareObservation Message is used in exchange of the observations results performed by the municipal acute care team to the general practitioner.',
    ...lifecycle,
    obeys: [medcomHomecareObsMessage1, medcomHomecareObsMessage2],
  }) as const;

export const MedComHomeCareObservationMessage = defineProfile(pkg, MedComMessagingMessage, MedComHomeCareObservationMessageSpec(TRIAL_USE));
