/**
 * Definitions as validation reads them: the resource types it needs, without what only people
 * read (narratives, descriptions, element documentation, mappings). Loading official packages
 * this way keeps a validator's heap to what it uses.
 */
import type { FhirResource } from './resource.js';

/** The resource types validation looks up. */
export const DEFINITION_TYPES: ReadonlySet<string> = new Set(['StructureDefinition', 'ValueSet', 'CodeSystem', 'NamingSystem']);

/**
 * What a package or folder the user names (`--package`) is read for: the definitions, the
 * Questionnaires a QuestionnaireResponse is validated against, and the Measures (with their Libraries)
 * a MeasureReport is validated against (resolved by canonical like a definition).
 */
export const PACKAGE_DEFINITION_TYPES: ReadonlySet<string> = new Set([...DEFINITION_TYPES, 'Questionnaire', 'Measure', 'Library']);

const RESOURCE_DOCS = ['text', 'description', 'purpose', 'copyright', 'mapping'] as const;
const ELEMENT_DOCS = ['definition', 'comment', 'requirements', 'mapping', 'alias', 'example', 'isModifierReason'] as const;

type Json = Record<string, unknown>;

/** Remove the documentation from a definition, in place; returns it. */
export function slimDefinition<T extends FhirResource>(resource: T): T {
  const r = resource as unknown as Json;
  for (const k of RESOURCE_DOCS) delete r[k];
  if (r['resourceType'] === 'StructureDefinition') {
    for (const part of ['snapshot', 'differential']) {
      const elements = (r[part] as { element?: Json[] } | undefined)?.element;
      if (!Array.isArray(elements)) continue;
      for (const e of elements) {
        for (const k of ELEMENT_DOCS) delete e[k];
        // an invariant's XPath form: validation evaluates the FHIRPath one (≈ 6 % of a snapshot's text)
        if (Array.isArray(e['constraint'])) for (const c of e['constraint'] as Json[]) delete c['xpath'];
      }
    }
  } else if (r['resourceType'] === 'CodeSystem' && Array.isArray(r['concept'])) {
    const visit = (concepts: Json[]): void => {
      for (const c of concepts) {
        delete c['definition'];
        if (Array.isArray(c['concept'])) visit(c['concept'] as Json[]);
      }
    };
    visit(r['concept'] as Json[]);
  }
  return resource;
}
