import type { PackageIR } from '../ir/types.js';

/** The IG packages this project authors, in dependency order (profiles/index.ts). */
export async function igPackages(): Promise<PackageIR[]> {
  const mod = (await import('../../profiles/index.js')) as { packages: PackageIR[] };
  return mod.packages;
}
