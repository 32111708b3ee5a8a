/** FHIR type codes as StructureDefinitions write them, read the same way by the compiler, DSL and validator. */

/** The prefix of FHIRPath system types (`System.String`) in ElementDefinition.type.code. */
export const FHIRPATH_SYSTEM = 'http://hl7.org/fhirpath/System.';
const FHIR_TYPE_EXT = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';

/** The FHIR type code of a type entry (`System.String` entries carry the FHIR type in an extension). */
export function fhirTypeCode(t: fhir4.ElementDefinitionType): string {
  if (t.code.startsWith(FHIRPATH_SYSTEM)) {
    const ext = t.extension?.find((e) => e.url === FHIR_TYPE_EXT);
    if (ext?.valueUrl) return ext.valueUrl;
    return t.code.slice(FHIRPATH_SYSTEM.length).toLowerCase();
  }
  return t.code;
}
