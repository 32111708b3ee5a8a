import { defineValueSet } from '../../../src/dsl/index.js';
import { pkg } from './package.js';

export const DkCoreDeCPRValueSet = defineValueSet(pkg, {
  id: 'DkCoreDeCPRValueSet',
  name: 'DkCoreDeCPRValueSet',
  include: [{ system: 'http://hl7.dk/fhir/core/CodeSystem/dk-core-d-ecpr-codes' }],
});

/** Every terminology resource of this package, in publication order. */
export const resources = [DkCoreDeCPRValueSet];
