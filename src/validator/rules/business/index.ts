/**
 * The business-rule layer: rules from the standards' text, clinical documentation and agreements
 * that the published profiles do not express. They run after the official walk, on the parsed
 * document, report with `business/…` rule ids (layer `business`), and are switched with
 * `--rules official|business|all` (docs/rules/business/README.md).
 *
 * What a document is handed over for is the run's purpose (`--purpose sharing|aktindsigt`, default
 * `sharing`). An export is a set of documents: files, or an export Bundle (type `collection` or
 * `searchset`) whose entries are the documents (Notes document Bundles, HCO message Bundles) or HCO
 * DiagnosticReports; an HCO DiagnosticReport file on its own is an exported report too when the run
 * states its purpose (`--purpose`; without it, a standalone report is just validated); each document
 * in an export Bundle gets its standard's rules, located inside the export. What needs the history of
 * a note (withdrawal, access export against the marking) is decided over a sequence (sequence.ts).
 */
import type { SourceDoc } from '../../load/source.js';
import type { Resolver } from '../../../defs/registry.js';
import type { TerminologyService } from '../../terminology/types.js';
import type { IssueSink, Json } from '../../context.js';
import { arrayOf, bundleEntries, isObject, ROOT_PLACE, type BusinessContext, type BusinessPurpose, type Place } from './context.js';
import { checkHco, checkRestricted, HCO_DIAGNOSTIC_REPORT } from './hco.js';
import { checkNotes, checkSource, documentPatient } from './notes.js';

/** The standards that have business rules, by the canonical of their Bundle profile. */
export const BUSINESS_STANDARDS = {
  notes: 'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-bundle',
  hco: 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message',
  /** Ours, not MedCom's: the clinic system's upload of a GP note to PLSP (profiles/medcom-ig-local, GpNoteSourceBundle). */
  'gp-note-source': 'https://medcom-ig.example/fhir/local/StructureDefinition/gp-note-source-bundle',
} as const;
export type BusinessStandard = keyof typeof BUSINESS_STANDARDS;
/**
 * What the business layer checks in a file: a document of a standard, an export Bundle of documents, or
 * an HCO DiagnosticReport handed over on its own (outside its message: an export item).
 */
export type BusinessTarget = BusinessStandard | 'export' | 'hco-report';

/** Bundle types that make a Bundle an export of documents rather than a document or message. */
export const EXPORT_BUNDLE_TYPES: readonly string[] = ['collection', 'searchset'];

const unversioned = (url: string): string => url.replace(/\|.*$/, '');

/** The canonicals a resource claims in meta.profile, unversioned. */
export function claimedProfiles(resource: unknown): string[] {
  if (!isObject(resource)) return [];
  const meta = resource['meta'];
  return isObject(meta)
    ? arrayOf(meta['profile'])
        .filter((p): p is string => typeof p === 'string')
        .map(unversioned)
    : [];
}

/**
 * Which business rules apply to a document: an export Bundle (type collection or searchset); a
 * Bundle whose meta.profile names a standard's Bundle profile, or one validated against it (`--ig`,
 * `--profile`).
 */
export function businessStandard(root: unknown, runProfiles: readonly string[]): BusinessTarget | undefined {
  if (isObject(root) && root['resourceType'] === 'DiagnosticReport' && claimedProfiles(root).includes(HCO_DIAGNOSTIC_REPORT))
    return 'hco-report';
  if (!isObject(root) || root['resourceType'] !== 'Bundle') return undefined;
  if (typeof root['type'] === 'string' && EXPORT_BUNDLE_TYPES.includes(root['type'])) return 'export';
  const urls = new Set([...runProfiles.map(unversioned), ...claimedProfiles(root)]);
  for (const [standard, url] of Object.entries(BUSINESS_STANDARDS) as [BusinessStandard, string][]) {
    if (urls.has(url)) return standard;
  }
  return undefined;
}

/** The run's inputs to the business rules. */
export interface BusinessRun {
  sink: IssueSink;
  terminology: TerminologyService;
  resolver: Resolver;
  purpose: BusinessPurpose;
}

/** Run the business rules of `target` on a parsed document. */
export function checkBusinessRules(target: BusinessTarget, doc: SourceDoc, run: BusinessRun): void {
  const root = doc.value as Json;
  if (target === 'hco-report') {
    const entry = { index: 0, fullUrl: undefined, resource: root, place: { jsonPath: ROOT_PLACE.jsonPath, fhirPath: 'DiagnosticReport' } };
    checkRestricted(context(doc, root, [entry], run, true), entry);
    return;
  }
  if (target !== 'export') {
    checkDocument(target, doc, root, ROOT_PLACE, false, run);
    return;
  }
  // an export Bundle: each entry that is a document of a standard, or an HCO report on its own
  let first: { cpr: string; index: number } | undefined;
  for (const entry of bundleEntries(root)) {
    const resource = entry.resource;
    if (resource['resourceType'] === 'Bundle') {
      const standard = businessStandard(resource, []);
      if (standard === 'notes' || standard === 'hco') checkDocument(standard, doc, resource, entry.place, true, run);
      // an access-request export is one patient's
      if (standard === 'notes' && run.purpose === 'aktindsigt') {
        const patient = documentPatient(bundleEntries(resource, entry.place));
        if (!patient) continue;
        if (!first) first = { cpr: patient.cpr, index: entry.index };
        else if (patient.cpr !== first.cpr) {
          run.sink.report('business/notes-aktindsigt-other-patient', patient.place, {
            cpr: patient.cpr,
            expected: first.cpr,
            first: `Bundle.entry[${first.index}]`,
          });
        }
      }
    } else if (resource['resourceType'] === 'DiagnosticReport' && claimedProfiles(resource).includes(HCO_DIAGNOSTIC_REPORT)) {
      const ctx = context(doc, root, [entry], run, true);
      checkRestricted(ctx, entry);
    }
  }
}

function context(doc: SourceDoc, bundle: Json, entries: BusinessContext['entries'], run: BusinessRun, exported: boolean): BusinessContext {
  return { doc, bundle, entries, sink: run.sink, terminology: run.terminology, resolver: run.resolver, purpose: run.purpose, exported };
}

function checkDocument(standard: BusinessStandard, doc: SourceDoc, bundle: Json, place: Place, exported: boolean, run: BusinessRun): void {
  const ctx = context(doc, bundle, bundleEntries(bundle, place), run, exported);
  if (standard === 'notes') checkNotes(ctx);
  else if (standard === 'gp-note-source') checkSource(ctx);
  else checkHco(ctx);
}
