import { defineExtension, definePackage, packageContents } from '../../../src/dsl/index.js';

/**
 * Cross-version extensions (R5 elements for use in R4), which the IG Publisher synthesizes from the
 * R5 definitions and which packages use without declaring a dependency. Only the one DK Core 3.5.0
 * uses is re-authored, from the R5 definition of `DocumentReference.version`.
 */
export const pkg = definePackage({
  id: 'hl7.fhir.uv.xver-r5.r4',
  version: '0.0.1-snapshot-2',
  canonical: 'http://hl7.org/fhir/5.0',
  name: 'XverR5R4',
  title: 'FHIR Cross-Version Extensions for use in FHIR R4 from FHIR R5',
  dependencies: {},
  coverage: 'partial',
  coverageNote:
    'Only extension-DocumentReference.version (used by DK Core 3.5.0); reconstructed from the R5 element definition, not from a published package.',
  defaults: { publisher: 'HL7 International / FHIR Infrastructure' },
});

export const DocumentReferenceVersion = defineExtension(pkg, {
  id: 'extension-DocumentReference.version',
  name: 'ExtensionDocumentReferenceVersion',
  title: 'Cross-version extension for DocumentReference.version from R5 for use in FHIR R4',
  description: 'R5: `DocumentReference.version` (new:string)',
  context: ['DocumentReference'],
  short: 'R5: An explicitly assigned identifer of a variation of the content in the DocumentReference (new)',
  definition: 'R5: `DocumentReference.version` (new:string)',
  value: ['string'],
});

export default packageContents(pkg, [DocumentReferenceVersion]);
