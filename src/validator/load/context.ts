import { parseReference } from '../../fhir/references.js';
import { isObject, type Json } from '../../util/json.js';

/**
 * Resources a document's references may resolve to outside the document itself (`--context`): as the
 * IG Publisher resolves an IG's examples among each other. A reference resolves here by `Type/id`
 * (relative, optionally `/_history/<v>`), by a resource's canonical `url` (with or without `|version`)
 * or by the fullUrl of an entry of a Bundle in the context. The first resource given wins on a clash.
 * Filled once per run, then read only.
 */
export class ContextResources {
  private readonly byTypeId = new Map<string, Json>();
  private readonly byUrl = new Map<string, Json>();
  private count = 0;

  /** Add a resource (and, for a Bundle, its entries' resources by fullUrl and `Type/id`). */
  add(resource: Json, fullUrl?: string): void {
    const type = resource['resourceType'];
    if (typeof type !== 'string') return;
    this.count++;
    const id = resource['id'];
    if (typeof id === 'string' && !this.byTypeId.has(`${type}/${id}`)) this.byTypeId.set(`${type}/${id}`, resource);
    if (fullUrl !== undefined && !this.byUrl.has(fullUrl)) this.byUrl.set(fullUrl, resource);
    const url = resource['url'];
    if (typeof url === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(url)) {
      if (!this.byUrl.has(url)) this.byUrl.set(url, resource);
      const version = resource['version'];
      if (typeof version === 'string' && !this.byUrl.has(`${url}|${version}`)) this.byUrl.set(`${url}|${version}`, resource);
    }
    if (type === 'Bundle' && Array.isArray(resource['entry'])) {
      for (const e of resource['entry'] as unknown[]) {
        if (!isObject(e) || !isObject(e['resource'])) continue;
        this.add(e['resource'], typeof e['fullUrl'] === 'string' ? e['fullUrl'] : undefined);
      }
    }
  }

  /** How many resources were added (entries of context Bundles included). */
  get size(): number {
    return this.count;
  }

  /** The context resource `reference` points to, if any (`#id` never: that is the referring resource's own). */
  resolve(reference: string): Json | undefined {
    if (reference.startsWith('#')) return undefined;
    const direct = this.byUrl.get(reference);
    if (direct) return direct;
    const m = parseReference(reference);
    return m.kind === 'relative' ? this.byTypeId.get(`${m.type}/${m.id}`) : undefined;
  }
}
