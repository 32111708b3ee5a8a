import { extendPath, ROOT_PATH, type JsonPath, type SourceDoc } from '../../load/source.js';
import type { Resolver } from '../../../defs/registry.js';
import type { TerminologyService } from '../../terminology/types.js';
import type { IssueSink, Json } from '../../context.js';
import type { ExportPurpose } from '../registry.js';
import { isObject } from '../../../util/json.js';
import { indexEntryList, resolveReference, type BundleEntry } from '../../../fhir/references.js';

/**
 * What the document is handed over for: an export purpose (`--purpose`), or `record` — a record of the
 * note history that is not an export (the mark-private step of a sequence), where the sharing rules do
 * not apply.
 */
export type BusinessPurpose = ExportPurpose | 'record';

/** A place in the document, as the sink wants it. */
export interface Place {
  jsonPath: JsonPath;
  fhirPath: string;
}

/** One resource of the Bundle with its place. */
export interface EntryResource {
  index: number;
  fullUrl: string | undefined;
  resource: Json;
  place: Place;
}

/** What a business rule sees: the parsed document (after the official walk), the sink, the run's terminology. */
export interface BusinessContext {
  doc: SourceDoc;
  bundle: Json;
  entries: EntryResource[];
  sink: IssueSink;
  /** The validator's terminology, in the scope of the standard being validated. */
  terminology: TerminologyService;
  /** The validator's definitions, in the same scope. */
  resolver: Resolver;
  /** What the document is handed over for (`--purpose`; default `sharing`). */
  purpose: BusinessPurpose;
  /**
   * The document is an entry of an export Bundle (collection or searchset), not the file itself: an
   * HCO message inside an export has left the message exchange with the GP.
   */
  exported: boolean;
}

export { isObject };
export const arrayOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const stringOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A place below `place`: `at(p, 'code', 'coding', 0)` → `….code.coding[0]`. */
export function at(place: Place, ...steps: (string | number)[]): Place {
  let fhirPath = place.fhirPath;
  for (const s of steps) fhirPath += typeof s === 'number' ? `[${s}]` : `.${s}`;
  return { jsonPath: extendPath(place.jsonPath, ...steps), fhirPath };
}

/** The place of the document's root. */
export const ROOT_PLACE: Place = { jsonPath: ROOT_PATH, fhirPath: 'Bundle' };

/** The Bundle's entries that carry a resource, with their places (below `base`, the Bundle's own place). */
export function bundleEntries(bundle: Json, base: Place = ROOT_PLACE): EntryResource[] {
  const out: EntryResource[] = [];
  arrayOf(bundle['entry']).forEach((e, index) => {
    if (!isObject(e) || !isObject(e['resource'])) return;
    out.push({
      index,
      fullUrl: stringOf(e['fullUrl']),
      resource: e['resource'],
      place: { jsonPath: extendPath(base.jsonPath, 'entry', index, 'resource'), fhirPath: `${base.fhirPath}.entry[${index}].resource` },
    });
  });
  return out;
}

/** The CPR number of a Patient resource (`urn:oid:1.2.208.176.1.2`), if it has one. */
export function cprOf(patient: Json | undefined): string | undefined {
  if (!patient) return undefined;
  for (const id of arrayOf(patient['identifier'])) {
    if (isObject(id) && id['system'] === 'urn:oid:1.2.208.176.1.2' && typeof id['value'] === 'string') return id['value'];
  }
  return undefined;
}

/** An Identifier as `system|value` (or the value alone without a system); undefined without a value. */
export function identifierKey(identifier: unknown): string | undefined {
  if (!isObject(identifier)) return undefined;
  const value = stringOf(identifier['value']);
  if (value === undefined) return undefined;
  const system = stringOf(identifier['system']);
  return system !== undefined ? `${system}|${value}` : value;
}

/**
 * The entry a reference made in `from` points to (src/fhir/references.ts): by fullUrl, or `Type/id`
 * (relative to `from`'s http fullUrl, then against the entries' own type and id).
 */
export function resolveEntry(entries: EntryResource[], reference: unknown, from: EntryResource): EntryResource | undefined {
  const ref = isObject(reference) ? stringOf(reference['reference']) : undefined;
  if (!ref) return undefined;
  const list: BundleEntry[] = entries.map((e) =>
    e.fullUrl !== undefined ? { index: e.index, fullUrl: e.fullUrl, resource: e.resource } : { index: e.index, resource: e.resource },
  );
  const hit = resolveReference(ref, { resource: from.resource, bundle: indexEntryList(list), entryFullUrl: from.fullUrl });
  return hit ? entries.find((e) => e.resource === hit) : undefined;
}

/** A FHIR dateTime with a time and a zone, as an instant (ms); undefined when it has no time or no zone. */
export function instant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}
