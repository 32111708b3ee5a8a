import type { DefinitionSource, FhirResource, LoadedResource, Provenance } from './resource.js';
import { isConformanceResource } from './resource.js';

/**
 * Compare package versions: the dotted numeric parts numerically (1.10.0 > 1.9.2), then, as semver
 * has it, a pre-release (`1.1.0-trial-use`, `2.0.0-draft`) before the release it precedes, and
 * pre-releases part by part. Negative when `a` is older.
 */
export function compareVersions(a: string, b: string): number {
  const split = (v: string): [string[], string[]] => {
    const dash = v.indexOf('-');
    return dash < 0 ? [v.split('.'), []] : [v.slice(0, dash).split('.'), v.slice(dash + 1).split(/[.-]/)];
  };
  const part = (x: string, y: string): number => {
    const nx = Number(x);
    const ny = Number(y);
    return !Number.isNaN(nx) && !Number.isNaN(ny) && x !== '' && y !== '' ? nx - ny : x.localeCompare(y);
  };
  const [ca, pa] = split(a);
  const [cb, pb] = split(b);
  for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
    const c = part(ca[i] ?? '0', cb[i] ?? '0');
    if (c !== 0) return c;
  }
  if (pa.length === 0 || pb.length === 0) return pb.length - pa.length; // a release is newer than its pre-release
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const c = part(pa[i] ?? '', pb[i] ?? '');
    if (c !== 0) return c;
  }
  return 0;
}

/** The identity of a FHIR package, as in its package.json. */
export interface PackageManifest {
  name: string;
  version: string;
  canonical?: string;
  title?: string;
  description?: string;
  fhirVersions?: string[];
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** A resource of the package with what its index needs, so that a lazily read one stays unread. */
interface Item {
  loaded: LoadedResource;
  resourceType: string;
  url?: string;
  version?: string;
}

/**
 * An in-memory index of one package's resources: what a loaded FHIR package, a folder of
 * conformance resources or one of our own compiled packages looks like to the rest of the code.
 */
export class PackageSource implements DefinitionSource {
  readonly label: string;
  private readonly byUrl = new Map<string, Item[]>();
  private readonly items: Item[] = [];

  constructor(
    readonly manifest: PackageManifest,
    readonly location?: string,
  ) {
    this.label = `${manifest.name}#${manifest.version}`;
  }

  get id(): string {
    return this.manifest.name;
  }
  get version(): string {
    return this.manifest.version;
  }

  private provenance(file: string | undefined): Provenance {
    const from: Provenance = { packageId: this.manifest.name, packageVersion: this.manifest.version };
    if (file !== undefined) from.file = file;
    return from;
  }

  private index(item: Item): void {
    this.items.push(item);
    if (item.url !== undefined) {
      const list = this.byUrl.get(item.url);
      if (list) list.push(item);
      else this.byUrl.set(item.url, [item]);
    }
  }

  add(resource: FhirResource, file?: string): LoadedResource {
    const loaded: LoadedResource = { resource, from: this.provenance(file) };
    const conformance = isConformanceResource(resource);
    this.index({
      loaded,
      resourceType: resource.resourceType,
      ...(conformance ? { url: resource.url } : {}),
      ...(typeof resource.version === 'string' ? { version: resource.version } : {}),
    });
    return loaded;
  }

  /**
   * Add a resource known by its summary (type, url, version) and read only when something asks
   * for it: `read` runs on first access of `.resource`.
   */
  addLazy(summary: { resourceType: string; url?: string; version?: string }, read: () => FhirResource, file?: string): LoadedResource {
    let resource: FhirResource | undefined;
    const loaded: LoadedResource = {
      get resource(): FhirResource {
        resource ??= read();
        return resource;
      },
      from: this.provenance(file),
    };
    this.index({ loaded, ...summary });
    return loaded;
  }

  find(url: string, version?: string): LoadedResource | undefined {
    const list = this.byUrl.get(url);
    if (!list) return undefined;
    if (version === undefined) return list[0]!.loaded;
    const versionOf = (r: Item): string => r.version ?? this.manifest.version;
    return (
      list.find((r) => versionOf(r) === version) ??
      // a partial semver version (`|1.0`) matches the highest 1.0.x
      list.filter((r) => versionOf(r).startsWith(version + '.')).sort((a, b) => compareVersions(versionOf(b), versionOf(a)))[0]
    )?.loaded;
  }

  *all(resourceType?: string): Iterable<LoadedResource> {
    for (const r of this.items) if (resourceType === undefined || r.resourceType === resourceType) yield r.loaded;
  }

  *urls(resourceType: string): Iterable<string> {
    for (const r of this.items) if (r.url !== undefined && r.resourceType === resourceType) yield r.url;
  }

  get size(): number {
    return this.items.length;
  }
}
