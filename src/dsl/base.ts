import { R4_STRUCTURES } from './generated/registry.js';
import type { StructureHandle } from './handles.js';

type R4Name = keyof typeof R4_STRUCTURES;

const FHIR_SD = 'http://hl7.org/fhir/StructureDefinition/';

function handle<N extends string>(name: N, kind: string): StructureHandle<N> {
  return {
    __handle: 'structure',
    url: FHIR_SD + name,
    version: '4.0.1',
    type: name,
    kind: (kind.split('/')[0] ?? 'resource') as StructureHandle['kind'],
    key: name,
  };
}

/** Handles for every base FHIR R4 resource and data type: `R4.Patient`, `R4.Identifier`, … */
export const R4: { readonly [N in R4Name]: StructureHandle<N> } = Object.fromEntries(
  Object.entries(R4_STRUCTURES).map(([name, kind]) => [name, handle(name, kind as string)]),
) as { readonly [N in R4Name]: StructureHandle<N> };

/** A structure from a package we load but do not author (e.g. an HL7 extension), by canonical. */
export function externalStructure<const K extends string = 'unchecked'>(
  url: string,
  type: string,
  kind: StructureHandle['kind'] = 'complex-type',
  version = '',
): StructureHandle<K> {
  return { __handle: 'structure', url, version, type, kind, key: 'unchecked' as K };
}
