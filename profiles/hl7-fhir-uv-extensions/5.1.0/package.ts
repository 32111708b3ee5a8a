import { definePackage } from '../../../src/dsl/index.js';

/**
 * A sliver of HL7's FHIR Extensions Pack (hl7.fhir.uv.extensions.r4 5.1.0), which we do not have
 * offline: just the extensions the DK Core chain profiles with. Re-authored from what the DK Core
 * snapshots reveal of them (url, context, value types, definition).
 */
export const pkg = definePackage({
  id: 'hl7.fhir.uv.extensions.r4',
  version: '5.1.0',
  canonical: 'http://hl7.org/fhir',
  name: 'hl7.fhir.uv.extensions',
  title: 'FHIR Extensions Pack',
  dependencies: {},
  coverage: 'partial',
  coverageNote:
    'Only the address-official extension, which DK Core 3.4.0 and 3.5.0 slice onto Patient.address. Reconstructed from the DK Core snapshots, not from the published pack; its other metadata and the rest of the pack are not authored.',
  defaults: { publisher: 'HL7 International / FHIR Infrastructure' },
});
