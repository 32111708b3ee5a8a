/**
 * The business-rule layer: rules from the standards' text, clinical documentation and agreements
 * that the published profiles do not express. They run after the official walk, on the parsed
 * document, report with `business/…` rule ids (layer `business`), and are switched with
 * `--rules official|business|all` (docs/rules/business/README.md).
 */
import type { SourceDoc } from '../../load/source.js';
import type { Resolver } from '../../../defs/registry.js';
import type { TerminologyService } from '../../terminology/types.js';
import type { IssueSink, Json } from '../../walk/context.js';
import { arrayOf, bundleEntries, isObject } from './context.js';
import { checkHco } from './hco.js';
import { checkNotes } from './notes.js';

/** The standards that have business rules, by the canonical of their Bundle profile. */
export const BUSINESS_STANDARDS = {
  notes: 'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-bundle',
  hco: 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message',
} as const;
export type BusinessStandard = keyof typeof BUSINESS_STANDARDS;

const unversioned = (url: string): string => url.replace(/\|.*$/, '');

/**
 * Which standard's business rules apply to a document: a Bundle whose meta.profile names a
 * standard's Bundle profile, or one validated against it (`--ig`, `--profile`).
 */
export function businessStandard(root: unknown, runProfiles: readonly string[]): BusinessStandard | undefined {
  if (!isObject(root) || root['resourceType'] !== 'Bundle') return undefined;
  const meta = root['meta'];
  const claimed = isObject(meta) ? arrayOf(meta['profile']).filter((p): p is string => typeof p === 'string') : [];
  const urls = new Set([...runProfiles, ...claimed].map(unversioned));
  for (const [standard, url] of Object.entries(BUSINESS_STANDARDS) as [BusinessStandard, string][]) {
    if (urls.has(url)) return standard;
  }
  return undefined;
}

/** Run the business rules of `standard` on a parsed document. */
export function checkBusinessRules(standard: BusinessStandard, doc: SourceDoc, sink: IssueSink, terminology: TerminologyService, resolver: Resolver): void {
  const bundle = doc.value as Json;
  const ctx = { doc, bundle, entries: bundleEntries(bundle), sink, terminology, resolver };
  if (standard === 'notes') checkNotes(ctx);
  else checkHco(ctx);
}
