import { defineInvariant, defineProfile, R4 } from '../../../src/dsl/index.js';
import { assignedIdentifierSpec, lpr3IdentifierSpec } from '../2.4.0/datatypes.js';
import { pkg } from './package.js';

/*
 * 4.0.0 fixed both identifier invariants: `value.matches(…)` on Identifier.value navigated to a
 * child a string does not have (never failing); they now call `matches(…)` on the value itself.
 * The data type MedComMessagingContactPoint of 2.4.0 is gone (moved to Messaging).
 */

export const medcomUuidv4 = defineInvariant({
  key: 'medcom-uuidv4',
  severity: 'error',
  human: 'The value shall correspond to the structure of an UUID version 4',
  expression: "matches('urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')",
  focus: 'Identifier.value',
  examples: {
    pass: ['urn:uuid:2f4c1e9a-3b7d-4c8e-9a1b-5d6e7f809a1b'],
    fail: ['not-a-uuid', '2f4c1e9a-3b7d-4c8e-9a1b-5d6e7f809a1b', 'urn:uuid:2F4C1E9A-3B7D-4C8E-9A1B-5D6E7F809A1B'],
  },
});

export const uuidv5 = defineInvariant({
  key: 'uuidv5',
  severity: 'error',
  human: 'LPR3 episodeOfCare identifiers must conform to a UUIDv5',
  expression: "matches('urn:uuid:[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[5][a-fA-F0-9]{3}-[89aAbB][a-fA-F0-9]{3}-[a-fA-F0-9]{12}')",
  focus: 'Identifier.value',
  examples: {
    pass: ['urn:uuid:2f4c1e9a-3b7d-5c8e-9a1b-5d6e7f809a1b', 'urn:uuid:2F4C1E9A-3B7D-5C8E-AA1B-5D6E7F809A1B'],
    fail: ['urn:uuid:2f4c1e9a-3b7d-4c8e-9a1b-5d6e7f809a1b', 'urn:uuid:2f4c1e9a-3b7d-5c8e-7a1b-5d6e7f809a1b'],
  },
});

const lpr3 = lpr3IdentifierSpec(uuidv5);
export const Lpr3Identifier = defineProfile(pkg, R4.Identifier, {
  ...lpr3,
  elements: {
    system: { ...lpr3.elements.system, ms: true },
    value: { ...lpr3.elements.value, ms: true },
  },
});

export const MedComAssignedIdentifier = defineProfile(pkg, R4.Identifier, assignedIdentifierSpec(medcomUuidv4));
