import type { PackageIR, ResourceIR } from '../ir/types.js';
import type { InstanceHandle, ResourceHandle, StructureHandle } from './handles.js';
import type { Pkg } from './package.js';
import { callerSource } from './source.js';

/** The explicit list of what a package ships (no folder scanning): the build compiles exactly this. */
export function packageContents(pkg: Pkg, resources: readonly (ResourceHandle | StructureHandle)[]): PackageIR {
  const out: ResourceIR[] = [];
  for (const r of resources) {
    if (r.__handle === 'structure' || r.__handle === 'valueset' || r.__handle === 'codesystem' || r.__handle === 'instance') {
      if (!r.ir) throw new Error(`${'url' in r ? r.url : '?'} is not authored in this package`);
      out.push(r.ir);
    }
  }
  return { ...pkg.info, resources: out, source: callerSource() };
}

/** An instance shipped as is (an example, a NamingSystem …), typed with @types/fhir. */
export function defineInstance<R extends { resourceType: string; id: string }>(
  resource: R,
  usage: 'example' | 'definition' = 'example',
): InstanceHandle {
  return { __handle: 'instance', ir: { resourceType: 'Instance', resource: structuredClone(resource), usage, source: callerSource() } };
}
