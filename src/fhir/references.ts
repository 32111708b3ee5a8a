import { isObject, type Json } from '../util/json.js';

/**
 * Reference resolution without a server, the one rule every part of the toolkit uses (the
 * validator's reference and Bundle checks, FHIRPath `resolve()` in the build, the validator,
 * protocol checks and TestScript asserts):
 *
 * - `#id` is looked up among the `contained` resources of the resource the reference is made in
 *   (`#` alone is that resource itself). Inside a Bundle that is the entry's resource, never the
 *   Bundle's own `contained`.
 * - Any other reference is looked up among the entries of the Bundle the resource is in: by
 *   fullUrl (absolute, `urn:uuid:`, `urn:oid:`); a `Type/id` first relative to the entry's RESTful
 *   base (its fullUrl without `Type/id`), then against the entries' own type and id, then (from an
 *   entry whose fullUrl is a `urn:uuid:`) as `urn:uuid:id`. A `…/_history/[vid]` reference picks the
 *   entry of that `meta.versionId` among those sharing the target's fullUrl.
 */

/** One entry of a Bundle: its place, fullUrl and resource (when they are there and well formed). */
export interface BundleEntry {
  index: number;
  fullUrl?: string;
  resource?: Json;
}

/** Entries indexed for resolution: by fullUrl and `Type/id` (the first entry wins). */
export interface EntryIndex {
  entries: BundleEntry[];
  byIndex: Map<number, BundleEntry>;
  byResource: Map<Json, BundleEntry>;
  byFullUrl: Map<string, BundleEntry>;
  byTypeId: Map<string, BundleEntry>;
}

/** A Bundle's entries indexed for resolution. */
export interface BundleEntries extends EntryIndex {
  bundle: Json;
}

/** Where a reference is made: the resource it is in, the Bundle that resource is an entry of. */
export interface ReferenceScope {
  /** The resource the reference is made in (an entry's resource, a contained resource, the root). */
  resource: Json;
  /** The entries of the Bundle `resource` is in (or is contained in one of). */
  bundle?: EntryIndex | undefined;
  /** fullUrl of that entry, for references relative to its RESTful base. */
  entryFullUrl?: string | undefined;
  /** The resource `resource` is contained in, when it is a contained resource (its `#id` references are the container's). */
  container?: Json | undefined;
}

/** Index a Bundle's entries by fullUrl and by `Type/id`. */
export function indexEntries(bundle: Json): BundleEntries {
  const entries: BundleEntry[] = [];
  const raw = Array.isArray(bundle['entry']) ? (bundle['entry'] as unknown[]) : [];
  raw.forEach((e, index) => {
    if (!isObject(e)) return;
    const entry: BundleEntry = { index };
    if (typeof e['fullUrl'] === 'string') entry.fullUrl = e['fullUrl'];
    if (isObject(e['resource'])) entry.resource = e['resource'];
    entries.push(entry);
  });
  return { bundle, ...indexEntryList(entries) };
}

/** Index entries already read from a Bundle (in their order) by fullUrl and by `Type/id`. */
export function indexEntryList(entries: BundleEntry[]): EntryIndex {
  const byFullUrl = new Map<string, BundleEntry>();
  const byTypeId = new Map<string, BundleEntry>();
  const byIndex = new Map<number, BundleEntry>();
  const byResource = new Map<Json, BundleEntry>();
  for (const entry of entries) {
    byIndex.set(entry.index, entry);
    if (entry.resource) byResource.set(entry.resource, entry);
    if (entry.fullUrl && !byFullUrl.has(entry.fullUrl)) byFullUrl.set(entry.fullUrl, entry);
    const r = entry.resource;
    if (r && typeof r['resourceType'] === 'string' && typeof r['id'] === 'string') {
      const k = `${r['resourceType']}/${r['id']}`;
      if (!byTypeId.has(k)) byTypeId.set(k, entry);
    }
  }
  return { entries, byFullUrl, byTypeId, byIndex, byResource };
}

/**
 * The form of a reference string:
 * - `relative`: `Type/id` or `Type/id/_history/vid`;
 * - `absolute`: an http(s) URL (no query or fragment) ending in `/Type/id` or `/Type/id/_history/vid` (`base` is
 *   what comes before `Type`);
 * - `urn`: `urn:uuid:…`, `urn:oid:…` (any `urn:`);
 * - `contained`: `#id` (`#` alone: the resource the reference is made in);
 * - `url`: another absolute URL (any scheme) that is not one of the above;
 * - `other`: a form FHIR does not define (`Patient`, `patient/1`, `a/Patient/1`, ``).
 */
export type ReferenceKind = 'relative' | 'absolute' | 'urn' | 'contained' | 'url' | 'other';

/** A reference string taken apart (parseReference). */
export interface ParsedReference {
  kind: ReferenceKind;
  /**
   * The resource type the reference's last `Type/id` segments name, whatever its kind but `contained`
   * (`a/Patient/1` names Patient, as the HL7 validator reads a reference's type).
   */
  type?: string;
  /** The id after that type; for `contained`, what follows `#` (`''` for `#` alone). */
  id?: string;
  /** The `_history` version, when the reference names one after `Type/id`. */
  version?: string;
  /** For `absolute`: the URL up to and including the `/` before the type (the RESTful base). */
  base?: string;
}

const ID = '[A-Za-z0-9\\-.]{1,64}';
/** `Type/id[/_history/vid]` at the end of the text, after its start or a `/`. */
const TYPE_ID_TAIL = new RegExp(`(?:^|/)([A-Z][A-Za-z]+)/(${ID})(?:/_history/(${ID}))?$`);
const RELATIVE = new RegExp(`^([A-Z][A-Za-z]+)/(${ID})(?:/_history/(${ID}))?$`);
const ABSOLUTE = new RegExp(`^(https?://[^?#]*/)([A-Z][A-Za-z]+)/(${ID})(?:/_history/(${ID}))?$`);
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** A reference string taken apart: its kind, and the type, id and version it names (see ReferenceKind). */
export function parseReference(reference: string): ParsedReference {
  if (reference.startsWith('#')) return { kind: 'contained', id: reference.slice(1) };
  const relative = RELATIVE.exec(reference);
  if (relative) return named('relative', relative[1], relative[2], relative[3]);
  const absolute = ABSOLUTE.exec(reference);
  if (absolute) return { ...named('absolute', absolute[2], absolute[3], absolute[4]), base: absolute[1]! };
  const kind = reference.startsWith('urn:') ? 'urn' : SCHEME.test(reference) ? 'url' : 'other';
  const tail = TYPE_ID_TAIL.exec(reference);
  return tail ? named(kind, tail[1], tail[2], tail[3]) : { kind };
}

function named(kind: ReferenceKind, type: string | undefined, id: string | undefined, version: string | undefined): ParsedReference {
  return { kind, type: type!, id: id!, ...(version !== undefined ? { version } : {}) };
}

// a version-specific reference: `…/_history/[vid]`
const HISTORY = /^(.+)\/_history\/([A-Za-z0-9\-.]{1,64})$/;

/** Whether `reference` names one version of its target (`…/_history/[vid]`). */
export function isVersionSpecific(reference: string): boolean {
  return HISTORY.test(reference);
}

/**
 * The resource `reference` points to, seen from `scope`; undefined when it is not in the document. A
 * version-specific reference (`…/_history/2`) resolves to the entry of that `meta.versionId` among those with the
 * target's fullUrl; when they state versions and none is that one, to nothing.
 */
export function resolveReference(reference: string, scope: ReferenceScope): Json | undefined {
  if (reference.startsWith('#')) return resolveContained(reference.slice(1), scope);
  const b = scope.bundle;
  if (!b) return undefined;
  const h = HISTORY.exec(reference);
  if (!h) return resolveEntry(reference, scope, b)?.resource;
  const entry = resolveEntry(h[1]!, scope, b) ?? resolveEntry(reference, scope, b);
  return entry ? versionOf(entry, h[2]!, b) : undefined;
}

function resolveEntry(reference: string, scope: ReferenceScope, b: EntryIndex): BundleEntry | undefined {
  const direct = b.byFullUrl.get(reference);
  if (direct?.resource) return direct;
  const m = parseReference(reference);
  if (m.kind === 'relative') {
    const base =
      scope.entryFullUrl && /^https?:\/\//.test(scope.entryFullUrl) ? scope.entryFullUrl.replace(/[A-Z][A-Za-z]+\/[^/]+$/, '') : undefined;
    if (base) {
      const abs = b.byFullUrl.get(`${base}${m.type}/${m.id}`);
      if (abs?.resource) return abs;
    }
    const local = b.byTypeId.get(`${m.type}/${m.id}`);
    if (local?.resource) return local;
    // from an entry whose fullUrl is a urn:uuid, `Type/id` is taken as `urn:uuid:id` (as the HL7 validator does)
    if (scope.entryFullUrl?.startsWith('urn:uuid:') && m.version === undefined) {
      const uuid = b.byFullUrl.get(`urn:uuid:${m.id}`);
      if (uuid?.resource) return uuid;
    }
  }
  return undefined;
}

/** Version `vid` of the resource of `entry`: among the entries with its fullUrl (bdl-7 allows one per version). */
function versionOf(entry: BundleEntry, vid: string, b: EntryIndex): Json | undefined {
  const same = entry.fullUrl ? b.entries.filter((e) => e.fullUrl === entry.fullUrl && e.resource) : [entry];
  const versionId = (e: BundleEntry): unknown => {
    const meta = e.resource?.['meta'];
    return isObject(meta) ? meta['versionId'] : undefined;
  };
  const hit = same.find((e) => versionId(e) === vid);
  if (hit) return hit.resource;
  // entries that state their versions, none of them this one: not in the Bundle; otherwise we cannot tell
  return same.some((e) => versionId(e) !== undefined) ? undefined : entry.resource;
}

/**
 * `#id`: a resource contained in the resource the reference is made in; in a contained resource, one of its
 * container's contained resources (its siblings, itself), and `#` alone the container (FHIR R4 References,
 * "Contained resources": contained resources share the container's `contained` list).
 */
function resolveContained(id: string, scope: ReferenceScope): Json | undefined {
  const host = scope.container ?? scope.resource;
  if (id === '') return host;
  const find = (r: Json): Json | undefined => {
    const contained = Array.isArray(r['contained']) ? (r['contained'] as unknown[]) : [];
    return contained.find((c): c is Json => isObject(c) && c['id'] === id);
  };
  return find(host) ?? (host !== scope.resource ? find(scope.resource) : undefined);
}

/** The resource `resource` is contained in, of the two given (the reference's resource and its container). */
export function containerOf(resource: Json, candidates: readonly (Json | undefined)[]): Json | undefined {
  return candidates.find(
    (c) => c !== undefined && c !== resource && Array.isArray(c['contained']) && (c['contained'] as unknown[]).includes(resource),
  );
}

function isResource(v: unknown): v is Json {
  return isObject(v) && typeof v['resourceType'] === 'string';
}

/**
 * The scope of every object in one document, for resolving where the reference is made when only
 * the document and the referring element are known (FHIRPath evaluated on a whole Bundle). Worked
 * out on first use with one walk of the document; one instance per document.
 */
export class DocumentScopes {
  private scopes: WeakMap<object, ReferenceScope> | undefined;

  constructor(readonly root: unknown) {}

  /** The scope of `node` (an object inside the document); the root's scope when it is not in it. */
  scopeOf(node: object | undefined): ReferenceScope | undefined {
    this.scopes ??= this.walk();
    return (node && this.scopes.get(node)) || (isObject(this.root) ? this.scopes.get(this.root) : undefined);
  }

  /** Resolve `reference` made at `node` (the Reference element, or the object holding the string). */
  resolve(reference: string, node: object | undefined): Json | undefined {
    const scope = this.scopeOf(node);
    return scope ? resolveReference(reference, scope) : undefined;
  }

  private walk(): WeakMap<object, ReferenceScope> {
    const out = new WeakMap<object, ReferenceScope>();
    if (!isObject(this.root)) return out;
    const stack: { value: unknown; scope: ReferenceScope }[] = [{ value: this.root, scope: { resource: this.root } }];
    while (stack.length > 0) {
      const { value, scope: outer } = stack.pop()!;
      if (Array.isArray(value)) {
        for (const v of value) if (v !== null && typeof v === 'object') stack.push({ value: v, scope: outer });
        continue;
      }
      if (!isObject(value) || out.has(value)) continue;
      let scope = outer;
      if (isResource(value) && value !== outer.resource) {
        // a resource that is not an entry's (contained, a parameter's resource) keeps the Bundle
        // and the entry of the resource it is in
        scope = { resource: value, bundle: outer.bundle, entryFullUrl: outer.entryFullUrl };
        const container = containerOf(value, [outer.resource]);
        if (container) scope.container = container;
      }
      if (isResource(value) && value['resourceType'] === 'Bundle') {
        // a Bundle resolves among its own entries; each entry's resource is a scope of its own
        const bundle = indexEntries(value);
        scope = { resource: value, bundle, entryFullUrl: scope.entryFullUrl };
        out.set(value, scope);
        for (const [k, v] of Object.entries(value)) {
          if (k !== 'entry' && v !== null && typeof v === 'object') stack.push({ value: v, scope });
        }
        const entries = Array.isArray(value['entry']) ? (value['entry'] as unknown[]) : [];
        for (const e of entries) {
          if (!isObject(e)) continue;
          out.set(e, scope); // the entry itself (fullUrl, request, search) belongs to the Bundle
          for (const [k, v] of Object.entries(e)) {
            if (v === null || typeof v !== 'object') continue;
            const entry = k === 'resource' && isResource(v) ? bundle.byResource.get(v) : undefined;
            stack.push({ value: v, scope: entry ? { resource: v as Json, bundle, entryFullUrl: entry.fullUrl } : scope });
          }
        }
        continue;
      }
      out.set(value, scope);
      for (const v of Object.values(value)) if (v !== null && typeof v === 'object') stack.push({ value: v, scope });
    }
    return out;
  }
}

/**
 * `resolve(root, reference, at)` for FHIRPath hosts that evaluate on whole documents: the scopes
 * of the last document asked about are kept until another document comes.
 */
export function documentResolver(): (root: unknown, reference: string, at: object | undefined) => Json | undefined {
  let last: DocumentScopes | undefined;
  return (root, reference, at) => {
    if (last === undefined || last.root !== root) last = new DocumentScopes(root);
    return last.resolve(reference, at);
  };
}
