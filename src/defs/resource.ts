/** A FHIR resource as loaded from a definitions source: plain JSON with at least a resourceType. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  url?: string;
  version?: string;
  name?: string;
  [key: string]: unknown;
}

/** Where a resource came from: a package (id#version) or a named source. */
export interface Provenance {
  packageId: string;
  packageVersion: string;
  /** File path (or bundle file) the resource was read from, when known. */
  file?: string;
}

export interface LoadedResource {
  resource: FhirResource;
  from: Provenance;
}

/** Split `url|version` into its parts. */
export function splitCanonical(canonical: string): { url: string; version: string | undefined } {
  const bar = canonical.indexOf('|');
  if (bar < 0) return { url: canonical, version: undefined };
  return { url: canonical.slice(0, bar), version: canonical.slice(bar + 1) || undefined };
}

/** A JSON object with a string `resourceType`. */
export function isResource(x: unknown): x is FhirResource {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as FhirResource).resourceType === 'string';
}

export function isConformanceResource(r: unknown): r is FhirResource & { url: string } {
  return isResource(r) && typeof r.url === 'string';
}

/** A source of definitions. Lookups are synchronous once the source is opened. */
export interface DefinitionSource {
  readonly label: string;
  /** Find a resource by canonical url (and version, when given). */
  find(url: string, version?: string): LoadedResource | undefined;
  /** All resources of a type (used for listings and ValueSet expansion). */
  all?(resourceType?: string): Iterable<LoadedResource>;
  /** The canonical urls of the resources of a type, without reading a resource not yet read (suggestions). */
  urls?(resourceType: string): Iterable<string>;
}
