import { defineInstance } from '../../../src/dsl/index.js';
import {
  EVENT_CODES,
  MedComAcknowledgementMessageDefinition,
  MedComCareCommunicationMessageDefinition,
  MedComHomeCareObservationMessageDefinition,
} from './profiles.js';

const MESSAGE_DEFINITION = 'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/';
const DEFINITION_TYPE_CS = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-message-definition-type';

export interface MessageDefinitionSpec {
  /** Standard name as MedCom writes it (`HomeCareObservation`). */
  standard: string;
  version: string;
  profile: { url: string };
  /** First day the definition is in force (`identifier.period.start`). */
  validFrom: string;
  /** The standard's code in medcom-messaging-eventCodes. */
  event: string;
  responseRequired: 'always' | 'never';
  /** The allowed responses: [standard, version] of their definitions. */
  responses: [standard: string, version: string][];
  /** Danish texts: RUSA catalogue description, who uses the standard, what it is for. */
  description: string;
  useContext: string;
  purpose: string;
}

/**
 * How a MessageDefinition names itself and the definitions it points to. 1.0.0-trial-use glues the
 * version onto the url (`…MessageDefinition1.1`, id the same); from 1.0.1-trial-use the url is
 * unversioned, the id is `…MessageDefinitionV1.1` and responses are `…MessageDefinition|2.0`.
 */
export type CanonicalForm = 'version-in-url' | 'canonical-version';

/** The unversioned url of `standard`'s MessageDefinitions (`…/MedComHomeCareObservationMessageDefinition`). */
export const messageDefinitionBase = (standard: string): string => `${MESSAGE_DEFINITION}MedCom${standard}MessageDefinition`;

/** The url of a MedCom MessageDefinition of `standard` at `version`, in `form`. */
export const messageDefinitionUrl = (standard: string, version: string, form: CanonicalForm): string =>
  messageDefinitionBase(standard) + (form === 'version-in-url' ? version : `|${version}`);

/** A MedCom MessageDefinition: every instance shares the identifier shape, contacts, jurisdiction and copyright. */
export function messageDefinition(
  s: MessageDefinitionSpec,
  form: CanonicalForm = 'version-in-url',
): fhir4.MessageDefinition & { id: string } {
  const stem = `MedCom${s.standard}MessageDefinition`;
  const id = form === 'version-in-url' ? stem + s.version : `${stem}V${s.version}`;
  const md: fhir4.MessageDefinition & { id: string } = {
    resourceType: 'MessageDefinition',
    id,
    meta: { profile: [s.profile.url] },
    url: MESSAGE_DEFINITION + (form === 'version-in-url' ? id : stem),
    identifier: [
      {
        use: 'official',
        type: { coding: [{ system: DEFINITION_TYPE_CS, code: 'FHIR' }] },
        value: `${s.standard} ${s.version}`,
        period: { start: s.validFrom },
      },
    ],
    version: s.version,
    name: `${s.standard}_MessageDefinition_${s.version}`,
    title: `${s.standard} ${s.version}`,
    status: 'active',
    date: '2025-05-30',
    publisher: 'MedCom',
    contact: [
      { name: 'MedCom', telecom: [{ system: 'url', value: 'http://www.medcom.dk' }] },
      { name: 'MedCom FHIR Team', telecom: [{ system: 'email', value: 'fhir@medcom.dk', use: 'work' }] },
    ],
    description: `DK: ${s.description} (RUSA Standardkatalog - Beskrivelse jf. §3stk2 i bekendtgørelsen)`,
    useContext: [
      {
        code: { system: 'http://terminology.hl7.org/CodeSystem/usage-context-type', code: 'workflow' },
        valueCodeableConcept: { text: `DK: ${s.useContext} (Hvem skal anvende standarden jf. §3,3 i bekendtgørelsen)` },
      },
    ],
    jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'DK', display: 'Denmark' }] }],
    purpose: `DK: ${s.purpose} (RUSA Standardkatalog - Hvad skal standarden anvendes til jf. §3,2 i bekendtgørelsen)`,
    copyright: 'Copyright © 2025 MedCom',
    eventCoding: { system: EVENT_CODES, code: s.event },
    category: 'notification',
    responseRequired: s.responseRequired,
  };
  if (s.responses.length)
    md.allowedResponse = s.responses.map(([standard, version]) => ({ message: messageDefinitionUrl(standard, version, form) }));
  return md;
}

/** The three definitions MedCom publishes, each given the profile it claims (the package's own). */
export const AcknowledgementMessageDefinition20Spec = (profile: { url: string }): MessageDefinitionSpec => ({
  standard: 'Acknowledgement',
  version: '2.0',
  profile,
  validFrom: '2025-06-30',
  event: 'acknowledgement-message',
  responseRequired: 'never',
  responses: [],
  description: 'Acknowledgement',
  useContext: 'Alle systemer i det danske sundhedsvæsen der vil kvittere for modtagelse af beskeder.',
  purpose:
    'At kvittere for en modtaget meddelelse samt, om overførslen af meddelelsen var vellykket, og om meddelelsen validerede korrekt eller ej. MedCom Acknowledgement standard skal sendes hver gang et system har modtaget en MedCom FHIR-meddelelse eksempelvis HospitalNotification og CareCommunication.',
});

export const CareCommunicationMessageDefinition50Spec = (profile: { url: string }): MessageDefinitionSpec => ({
  standard: 'CareCommunication',
  version: '5.0',
  profile,
  validFrom: '2025-08-29',
  event: 'care-communication-message',
  responseRequired: 'always',
  responses: [
    ['Acknowledgement', '2.0'],
    ['CareCommunication', '5.0'],
  ],
  description: 'CareCommunication',
  useContext:
    'Alle sundhedsvæsnets parter der er involverede i behandling og omsorg af borgere eller patienter, herunder læger, hjemmepleje, fysioterapeuter, ergoterapeuter, plejeteam, sygeplejersker, psykologer, psykiater og mange flere.',
  purpose:
    'Korrespondancemeddelelsen anvendes til sikker elektronisk kommunikation af personhenførbare oplysninger og anvendes typisk til ad hoc kommunikation.',
});

export const HomeCareObservationMessageDefinition11Spec = (profile: { url: string }): MessageDefinitionSpec => ({
  standard: 'HomeCareObservation',
  version: '1.1',
  profile,
  validFrom: '2025-06-30',
  event: 'homecareobservation-message',
  responseRequired: 'always',
  responses: [['Acknowledgement', '2.0']],
  description: 'HomeCareObservation',
  useContext: 'kommuner og primærsektoren.',
  // published without a full stop before the parenthesis
  purpose: 'Sende sundhedsobservationer mellem kommuners akutsygepleje og en patients praktiserende læge',
});

export const MedComAcknowledgementMessageDefinition20 = defineInstance(
  messageDefinition(AcknowledgementMessageDefinition20Spec(MedComAcknowledgementMessageDefinition)),
  'definition',
);
export const MedComCareCommunicationMessageDefinition50 = defineInstance(
  messageDefinition(CareCommunicationMessageDefinition50Spec(MedComCareCommunicationMessageDefinition)),
  'definition',
);
export const MedComHomeCareObservationMessageDefinition11 = defineInstance(
  messageDefinition(HomeCareObservationMessageDefinition11Spec(MedComHomeCareObservationMessageDefinition)),
  'definition',
);
