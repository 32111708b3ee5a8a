import { definePackage } from '../../../src/dsl/index.js';

/** MedCom's Danish terminology for XDS document metadata 1.0.1 (used by document 1.0.1 and ConditionList 1.0.1). */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.xdsmetadata',
  version: '1.0.1',
  canonical: 'http://medcomfhir.dk/ig/xdsmetadata',
  name: 'TerminologyforXDSMetadata',
  title: 'Dk Terminology for XDS Metadata',
  dependencies: { 'hl7.terminology.r4': '6.3.0', 'hl7.fhir.uv.extensions.r4': '5.2.0' },
  coverage: 'complete',
  defaults: {
    // the most frequent resource date; resources dated otherwise say so with `extra: { date }`.
    // The resources of this package carry no jurisdiction.
    date: '2022-01-26',
    publisher: 'MedCom',
    contact: [{ name: 'MedCom', telecom: [{ system: 'url', value: 'http://www.medcom.dk' }] }],
  },
  manifest: {
    author: 'MedCom',
    maintainers: [{ name: 'MedCom', url: 'http://www.medcom.dk' }],
    license: 'CC0-1.0',
    date: '20250508113859',
  },
});
