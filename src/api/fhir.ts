/**
 * FHIR resources the front ends answer with (the validation service, src/serve/fhir.ts): a file report as an
 * OperationOutcome (src/report/outcome.ts) and FHIR JSON written as FHIR XML (src/fhir/xml-write.ts).
 */
export { toFhirXml } from '../fhir/xml-write.js';
export { RULES_SYSTEM, toOperationOutcome } from '../report/outcome.js';
export { VERSION } from '../util/version.js';
