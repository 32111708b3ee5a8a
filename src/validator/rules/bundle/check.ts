import { child, type BundleIndex, type IssueSink, type Json, type Where } from '../../walk/context.js';
import { isObject } from '../../../util/json.js';

/** Index a Bundle's entries by fullUrl and by `Type/id`; `at` is where the Bundle is in the document. */
export function indexBundle(bundle: Json, at: Pick<Where, 'jsonPath' | 'fhirPath'>): BundleIndex {
  const entries: BundleIndex['entries'] = [];
  const byFullUrl: BundleIndex['byFullUrl'] = new Map();
  const byTypeId: BundleIndex['byTypeId'] = new Map();
  const byIndex: BundleIndex['byIndex'] = new Map();
  const byResource: BundleIndex['byResource'] = new Map();
  const raw = Array.isArray(bundle['entry']) ? (bundle['entry'] as unknown[]) : [];
  raw.forEach((e, index) => {
    if (!isObject(e)) return;
    const entry: BundleIndex['entries'][number] = { index };
    if (typeof e['fullUrl'] === 'string') entry.fullUrl = e['fullUrl'];
    if (isObject(e['resource'])) entry.resource = e['resource'];
    entries.push(entry);
    byIndex.set(index, entry);
    if (entry.resource) byResource.set(entry.resource, entry);
    if (entry.fullUrl && !byFullUrl.has(entry.fullUrl)) byFullUrl.set(entry.fullUrl, entry);
    const r = entry.resource;
    if (r && typeof r['resourceType'] === 'string' && typeof r['id'] === 'string') {
      const k = `${r['resourceType']}/${r['id']}`;
      if (!byTypeId.has(k)) byTypeId.set(k, entry);
    }
  });
  return { bundle, jsonPath: at.jsonPath, fhirPath: at.fhirPath, type: typeof bundle['type'] === 'string' ? bundle['type'] : undefined, entries, byFullUrl, byTypeId, byIndex, byResource };
}

const TYPE_ID = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/**
 * Resolve a reference where it is made: `#id` among the resource's contained resources; inside a
 * Bundle by fullUrl (absolute, `urn:uuid:`, `urn:oid:`), or `Type/id` relative to the entry's
 * RESTful base, or against the entries' own type and id.
 */
export function resolveIn(reference: string, where: Where): Json | undefined {
  if (reference.startsWith('#')) {
    const contained = Array.isArray(where.resource['contained']) ? (where.resource['contained'] as unknown[]) : [];
    const id = reference.slice(1);
    if (id === '') return where.resource;
    return contained.find((c): c is Json => isObject(c) && c['id'] === id);
  }
  const b = where.bundle;
  if (!b) return undefined;
  const direct = b.byFullUrl.get(reference);
  if (direct?.resource) return direct.resource;
  const m = TYPE_ID.exec(reference);
  if (m) {
    const base = where.entryFullUrl && /^https?:\/\//.test(where.entryFullUrl) ? where.entryFullUrl.replace(/[A-Z][A-Za-z]+\/[^/]+$/, '') : undefined;
    if (base) {
      const abs = b.byFullUrl.get(base + m[1] + '/' + m[2]);
      if (abs?.resource) return abs.resource;
    }
    const local = b.byTypeId.get(`${m[1]}/${m[2]}`);
    if (local?.resource) return local.resource;
  }
  return undefined;
}

/** Document and message Bundle rules, and fullUrl presence and uniqueness. */
export function checkBundle(index: BundleIndex, where: Where, sink: IssueSink): void {
  const type = index.type;
  const entryWhere = (i: number): Where => child(where, 'entry', i);
  if (type === 'document' || type === 'message') {
    const expected = type === 'document' ? 'Composition' : 'MessageHeader';
    const first = index.entries[0];
    const found = first?.resource?.['resourceType'];
    if (found !== expected) {
      const w = first ? child(entryWhere(first.index), 'resource') : child(where, 'entry');
      sink.report('bundle/first-entry', w, { expected, found: typeof found === 'string' ? found : 'nothing' });
    }
    for (const e of index.entries) if (e.fullUrl === undefined) sink.report('bundle/fullurl-missing', entryWhere(e.index));
  }
  const counts = new Map<string, { n: number; first: number; versions: Set<string> }>();
  for (const e of index.entries) {
    if (!e.fullUrl) continue;
    const meta = e.resource?.['meta'];
    const version = isObject(meta) && typeof meta['versionId'] === 'string' ? meta['versionId'] : '';
    const c = counts.get(e.fullUrl) ?? { n: 0, first: e.index, versions: new Set<string>() };
    c.n++;
    c.versions.add(version);
    counts.set(e.fullUrl, c);
  }
  for (const [fullUrl, c] of counts) {
    // bdl-7: the same fullUrl is allowed for different versions of a resource
    if (c.n > 1 && c.versions.size < c.n) sink.report('bundle/fullurl-duplicate', child(entryWhere(c.first), 'fullUrl'), { fullUrl, count: c.n });
  }
  if (type === 'message') {
    const header = index.entries[0]?.resource;
    if (header?.['resourceType'] === 'MessageHeader' && Array.isArray(header['focus'])) {
      const headerWhere: Where = { ...child(entryWhere(0), 'resource'), resource: header, bundle: index, ...(index.entries[0]?.fullUrl ? { entryFullUrl: index.entries[0].fullUrl } : {}) };
      (header['focus'] as unknown[]).forEach((f, i) => {
        const ref = isObject(f) ? f['reference'] : undefined;
        if (typeof ref === 'string' && !resolveIn(ref, headerWhere)) {
          sink.report('bundle/message-focus', child(headerWhere, 'focus', i), { reference: ref });
        }
      });
    }
  }
}
