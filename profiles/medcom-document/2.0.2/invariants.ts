import { defineInvariant } from '../../../src/dsl/index.js';

/*
 * New in Document 2.0. `medcom-uuid` and `medcom-document-bundle-id-uuid` are published with the
 * Java inline flag `(?i)`, which JavaScript's RegExp rejects; we keep the expressions as published:
 * both the validator and the build's evaluation of the examples below translate a leading `(?i)`
 * into the `i` flag (src/fhirpath/engine.ts translateRegex), so upper-case UUIDs pass.
 */

export const medcomUuid = defineInvariant({
  key: 'medcom-uuid',
  severity: 'error',
  human: 'The value shall correspond to the structure of an UUID',
  expression: "$this.matches('(?i)^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')",
  focus: 'Identifier.value',
  examples: {
    pass: ['urn:uuid:2f4c1e9a-3b7d-4c8e-9a1b-5d6e7f809a1b', 'urn:uuid:2F4C1E9A-3B7D-5C8E-AA1B-5D6E7F809A1B'],
    fail: [
      '2f4c1e9a-3b7d-4c8e-9a1b-5d6e7f809a1b',
      'urn:uuid:2f4c1e9a-3b7d-1c8e-9a1b-5d6e7f809a1b',
      'urn:uuid:2f4c1e9a-3b7d-4c8e-7a1b-5d6e7f809a1b',
    ],
  },
});

export const medcomDocumentBundleIdUuid = defineInvariant({
  key: 'medcom-document-bundle-id-uuid',
  severity: 'error',
  human: 'The value shall correspond to the structure of an UUID',
  expression: "$this.matches('(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')",
  focus: 'Bundle.id',
  examples: {
    pass: ['9521a7f0-bad4-4a46-8c51-cd8378b24106', 'BA7D908A-0134-4F28-B5F5-0FCAF088E60B'],
    fail: ['urn:uuid:9521a7f0-bad4-4a46-8c51-cd8378b24106', 'if810168-ee7c-4f34-8012-9aff6c1d86e7', 'document-1'],
  },
});

export const medcomDatetimeHasTimeOffsetZulu = defineInvariant({
  key: 'medcom-datetime-has-time-offset-zulu',
  severity: 'error',
  human: 'dateTime must include date, time, and time zone.',
  expression:
    "$this.toString().matches('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$')",
  focus: 'dateTime',
  examples: {
    pass: ['2026-12-10T09:18:00Z', '2026-12-10T10:00:00+01:00', '2026-12-10T10:00:00.123+01:00'],
    fail: ['2026-12-10', '2026-12-10T10:00:00', '2026-12'],
  },
});

export const medcomCanonicalSemver = defineInvariant({
  key: 'medcom-canonical-semver',
  severity: 'error',
  human: 'The canonical SHALL include an explicit semantic version (semver) with optional prerelease (-...) and build metadata (+...).',
  expression: "matches('^.*[|][0-9]+[.][0-9]+([.][0-9]+)?(-[0-9A-Za-z-]+([.][0-9A-Za-z-]+)*)?([+][0-9A-Za-z-]+([.][0-9A-Za-z-]+)*)?$')",
  focus: 'canonical',
  examples: {
    pass: [
      'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-composition|1.0',
      'http://medcomfhir.dk/ig/document/StructureDefinition/medcom-document-composition|2.0.2-rc1+build.7',
    ],
    fail: [
      'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-composition',
      'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-composition|1',
    ],
  },
});
