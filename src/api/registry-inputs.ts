import type { BaseR4Source } from '../defs/base-r4.js';
import { Definitions, type Resolver } from '../defs/registry.js';
import { buildIg } from '../package/build.js';
import { igPackages } from '../standards/packages.js';

type SD = fhir4.StructureDefinition;

/** Compile the IG in memory and list its StructureDefinitions for the path registry. */
export async function registryInputs(
  base: BaseR4Source,
): Promise<{ profiles: { key: string; type: string; sd: SD }[]; resolverFor: (key: string) => Resolver | undefined }> {
  const definitions = new Definitions(base);
  const result = await buildIg({ packages: await igPackages(), definitions });
  const profiles: { key: string; type: string; sd: SD }[] = [];
  const scopes = new Map<string, Resolver>();
  for (const p of result.packages) {
    const scope = definitions.scope([{ id: p.ir.id, version: p.ir.version }]);
    for (const r of p.resources) {
      if (r.resourceType !== 'StructureDefinition') continue;
      const sd = r as unknown as SD;
      const key = `${sd.url}|${sd.version}`;
      profiles.push({ key, type: sd.type, sd });
      scopes.set(key, scope);
    }
  }
  return { profiles, resolverFor: (key) => scopes.get(key) };
}
