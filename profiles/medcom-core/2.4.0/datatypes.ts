import type { InvariantHandle } from '../../../src/dsl/handles.js';
import { defineInvariant, defineProfile, R4, Reference } from '../../../src/dsl/index.js';
import { pkg } from './package.js';

const ORGANIZATION = 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-organization';

/** Published as is: `value.matches()` on Identifier.value navigates to a child a string lacks. */
export const medcomUuidv4 = defineInvariant({
  key: 'medcom-uuidv4',
  severity: 'error',
  human: 'The value shall correspond to the structure of an UUID version 4',
  expression: "value.matches('urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')",
  focus: 'Identifier.value',
  examples: { pass: ['urn:uuid:2f4c1e9a-3b7d-4c8e-9a1b-5d6e7f809a1b'], fail: [] },
  quirk: {
    neverFails:
      "attached to Identifier.value, the expression navigates to '.value' again, which a string has not, so it is always empty (fixed in MedCom Core 4.0.0 as matches(...))",
    shouldFail: ['not-a-uuid', '2f4c1e9a-3b7d-4c8e-9a1b-5d6e7f809a1b'],
  },
});

export const uuidv5 = defineInvariant({
  key: 'uuidv5',
  severity: 'error',
  human: 'LPR3 episodeOfCare identifiers must conform to a UUIDv5',
  expression: "value.matches('urn:uuid:[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[5][a-fA-F0-9]{3}-[89aAbB][a-fA-F0-9]{3}-[a-fA-F0-9]{12}')",
  focus: 'Identifier.value',
  examples: { pass: ['urn:uuid:2f4c1e9a-3b7d-5c8e-9a1b-5d6e7f809a1b'], fail: [] },
  quirk: {
    neverFails: "attached to Identifier.value, the expression navigates to '.value' again, which a string has not, so it is always empty",
    shouldFail: ['urn:uuid:2f4c1e9a-3b7d-4c8e-9a1b-5d6e7f809a1b'],
  },
});

/** Lpr3Identifier's rules; Core 4.0.0 reuses them with its corrected `uuidv5`. */
export const lpr3IdentifierSpec = (uuid: InvariantHandle) =>
  ({
    id: 'lpr3-Identifier',
    name: 'Lpr3Identifier',
    title: 'LPR3 Identifier',
    description: 'Identifier holding a LPR3 identifier',
    elements: {
      system: { card: '1..', fixed: 'https://www.esundhed.dk/Registre/Landspatientregisteret' },
      value: { card: '1..', obeys: [uuid] },
    },
  }) as const;

export const Lpr3Identifier = defineProfile(pkg, R4.Identifier, lpr3IdentifierSpec(uuidv5));

/** MedComAssignedIdentifier's rules; Core 4.0.0 reuses them with its corrected `medcom-uuidv4`. */
export const assignedIdentifierSpec = (uuid: InvariantHandle) =>
  ({
    id: 'medcom-assigned-identifier',
    name: 'MedComAssignedIdentifier',
    title: 'AssignedIdentifier',
    description: 'An UUID identifier assigned by an organisation',
    elements: {
      value: { card: '1..', ms: true, short: 'The value is a UUID identifier version 4.', obeys: [uuid] },
      assigner: {
        card: '1..',
        ms: true,
        short: 'A reference to the organization that initially added the identifier.',
        only: [Reference(ORGANIZATION)],
      },
    },
  }) as const;

export const MedComAssignedIdentifier = defineProfile(pkg, R4.Identifier, assignedIdentifierSpec(medcomUuidv4));

export const MedComMessagingContactPoint = defineProfile(pkg, R4.ContactPoint, {
  id: 'medcom-messaging-contactpoint',
  name: 'MedComMessagingContactPoint',
  description: 'The datatype ContactPoint is specified for use in MedCom messages.',
  elements: {
    system: { ms: true },
    value: { ms: true },
    use: { ms: true },
  },
});
