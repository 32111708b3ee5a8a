import type { CodeSystemIR, InstanceIR, InvariantIR, PackageIR, StructureDefinitionIR, ValueSetIR } from '../ir/types.js';

/**
 * Handles are what authors pass around: parents, type profiles, reference targets, bound value
 * sets. The phantom `K` is the key of the handle's element map in the generated path registry
 * (see src/dsl/generated/), which is how element paths get checked by `tsc`.
 */
export interface StructureHandle<K extends string = string> {
  readonly __handle: 'structure';
  readonly url: string;
  readonly version: string;
  /** The FHIR type constrained (`Patient`, `Identifier`, `Extension`…). */
  readonly type: string;
  readonly kind: 'resource' | 'complex-type' | 'primitive-type';
  /** Registry key for typed element paths. */
  readonly key: K;
  /** The IR when the structure is authored in this project (absent for base FHIR types). */
  readonly ir?: StructureDefinitionIR;
}

export interface ProfileHandle<K extends string = string> extends StructureHandle<K> {
  readonly ir: StructureDefinitionIR;
}

export interface ExtensionHandle<K extends string = string> extends StructureHandle<K> {
  readonly type: 'Extension';
  readonly ir: StructureDefinitionIR;
}

export interface ValueSetHandle {
  readonly __handle: 'valueset';
  readonly url: string;
  readonly version?: string;
  readonly ir?: ValueSetIR;
}

export interface CodeSystemHandle<C extends string = string> {
  readonly __handle: 'codesystem';
  readonly url: string;
  readonly version?: string;
  readonly ir?: CodeSystemIR;
  /** The codes, for typed use (`coding(SCT, '15240007')` style helpers). */
  readonly codes: readonly C[];
}

export interface InvariantHandle {
  readonly __handle: 'invariant';
  readonly ir: InvariantIR;
}

export interface InstanceHandle {
  readonly __handle: 'instance';
  readonly ir: InstanceIR;
}

export type ResourceHandle = ProfileHandle | ExtensionHandle | ValueSetHandle | CodeSystemHandle | InstanceHandle;

export interface PackageHandle {
  readonly __handle: 'package';
  readonly id: string;
  readonly version: string;
  readonly canonical: string;
  readonly defaults: Readonly<Record<string, unknown>>;
  readonly status: 'draft' | 'active' | 'retired' | 'unknown';
  readonly info: Omit<PackageIR, 'resources'>;
}
