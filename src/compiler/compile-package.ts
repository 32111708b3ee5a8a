import { Resolver, type Definitions } from '../defs/registry.js';
import { PackageSource, type PackageManifest } from '../defs/package-source.js';
import type { DefinitionSource, FhirResource, LoadedResource } from '../defs/resource.js';
import type { InvariantIR, PackageIR, ResourceIR, StructureDefinitionIR } from '../ir/types.js';
import type { Diagnostics } from './diagnostics.js';
import { checkInvariantExamples } from './invariants.js';
import { compileStructureDefinition } from './structure-definition.js';
import { SNAPSHOT_RULES } from './snapshot-rules.js';
import { compileCodeSystem, compileValueSet } from './terminology.js';

export interface CompiledPackage {
  ir: PackageIR;
  manifest: PackageManifest;
  source: PackageSource;
  /** Conformance resources in package order. */
  resources: FhirResource[];
  /** Example instances (go to `package/example/`). */
  examples: FhirResource[];
}

/**
 * Stands in for profiles of the package being compiled that are not compiled yet, so that
 * reference targets (which may point at a profile compiled later, or at the profile itself)
 * resolve to their type and base definition.
 */
class PendingSource implements DefinitionSource {
  readonly label = 'pending';
  private readonly stubs = new Map<string, LoadedResource>();
  constructor(
    pkg: PackageIR,
    private readonly done: PackageSource,
  ) {
    for (const r of pkg.resources) {
      if (r.resourceType !== 'StructureDefinition') continue;
      const stub: FhirResource = {
        resourceType: 'StructureDefinition',
        url: r.url,
        version: r.version,
        id: r.id,
        baseDefinition: r.parent.url,
      };
      this.stubs.set(r.url, { resource: stub, from: { packageId: pkg.id, packageVersion: pkg.version } });
    }
  }
  find(url: string): LoadedResource | undefined {
    if (this.done.find(url)) return undefined;
    return this.stubs.get(url);
  }
}

function dependencyUrls(sd: StructureDefinitionIR): string[] {
  const out = [sd.parent.url];
  for (const r of sd.rules) {
    for (const t of r.types ?? []) if (t.code !== 'Reference' && t.code !== 'canonical') out.push(...(t.profile ?? []));
    for (const c of r.contains ?? []) if (c.profile) out.push(c.profile);
  }
  return out;
}

/** Drop (and report) a second resource with the same type and id, or the same canonical url. */
function withoutDuplicates(ir: PackageIR, diagnostics: Diagnostics): ResourceIR[] {
  const seen = new Set<string>();
  const out: ResourceIR[] = [];
  for (const r of ir.resources) {
    const keys =
      r.resourceType === 'Instance'
        ? [`${r.resource.resourceType}/${r.resource.id}`]
        : [`${r.resourceType}/${r.id}`, `${r.resourceType} ${r.url}`];
    const clash = keys.find((k) => seen.has(k));
    if (clash) {
      diagnostics.report('compile/duplicate-resource', `${ir.id}#${ir.version} has two resources ${clash}`, { source: r.source });
      continue;
    }
    for (const k of keys) seen.add(k);
    out.push(r);
  }
  return out;
}

/** Order StructureDefinitions so parents and type profiles compile before their users. */
function compileOrder(resources: ResourceIR[]): ResourceIR[] {
  const sds = resources.filter((r): r is StructureDefinitionIR => r.resourceType === 'StructureDefinition');
  const byUrl = new Map(sds.map((s) => [s.url, s]));
  const out: ResourceIR[] = resources.filter((r) => r.resourceType !== 'StructureDefinition');
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (sd: StructureDefinitionIR): void => {
    if (state.get(sd.url) === 'done') return;
    if (state.get(sd.url) === 'visiting') return; // cycle through type profiles: compile in authoring order
    state.set(sd.url, 'visiting');
    for (const dep of dependencyUrls(sd)) {
      const d = byUrl.get(dep.split('|')[0]!);
      if (d && d !== sd) visit(d);
    }
    state.set(sd.url, 'done');
    out.push(sd);
  };
  for (const sd of sds) visit(sd);
  return out;
}

/**
 * The IG Publisher's `pin-multiples`, for what a package's profiles inherit: the packages that
 * appear in more than one version in the dependency closure (from the declared dependencies and
 * the manifests of the registered packages), and for a canonical under one of their canonical
 * bases, `url|version` — the resource's version in the version this package declares (that
 * package's version when it is not registered). Canonicals of packages only reached indirectly
 * are left alone, as are packages no registered version tells us the canonical base of.
 */
export function inheritedCanonicalPins(ir: PackageIR, defs: Definitions): (url: string) => string | undefined {
  const versions = new Map<string, Set<string>>();
  const visit = (id: string, version: string): void => {
    const seen = versions.get(id) ?? new Set<string>();
    if (seen.has(version)) return;
    seen.add(version);
    versions.set(id, seen);
    const pkg = defs.getPackage(id, version);
    for (const [d, v] of Object.entries(pkg?.manifest.dependencies ?? {})) visit(d, v);
  };
  for (const [d, v] of Object.entries(ir.dependencies)) visit(d, v);
  const bases: { base: string; id: string; declared: string }[] = [];
  for (const [id, vs] of versions) {
    const declared = ir.dependencies[id];
    if (vs.size < 2 || declared === undefined) continue;
    const canonical = defs.listPackages().find((p) => p.manifest.name === id)?.manifest.canonical;
    if (typeof canonical === 'string') bases.push({ base: `${canonical}/`, id, declared });
  }
  if (bases.length === 0) return () => undefined;
  const registered = defs.listPackages();
  const pins = new Map<string, string | undefined>();
  return (url) => {
    if (pins.has(url)) return pins.get(url);
    // a canonical base can be shared (the FHIR extensions pack lives under http://hl7.org/fhir/ like
    // the core spec): pin only what a registered version of that package actually defines
    const hit = bases.find((b) => url.startsWith(b.base) && registered.some((p) => p.manifest.name === b.id && p.find(url) !== undefined));
    const version = hit ? defs.getPackage(hit.id, hit.declared)?.find(url)?.resource['version'] : undefined;
    const pinned = hit ? `${url}|${typeof version === 'string' ? version : hit.declared}` : undefined;
    pins.set(url, pinned);
    return pinned;
  };
}

/**
 * The packages the IG Publisher provides to `ir` without a declared dependency (cross-version
 * extensions): compiled on demand when the build did not select them, searched last.
 */
function implicitSources(ir: PackageIR, defs: Definitions, diagnostics: Diagnostics): DefinitionSource[] {
  const out: DefinitionSource[] = [];
  for (const dep of ir.implicit ?? []) {
    let source = defs.getPackage(dep.id, dep.version);
    if (!source) source = compilePackage(dep, defs, diagnostics).source;
    out.push(source);
  }
  return out;
}

export function manifestOf(ir: PackageIR): PackageManifest {
  const m: PackageManifest = {
    name: ir.id,
    version: ir.version,
    'tools-version': 3,
    type: 'IG',
    canonical: ir.canonical,
    url: `${ir.canonical}/${ir.version}`,
    title: ir.title,
    fhirVersions: ['4.0.1'],
    dependencies: { ...ir.dependencies },
  };
  if (ir.description !== undefined) m.description = ir.description;
  for (const [k, v] of Object.entries(ir.extra ?? {})) m[k] = v;
  m['directories'] = { lib: 'package', example: 'example' };
  return m;
}

/**
 * Compile one package: terminology first, then StructureDefinitions in dependency order (each
 * added to the package as soon as it is compiled), then the invariant examples.
 */
export function compilePackage(ir: PackageIR, defs: Definitions, diagnostics: Diagnostics): CompiledPackage {
  const manifest = manifestOf(ir);
  const source = new PackageSource(manifest);
  defs.addPackage(source);
  const base = defs.scope([{ id: ir.id, version: ir.version }]);
  const pending = new PendingSource(ir, source);
  const resolver = new Resolver([...base.sources, pending, ...implicitSources(ir, defs, diagnostics)]);
  const defaults = { ...ir.defaults };
  const pin = ir.pinInheritedCanonicals ? inheritedCanonicalPins(ir, defs) : undefined;
  const compiled = new Map<ResourceIR, FhirResource>();
  const examples: FhirResource[] = [];
  const unique = withoutDuplicates(ir, diagnostics);
  for (const r of compileOrder(unique)) {
    let out: FhirResource | undefined;
    switch (r.resourceType) {
      case 'StructureDefinition':
        out = compileStructureDefinition(r, resolver, diagnostics, {
          defaults,
          rules: SNAPSHOT_RULES[ir.snapshotRules],
          ...(pin ? { pin } : {}),
          ...(ir.snapshotPins ? { pins: ir.snapshotPins } : {}),
        }) as unknown as FhirResource | undefined;
        break;
      case 'ValueSet':
        out = compileValueSet(r, defaults) as unknown as FhirResource;
        break;
      case 'CodeSystem':
        out = compileCodeSystem(r, defaults) as unknown as FhirResource;
        break;
      case 'Instance':
        if (r.usage === 'example') examples.push(structuredClone(r.resource));
        else out = structuredClone(r.resource);
        break;
    }
    if (out) {
      compiled.set(r, out);
      source.add(out);
    }
  }
  // invariants authored in this package: evaluate their examples once each
  const invariants = new Set<InvariantIR>();
  for (const r of ir.resources) {
    if (r.resourceType !== 'StructureDefinition') continue;
    for (const rule of r.rules) for (const c of rule.constraints ?? []) invariants.add(c);
  }
  for (const inv of invariants) checkInvariantExamples(inv, diagnostics);
  const resources = ir.resources.map((r) => compiled.get(r)).filter((r): r is FhirResource => r !== undefined);
  return { ir, manifest, source, resources, examples };
}
