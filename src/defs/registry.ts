import { BaseR4Source } from './base-r4.js';
import { compareVersions, type PackageSource } from './package-source.js';
import type { DefinitionSource, LoadedResource } from './resource.js';
import { splitCanonical } from './resource.js';

export const FHIR_SD_BASE = 'http://hl7.org/fhir/StructureDefinition/';

/**
 * Canonical resolution. Packages are registered by `id#version`; a lookup runs against a *scope*:
 * the packages a given package depends on (transitively), then base R4. This is what lets the same
 * canonical URL mean different things in different chains (MedCom core 2.4.0 vs 4.0.0).
 */
export class Definitions {
  private readonly packages = new Map<string, PackageSource>();
  /** newestFirst(), kept until a package is added. */
  private order: PackageSource[] | undefined;
  readonly base: BaseR4Source;

  constructor(base?: BaseR4Source) {
    this.base = base ?? new BaseR4Source();
  }

  addPackage(pkg: PackageSource): void {
    this.packages.set(pkg.label, pkg);
    this.order = undefined;
  }

  getPackage(id: string, version: string): PackageSource | undefined {
    return this.packages.get(`${id}#${version}`);
  }

  listPackages(): PackageSource[] {
    return [...this.packages.values()];
  }

  /**
   * The registered packages in the order an unscoped lookup tries them: packages of different ids in
   * the order they were registered, the versions of one package newest first. So a canonical
   * without `|version` that several versions of a package define resolves to the newest version we
   * hold, as the HL7 validator does when several versions are loaded (issue 14, item 5).
   */
  private newestFirst(): PackageSource[] {
    if (this.order) return this.order;
    const groups = new Map<string, PackageSource[]>();
    for (const p of this.packages.values()) {
      const id = p.manifest.name;
      const g = groups.get(id);
      if (g) g.push(p);
      else groups.set(id, [p]);
    }
    this.order = [...groups.values()].flatMap((g) => g.sort((a, b) => compareVersions(b.manifest.version, a.manifest.version)));
    return this.order;
  }

  /**
   * A resolver over the given packages and their registered dependencies, then base R4. The
   * dependency graph is walked breadth first, so the version a package declares itself wins over
   * one that only a dependency declares (HCO 1.1.0 declares DK Core 3.4.0, while its MedCom Core
   * 2.4.0 was built on 3.2.0: bare DK Core canonicals mean 3.4.0 there, as in HCO's published
   * snapshots). Other versions stay in the scope, later, for `url|version` lookups.
   */
  scope(roots: { id: string; version: string }[]): Resolver {
    const ordered: PackageSource[] = [];
    const seen = new Set<string>();
    let level = roots.map((r) => `${r.id}#${r.version}`);
    while (level.length > 0) {
      const next: string[] = [];
      for (const key of level) {
        if (seen.has(key)) continue;
        seen.add(key);
        const pkg = this.packages.get(key);
        if (!pkg) continue;
        ordered.push(pkg);
        for (const [depId, depVersion] of Object.entries(pkg.manifest.dependencies ?? {})) next.push(`${depId}#${depVersion}`);
      }
      level = next;
    }
    return new Resolver([...ordered, this.base]);
  }

  /**
   * A resolver that looks first in the given packages and their dependencies (in dependency
   * order), then in every other registered package (the newest version of a package first), then
   * base R4.
   */
  preferring(roots: { id: string; version: string }[]): Resolver {
    const scoped = this.scope(roots).sources.filter((s) => s !== this.base);
    const rest = this.newestFirst().filter((p) => !scoped.includes(p));
    return new Resolver([...scoped, ...rest, this.base]);
  }

  /**
   * A resolver over every registered package, then base R4: of the versions of one package the
   * newest wins, of different packages defining the same canonical the first registered.
   */
  all(): Resolver {
    return new Resolver([...this.newestFirst(), this.base]);
  }
}

export class Resolver {
  constructor(readonly sources: readonly DefinitionSource[]) {}

  /** Resolve `url`, `url|version`, or a bare FHIR type name such as `Patient`. */
  resolve(canonical: string, resourceType?: string): LoadedResource | undefined {
    const { url, version } = splitCanonical(canonical);
    const full = /^[A-Za-z][A-Za-z0-9]*$/.test(url) ? FHIR_SD_BASE + url : url;
    for (const source of this.sources) {
      const hit = source.find(full, version);
      if (hit && (resourceType === undefined || hit.resource.resourceType === resourceType)) return hit;
    }
    return undefined;
  }

  *all(resourceType?: string): Iterable<LoadedResource> {
    for (const s of this.sources) if (s.all) yield* s.all(resourceType);
  }

  /** The canonical urls of a resource type the sources that index them hold (the packages; base R4 not), each once. */
  urls(resourceType: string): string[] {
    const out = new Set<string>();
    for (const s of this.sources) if (s.urls) for (const u of s.urls(resourceType)) out.add(u);
    return [...out];
  }
}
