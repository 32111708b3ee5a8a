import { buildIg, type BuildResult } from '../../src/api/build.js';
import type { Diagnostic } from '../../src/compiler/diagnostics.js';
import { BaseR4Source } from '../../src/defs/base-r4.js';
import { Definitions } from '../../src/defs/registry.js';
import { definePackage, packageContents, type Pkg } from '../../src/dsl/index.js';
import type { ResourceHandle, StructureHandle } from '../../src/dsl/handles.js';

type SD = fhir4.StructureDefinition;

const base = new BaseR4Source();

/** A throwaway package for compiler tests. */
export function testPackage(
  snapshotRules: 'publisher-2024' | 'publisher-2025' | 'publisher-2025-09' | 'publisher-2025-12' | 'publisher-2026' = 'publisher-2025',
): Pkg<'http://example.org/fhir', '0.1.0'> {
  return definePackage({
    id: 'example.test',
    version: '0.1.0',
    canonical: 'http://example.org/fhir',
    name: 'Test',
    title: 'Test',
    dependencies: {},
    coverage: 'complete',
    snapshotRules,
  });
}

export interface Compiled {
  result: BuildResult;
  diagnostics: Diagnostic[];
  sd(id: string): SD;
  el(sdId: string, elementId: string): fhir4.ElementDefinition;
}

/** Compile handles of one test package against base R4 (shared, lazily loaded definitions). */
export async function compile(pkg: Pkg, resources: (ResourceHandle | StructureHandle)[]): Promise<Compiled> {
  const result = await buildIg({ packages: [packageContents(pkg, resources)], definitions: new Definitions(base) });
  const all = result.packages.flatMap((p) => p.resources) as unknown as SD[];
  const sd = (id: string): SD => {
    const hit = all.find((r) => r.resourceType === 'StructureDefinition' && r.id === id);
    if (!hit) throw new Error(`no compiled StructureDefinition ${id}`);
    return hit;
  };
  return {
    result,
    diagnostics: result.diagnostics.items,
    sd,
    el(sdId, elementId) {
      const e = sd(sdId).snapshot!.element.find((x) => x.id === elementId);
      if (!e) throw new Error(`${sdId} has no element ${elementId}`);
      return e;
    },
  };
}

export function ids(sd: SD): string[] {
  return sd.snapshot!.element.map((e) => e.id!);
}

/** 1-based line of the first line in `file` containing `marker`. */
export async function lineOf(file: string, marker: string): Promise<number> {
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(marker));
  if (i < 0) throw new Error(`marker ${marker} not in ${file}`);
  return i + 1;
}
