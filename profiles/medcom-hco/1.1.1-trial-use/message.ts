import { defineInvariant, defineProfile } from '../../../src/dsl/index.js';
import { MedComMessagingMessage, MedComMessagingMessageHeader } from '../../medcom-messaging/3.0.0/message.js';
import { MedComHomeCareObservationMessageHeaderSpec, MedComHomeCareObservationMessageSpec } from '../1.1.0-trial-use/message.js';
import { TRIAL_USE } from '../1.1.0-trial-use/package.js';
import { MedComHomeCareObservationDiagnosticReport } from './diagnostic-report.js';
import { pkg } from './package.js';

const DEFINITION = 'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition';

/**
 * 1.1.1: the definition is the MessageDefinition's canonical with its version, `…MessageDefinition|1.1`
 * (1.1.0: `…MessageDefinition1.1`). Quirk, reproduced: the `|` in the regex is not escaped, so it is an
 * alternation, `^http://…MessageDefinition` *or* `1[.][0-9]{1,2}$`: any value that starts with the url
 * passes (the 1.1.0 form too, and `|2.0`), as does anything ending in `1.x`. The intended check
 * (`…MessageDefinition` + a literal `|1.x`) runs as the separate warning `invariants/intended`
 * (src/validator/rules/invariants/constraints.ts); docs/quirks.md.
 */
export const medcomHcobsDefinitionUrl = defineInvariant({
  key: 'medcom-hcobs-definition-url',
  severity: 'error',
  human:
    'SHALL reference a MedCom HomeCare Observation MessageDefinition whose canonical URL starts with\nhttps://medcomfhir.dk/ig/messagedefinitions/MessageDefinition-MedComHomeCareObservationMessageDefinition|1.—that is, any version 1.x of the message definition',
  expression:
    "matches('^http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition|1[.][0-9]{1,2}$')",
  focus: 'MessageHeader.definition',
  examples: {
    pass: [`${DEFINITION}|1.1`, `${DEFINITION}|1.10`],
    fail: [
      'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5.0',
      `https://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition|2.0`,
    ],
  },
  quirk: {
    neverFails: 'on a value that starts with the MessageDefinition url or ends in 1.x: the unescaped `|` is a regex alternation',
    shouldFail: [`${DEFINITION}1.1`, `${DEFINITION}|2.0`, `${DEFINITION}|1.100`, 'http://example.org/anything|1.1'],
  },
});

export const MedComHomeCareObservationMessageHeader = defineProfile(
  pkg,
  MedComMessagingMessageHeader,
  MedComHomeCareObservationMessageHeaderSpec(MedComHomeCareObservationDiagnosticReport, medcomHcobsDefinitionUrl, TRIAL_USE),
);

// 1.1.1: unchanged from 1.1.0 (medcom-homecareObsMessage-1 names the header profile without a version)
export const MedComHomeCareObservationMessage = defineProfile(pkg, MedComMessagingMessage, MedComHomeCareObservationMessageSpec(TRIAL_USE));
