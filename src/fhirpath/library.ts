/**
 * fhirpath.js (pinned 5.2.0) and its R4 model, loaded on first use.
 *
 * Most invariants a MedCom bundle meets are answered by the native checks and the lite
 * evaluator (src/fhirpath/lite), so a validation often never needs fhirpath.js: loading it (and
 * its R4 model) costs about 70 ms, a fifth of a one-bundle cold start. Every user of fhirpath.js
 * goes through here, synchronously (`require`, the package's CommonJS build), so one process
 * holds one copy whether the build, the validator or a protocol run asked first.
 */
import { createRequire } from 'node:module';
import type fhirpathModule from 'fhirpath';

export type FhirPathJs = typeof fhirpathModule;
/** The R4 model fhirpath.js needs for typed navigation (choice types, ofType, is). */
export type FhirPathModel = Parameters<FhirPathJs['evaluate']>[3];

export interface FhirPathLibrary {
  fhirpath: FhirPathJs;
  r4: FhirPathModel;
}

const require = createRequire(import.meta.url);

/**
 * fhirpath.js and its R4 model. The first call loads them; Node's module cache answers later ones
 * (callers that evaluate often keep the result, as FhirPathRunner does).
 */
export function fhirpathJs(): FhirPathLibrary {
  return {
    fhirpath: require('fhirpath') as FhirPathJs,
    r4: require('fhirpath/fhir-context/r4') as FhirPathModel,
  };
}
