import { compilePackage, type CompiledPackage } from '../compiler/compile-package.js';
import { Diagnostics } from '../compiler/diagnostics.js';
import { BaseR4Source } from '../defs/base-r4.js';
import { Definitions } from '../defs/registry.js';
import type { PackageIR } from '../ir/types.js';
import { writePackage, type WrittenPackage } from './writer.js';

export interface BuildOptions {
  /** Packages to compile, in dependency order (see profiles/index.ts). */
  packages: readonly PackageIR[];
  /** Output folder; when absent nothing is written. */
  out?: string;
  /** Only these package ids (and what they depend on) are built. */
  only?: readonly string[];
  definitions?: Definitions;
}

export interface BuildResult {
  packages: CompiledPackage[];
  written: WrittenPackage[];
  diagnostics: Diagnostics;
  definitions: Definitions;
  /** Milliseconds per phase. */
  timings: { compile: number; write: number };
}

function selectPackages(all: readonly PackageIR[], only?: readonly string[]): PackageIR[] {
  if (!only?.length) return [...all];
  const byId = new Map(all.map((p) => [`${p.id}#${p.version}`, p]));
  const wanted = new Set<string>();
  const visit = (p: PackageIR): void => {
    const key = `${p.id}#${p.version}`;
    if (wanted.has(key)) return;
    wanted.add(key);
    for (const [id, v] of Object.entries(p.dependencies)) {
      const dep = byId.get(`${id}#${v}`);
      if (dep) visit(dep);
    }
  };
  for (const p of all) if (only.some((o) => o === p.id || o === `${p.id}#${p.version}`)) visit(p);
  return all.filter((p) => wanted.has(`${p.id}#${p.version}`));
}

/** Compile the IG packages (and write them when `out` is given). Never throws on authoring errors. */
export async function buildIg(options: BuildOptions): Promise<BuildResult> {
  const definitions = options.definitions ?? new Definitions(new BaseR4Source());
  const diagnostics = new Diagnostics();
  const t0 = performance.now();
  const packages = selectPackages(options.packages, options.only).map((p) => compilePackage(p, definitions, diagnostics));
  const t1 = performance.now();
  const written: WrittenPackage[] = [];
  if (options.out !== undefined && !diagnostics.hasErrors) {
    for (const p of packages) written.push(await writePackage(options.out, p));
  }
  const t2 = performance.now();
  return { packages, written, diagnostics, definitions, timings: { compile: t1 - t0, write: t2 - t1 } };
}
