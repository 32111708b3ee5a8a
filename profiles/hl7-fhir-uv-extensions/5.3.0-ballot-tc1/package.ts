import { definePackage } from '../../../src/dsl/index.js';

/** The same sliver of the FHIR Extensions Pack, in the version DK Core 3.5.0 depends on. */
export const pkg = definePackage({
  id: 'hl7.fhir.uv.extensions.r4',
  version: '5.3.0-ballot-tc1',
  canonical: 'http://hl7.org/fhir',
  name: 'hl7.fhir.uv.extensions',
  title: 'FHIR Extensions Pack',
  dependencies: {},
  coverage: 'partial',
  coverageNote:
    'Only the address-official extension (unchanged from 5.1.0), which DK Core 3.5.0 slices onto Patient.address. Reconstructed from the DK Core snapshots, not from the published pack.',
  defaults: { publisher: 'HL7 International / FHIR Infrastructure' },
});
