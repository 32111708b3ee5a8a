import { child, placeKey, type BundleIndex, type IssueSink, type Json, type Where } from '../../context.js';
import { isObject } from '../../../util/json.js';
import { indexEntries, resolveReference } from '../../../fhir/references.js';

/** Index a Bundle's entries by fullUrl and by `Type/id`; `at` is where the Bundle is in the document. */
export function indexBundle(bundle: Json, at: Pick<Where, 'jsonPath' | 'fhirPath'>): BundleIndex {
  return {
    ...indexEntries(bundle),
    jsonPath: at.jsonPath,
    fhirPath: at.fhirPath,
    type: typeof bundle['type'] === 'string' ? bundle['type'] : undefined,
  };
}

/** What the Bundle rules need to know of the FHIR model. */
export interface BundleModel {
  /** Whether `type` names a resource type of FHIR R4 (for telling a RESTful fullUrl). */
  isResourceType(type: string): boolean;
}

// an absolute URI starts with a scheme (RFC 3986): `urn:uuid:…`, `http://…`
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;
// a RESTful server URL: [base]/[type]/[id] on http(s), the id as FHIR's id type allows
const RESTFUL = /^https?:\/\/.+\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/**
 * Each entry's fullUrl: absolute, and when it is a RESTful URL (`[base]/[type]/[id]`), ending with the type and
 * id of the entry's resource (FHIR R4 Bundle.entry.fullUrl: it "SHALL NOT disagree with the id in the resource").
 * A transaction or batch entry that creates its resource (POST) may have no id yet.
 */
function checkFullUrls(index: BundleIndex, where: Where, sink: IssueSink, model: BundleModel): void {
  const raw = Array.isArray(index.bundle['entry']) ? (index.bundle['entry'] as unknown[]) : [];
  const firstWith = new Map<string, number>();
  for (const e of index.entries) if (e.fullUrl && !firstWith.has(e.fullUrl)) firstWith.set(e.fullUrl, e.index);
  for (const e of index.entries) {
    if (e.fullUrl === undefined || e.fullUrl === '') continue;
    const at = child(child(where, 'entry', e.index), 'fullUrl');
    if (!ABSOLUTE.test(e.fullUrl)) {
      sink.report('bundle/fullurl-not-absolute', at, { fullUrl: e.fullUrl });
      continue;
    }
    const m = RESTFUL.exec(e.fullUrl);
    const r = e.resource;
    if (!m || !r || typeof r['resourceType'] !== 'string' || !model.isResourceType(m[1]!)) continue;
    const id = typeof r['id'] === 'string' ? r['id'] : undefined;
    if (id === undefined) {
      const entry = raw[e.index];
      const request = isObject(entry) ? entry['request'] : undefined;
      if (isObject(request) && request['method'] === 'POST') continue;
    }
    if (id === undefined || m[1] !== r['resourceType'] || m[2] !== id) {
      // it follows from a fullUrl copied from an earlier entry (reported there), or from a wrong resource type
      const first = firstWith.get(e.fullUrl);
      const causes = [
        ...(first !== undefined && first !== e.index
          ? [placeKey('bundle/fullurl-duplicate', child(child(where, 'entry', first), 'fullUrl').fhirPath)]
          : []),
        placeKey('structure/resource-type', child(child(where, 'entry', e.index), 'resource').fhirPath),
      ];
      sink.report(
        'bundle/fullurl-resource-mismatch',
        at,
        { fullUrl: e.fullUrl, expected: `${r['resourceType']}/${id ?? '(no id)'}` },
        { causes },
      );
    }
  }
}

// the relations that name one link of a Bundle: itself and the pages of a search or history (a document may have
// several stylesheets, a Bundle several alternates)
const SINGLE_RELATIONS = new Set(['self', 'first', 'previous', 'prev', 'next', 'last']);

/** Bundle.link: self, first, previous, next and last occur once each. */
function checkLinks(bundle: Json, where: Where, sink: IssueSink): void {
  const links = Array.isArray(bundle['link']) ? (bundle['link'] as unknown[]) : [];
  const seen = new Set<string>();
  links.forEach((l, i) => {
    const relation = isObject(l) ? l['relation'] : undefined;
    if (typeof relation !== 'string' || !SINGLE_RELATIONS.has(relation)) return;
    if (seen.has(relation)) sink.report('bundle/link-relation-duplicate', child(child(where, 'link', i), 'relation'), { relation });
    seen.add(relation);
  });
}

/** Document and message Bundle rules, fullUrl presence, form and uniqueness, link relations. */
export function checkBundle(index: BundleIndex, where: Where, sink: IssueSink, model: BundleModel): void {
  checkFullUrls(index, where, sink, model);
  checkLinks(index.bundle, where, sink);
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
    for (const e of index.entries) if (e.fullUrl === undefined) sink.report('bundle/fullurl-missing', entryWhere(e.index), {});
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
    if (c.n > 1 && c.versions.size < c.n)
      sink.report('bundle/fullurl-duplicate', child(entryWhere(c.first), 'fullUrl'), { fullUrl, count: c.n });
  }
  if (type === 'message') {
    const header = index.entries[0]?.resource;
    if (header?.['resourceType'] === 'MessageHeader' && Array.isArray(header['focus'])) {
      const headerWhere: Where = {
        ...child(entryWhere(0), 'resource'),
        resource: header,
        bundle: index,
        ...(index.entries[0]?.fullUrl ? { entryFullUrl: index.entries[0].fullUrl } : {}),
      };
      (header['focus'] as unknown[]).forEach((f, i) => {
        const ref = isObject(f) ? f['reference'] : undefined;
        if (typeof ref === 'string' && !resolveReference(ref, headerWhere)) {
          sink.report('bundle/message-focus', child(headerWhere, 'focus', i), { reference: ref });
        }
      });
    }
  }
}
