import { BaseR4Source } from './base-r4.js';
import { compareVersions, type PackageSource } from './package-source.js';
import type { DefinitionSource, FhirResource, LoadedResource } from './resource.js';
import { splitCanonical } from './resource.js';

export const FHIR_SD_BASE = 'http://hl7.org/fhir/StructureDefinition/';

/**
 * Generates the snapshot of a StructureDefinition that has only a differential, resolving its base
 * (and type profiles) through `resolver`: the definition with its snapshot. Injected (`Definitions.setSnapshotGenerator`): the
 * generator is the compiler, a layer above this one.
 */
export type SnapshotGenerator = (sd: FhirResource, resolver: Resolver) => { resource?: FhirResource; problems: string[] };

/** Completes a resolved definition (a generated snapshot for a differential-only StructureDefinition). */
export type Completer = (hit: LoadedResource, resolver: Resolver) => LoadedResource;

/** A StructureDefinition with a differential and no snapshot. */
export function isDifferentialOnly(r: FhirResource): boolean {
  const snapshot = r['snapshot'] as { element?: unknown[] } | undefined;
  const differential = r['differential'] as { element?: unknown[] } | undefined;
  return r.resourceType === 'StructureDefinition' && !snapshot?.element?.length && (differential?.element?.length ?? 0) > 0;
}

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
  private generator: { generate: SnapshotGenerator; onNotice: ((message: string) => void) | undefined } | undefined;
  /**
   * Differential-only StructureDefinitions completed with a generated snapshot (or null: none could be),
   * generated in the scope of the lookup that first resolved them.
   */
  private readonly completed = new Map<LoadedResource, LoadedResource | null>();
  /** Being generated now: a base that leads back here is a cycle. */
  private readonly generating = new Set<LoadedResource>();

  constructor(base?: BaseR4Source) {
    this.base = base ?? new BaseR4Source();
  }

  /**
   * Generate snapshots for StructureDefinitions that have only a differential, the first time a
   * lookup resolves one (then cached here, never written to the package's files). `onNotice` hears
   * what could not be generated or applied, naming the definition and the element.
   */
  setSnapshotGenerator(generate: SnapshotGenerator, onNotice?: (message: string) => void): void {
    this.generator = { generate, onNotice };
    this.completed.clear();
  }

  get generatesSnapshots(): boolean {
    return this.generator !== undefined;
  }

  private readonly complete: Completer = (hit, resolver) => {
    if (!this.generator || !isDifferentialOnly(hit.resource)) return hit;
    const done = this.completed.get(hit);
    if (done !== undefined) return done ?? hit;
    if (this.generating.has(hit)) {
      this.generator.onNotice?.(
        `StructureDefinition ${String(hit.resource.url)}: its base definitions lead back to it; no snapshot generated`,
      );
      return hit;
    }
    this.generating.add(hit);
    let result: ReturnType<SnapshotGenerator>;
    try {
      result = this.generator.generate(hit.resource, resolver);
    } finally {
      this.generating.delete(hit);
    }
    for (const p of result.problems) this.generator.onNotice?.(p);
    const out = result.resource ? { resource: result.resource, from: hit.from } : null;
    this.completed.set(hit, out);
    return out ?? hit;
  };

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
    return new Resolver([...ordered, this.base], this.complete);
  }

  /**
   * A resolver that looks first in the given packages and their dependencies (in dependency
   * order), then in every other registered package (the newest version of a package first), then
   * base R4.
   */
  preferring(roots: { id: string; version: string }[]): Resolver {
    const scoped = this.scope(roots).sources.filter((s) => s !== this.base);
    const rest = this.newestFirst().filter((p) => !scoped.includes(p));
    return new Resolver([...scoped, ...rest, this.base], this.complete);
  }

  /**
   * A resolver over every registered package, then base R4: of the versions of one package the
   * newest wins, of different packages defining the same canonical the first registered.
   */
  all(): Resolver {
    return new Resolver([...this.newestFirst(), this.base], this.complete);
  }
}

export class Resolver {
  constructor(
    readonly sources: readonly DefinitionSource[],
    /** Completes what a lookup finds (see `Definitions.setSnapshotGenerator`). */
    readonly complete?: Completer,
  ) {}

  /** Resolve `url`, `url|version`, or a bare FHIR type name such as `Patient`. */
  resolve(canonical: string, resourceType?: string): LoadedResource | undefined {
    const { url, version } = splitCanonical(canonical);
    const full = /^[A-Za-z][A-Za-z0-9]*$/.test(url) ? FHIR_SD_BASE + url : url;
    for (const source of this.sources) {
      const hit = source.find(full, version);
      if (hit && (resourceType === undefined || hit.resource.resourceType === resourceType))
        return this.complete ? this.complete(hit, this) : hit;
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
