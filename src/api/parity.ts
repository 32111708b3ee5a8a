import { anchorsDir, indexAnchors } from '../parity/anchors.js';
import { packageParity, type PackageParity } from '../parity/run.js';
import { buildIg, type BuildResult } from '../package/build.js';
import { igPackages } from '../standards/packages.js';

export { renderParity } from '../parity/run.js';
export { formatDiagnostic } from '../compiler/diagnostics.js';

export interface ParityRun {
  /** Undefined when the official packages (../shared/anchors/medcom) are not available. */
  anchors?: string;
  build: BuildResult;
  packages: PackageParity[];
  elements: number;
  matching: number;
}

/** Build every package in memory and compare it with the official MedCom packages. */
export async function runParity(options: { only?: string[]; anchors?: string } = {}): Promise<ParityRun> {
  const build = await buildIg({ packages: await igPackages() });
  const dir = options.anchors ?? anchorsDir();
  if (!dir) return { build, packages: [], elements: 0, matching: 0 };
  const index = indexAnchors(dir);
  const packages = build.packages
    .filter((p) => !options.only?.length || options.only.includes(p.ir.id) || options.only.includes(`${p.ir.id}#${p.ir.version}`))
    .map((p) => packageParity(p, index));
  let elements = 0;
  let matching = 0;
  for (const p of packages)
    for (const s of [...p.structures, ...p.terminology]) {
      elements += s.elements;
      matching += s.matching;
    }
  return { anchors: dir, build, packages, elements, matching };
}
