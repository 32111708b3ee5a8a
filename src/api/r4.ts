/** `medcom-ig r4-cache`: the base FHIR R4 definitions written as a FHIR package (src/defs/r4-package.ts). */
export { defaultPackageCache } from '../defs/load-package.js';

export interface WriteR4Options {
  /** The package cache to write hl7.fhir.r4.core#4.0.1 into (ignored when `into` is given). */
  cache: string;
  /** Write the package folder here instead (the compact copy validate reads, dist/r4). */
  into?: string;
  /** Rewrite even if present. */
  force?: boolean;
  /** The compact definitions validation reads (no narratives, differentials or documentation; definition resources only). */
  min?: boolean;
}

/** Write the base R4 package; answers the folder it is in. */
export async function writeR4Package(options: WriteR4Options): Promise<string> {
  const [{ BaseR4Source }, { writeR4CorePackage, writeR4PackageFolder }] = await Promise.all([
    import('../defs/base-r4.js'),
    import('../defs/r4-package.js'),
  ]);
  const base = new BaseR4Source({ flavor: options.min ? 'min' : 'full' });
  const force = options.force === true;
  return options.into
    ? writeR4PackageFolder(base, options.into, force, { definitionsOnly: options.min === true })
    : writeR4CorePackage(base, options.cache, force);
}
