import type { CompiledPackage } from '../compiler/compile-package.js';
import type { AnchorIndex } from './anchors.js';
import { compareStructure, compareTerminology, type StructureParity, type TerminologyParity } from './compare.js';

export interface PackageParity {
  packageId: string;
  version: string;
  structures: StructureParity[];
  terminology: TerminologyParity[];
  /** Our resources without an official counterpart (same url and version). */
  unmatched: string[];
  /** Official resources of this package id+version that we do not author. */
  notAuthored: string[];
}

/** Compare every compiled conformance resource with its counterpart in the same official package. */
export function packageParity(pkg: CompiledPackage, index: AnchorIndex): PackageParity {
  const label = `${pkg.ir.id}#${pkg.ir.version}`;
  const out: PackageParity = {
    packageId: pkg.ir.id,
    version: pkg.ir.version,
    structures: [],
    terminology: [],
    unmatched: [],
    notAuthored: [],
  };
  const official = index.packages.get(label);
  const ours = new Set<string>();
  for (const r of pkg.resources) {
    if (typeof r.url !== 'string') continue;
    ours.add(r.url);
    const o = official?.resources.get(r.url)?.resource;
    if (!o || (o.version ?? '') !== (r.version ?? '')) {
      out.unmatched.push(`${r.resourceType}/${r.id}`);
      continue;
    }
    if (r.resourceType === 'StructureDefinition') out.structures.push(compareStructure(r, o));
    else if (r.resourceType === 'ValueSet' || r.resourceType === 'CodeSystem') out.terminology.push(compareTerminology(r, o));
  }
  for (const [url, { resource }] of official?.resources ?? []) {
    if (ours.has(url)) continue;
    if (!['StructureDefinition', 'ValueSet', 'CodeSystem'].includes(resource.resourceType)) continue;
    out.notAuthored.push(`${resource.resourceType}/${resource.id}`);
  }
  return out;
}

export function percent(matching: number, total: number): string {
  return total === 0 ? '100.0' : ((100 * matching) / total).toFixed(1);
}

/** Plain-text parity table, one line per resource plus the differences. */
export function renderParity(results: PackageParity[], verbose = false): string {
  const lines: string[] = [];
  let total = 0;
  let matching = 0;
  for (const p of results) {
    lines.push(`${p.packageId}#${p.version}`);
    for (const s of [...p.structures, ...p.terminology]) {
      total += s.elements;
      matching += s.matching;
      const mark = s.matching === s.elements && s.differences.length === 0 ? 'ok ' : 'DIFF';
      lines.push(
        `  ${mark} ${percent(s.matching, s.elements).padStart(5)}%  ${String(s.matching).padStart(4)}/${String(s.elements).padEnd(4)} ${s.kind} ${s.url.split('/').pop()}`,
      );
      if (verbose || mark !== 'ok ') {
        for (const d of s.differences.slice(0, verbose ? 1000 : 12)) {
          lines.push(`        ${d.id} [${d.field}] ours=${JSON.stringify(d.ours)} official=${JSON.stringify(d.official)}`);
        }
        if (!verbose && s.differences.length > 12) lines.push(`        … ${s.differences.length - 12} more`);
      }
    }
    for (const u of p.unmatched) lines.push(`  ??   ${u}: no official counterpart with this url and version`);
    if (p.notAuthored.length) lines.push(`  --   not authored (${p.notAuthored.length}): ${p.notAuthored.join(', ')}`);
  }
  lines.push(`element parity: ${matching}/${total} = ${percent(matching, total)}%`);
  return lines.join('\n');
}
