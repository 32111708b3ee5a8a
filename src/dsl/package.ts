import type { PackageIR } from '../ir/types.js';
import type { PackageHandle } from './handles.js';
import { callerSource } from './source.js';

export interface PackageSpec<C extends string, V extends string> {
  /** FHIR package id, as MedCom publishes it (`medcom.fhir.dk.core`). */
  id: string;
  version: V;
  /** Canonical base of the IG (`http://medcomfhir.dk/ig/core`). */
  canonical: C;
  name: string;
  title: string;
  description?: string;
  status?: 'draft' | 'active' | 'retired' | 'unknown';
  /** Published dependencies (package id → exact version). `hl7.fhir.r4.core` is implied. */
  dependencies: Record<string, string>;
  /** `complete` when every artifact of the published package is re-authored. */
  coverage: 'complete' | 'partial';
  /** What is covered when partial, and why. */
  coverageNote?: string;
  /**
   * Which IG Publisher generation's snapshot behaviour to reproduce (MedCom's published packages
   * were built with different ones); see docs/compiler/snapshot-generation.md. Default `publisher-2025`.
   */
  snapshotRules?: 'publisher-2024' | 'publisher-2025' | 'publisher-2025-09' | 'publisher-2025-12' | 'publisher-2026';
  /**
   * Reproduce the IG Publisher's pinning of canonicals from packages that appear in more than one
   * version in this package's dependency closure (`pin-multiples`): an unversioned canonical a
   * profile *inherits* (binding value set, type profile, target profile, constraint source) that
   * lies under such a package's canonical gets `|version` of the version this package declares.
   * References the package authors itself are written as published. See
   * docs/compiler/snapshot-generation.md. Default false.
   */
  pinInheritedCanonicals?: boolean;
  /**
   * Canonicals the IG Publisher pinned to a version in the published snapshots (url → version),
   * as its `pin-canonicals: pin-multiples` parameter does for resources the dependency closure has
   * in several versions. Applied to unversioned type profiles in every snapshot of the package.
   */
  snapshotPins?: Record<string, string>;
  /** StructureDefinition/ValueSet/CodeSystem fields every resource in the package carries. */
  defaults?: {
    publisher?: string;
    contact?: fhir4.ContactDetail[];
    jurisdiction?: fhir4.CodeableConcept[];
    copyright?: string;
    date?: string;
  };
  /** Extra package.json fields (author, license, url, …). */
  manifest?: Record<string, unknown>;
  /**
   * Packages the IG Publisher provides without a declared dependency (cross-version extensions
   * `http://hl7.org/fhir/5.0/StructureDefinition/extension-…`): resolvable, not a dependency.
   */
  implicitPackages?: readonly PackageIR[];
}

export type Pkg<C extends string = string, V extends string = string> = PackageHandle & { readonly canonical: C; readonly version: V };

/** Declare a FHIR package: its identity, dependencies and what every resource in it shares. */
export function definePackage<const C extends string, const V extends string>(spec: PackageSpec<C, V>): Pkg<C, V> {
  const source = callerSource();
  const info: Omit<PackageIR, 'resources'> = {
    id: spec.id,
    version: spec.version,
    canonical: spec.canonical,
    name: spec.name,
    title: spec.title,
    fhirVersion: '4.0.1',
    dependencies: { 'hl7.fhir.r4.core': '4.0.1', ...spec.dependencies },
    coverage: spec.coverage,
    snapshotRules: spec.snapshotRules ?? 'publisher-2025',
    ...(spec.pinInheritedCanonicals ? { pinInheritedCanonicals: true } : {}),
    ...(spec.snapshotPins ? { snapshotPins: { ...spec.snapshotPins } } : {}),
    defaults: { ...(spec.defaults ?? {}) },
    source,
  };
  if (spec.description !== undefined) info.description = spec.description;
  if (spec.coverageNote !== undefined) info.coverageNote = spec.coverageNote;
  if (spec.manifest !== undefined) info.extra = spec.manifest;
  if (spec.implicitPackages?.length) info.implicit = [...spec.implicitPackages];
  return {
    __handle: 'package',
    id: spec.id,
    version: spec.version,
    canonical: spec.canonical,
    defaults: { ...(spec.defaults ?? {}) },
    status: spec.status ?? 'active',
    info,
  };
}
