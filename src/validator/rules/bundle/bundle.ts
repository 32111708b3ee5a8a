import { child, type BundleIndex, type IssueSink, type Json, type Where } from '../../context.js';
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
