// Part of `npm run typecheck`: each @ts-expect-error below must be needed, so a typo that stopped
// being a type error would fail the typecheck ("Unused '@ts-expect-error' directive").
import { defineProfile, externalValueSet, required } from '../../src/dsl/index.js';
import { DkCoreCondition } from '../../profiles/hl7-dk-core/3.2.0/condition.js';
import { pkg } from '../../profiles/hl7-dk-core/3.2.0/package.js';

export const TypoProbe = defineProfile(pkg, DkCoreCondition, {
  id: 'typo-probe',
  name: 'TypoProbe',
  elements: {
    'code.coding[ICPC2code].code': { card: '0..1' },
    // @ts-expect-error a slice name DK Core 3.2.0 renamed (ICPC2codes → ICPC2code) fails tsc
    'code.coding[ICPC2codes].code': { card: '0..1' },
    // @ts-expect-error a misspelt element fails tsc
    recordedDat: { card: '1..1' },
    // a binding names its value set by handle (externalValueSet for one we do not author) …
    category: { binding: required(externalValueSet('http://hl7.org/fhir/ValueSet/condition-category')) },
    // @ts-expect-error … never by a bare url string
    severity: { binding: required('http://hl7.org/fhir/ValueSet/condition-severity') },
  },
});
