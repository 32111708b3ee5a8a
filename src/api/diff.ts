import { BaseR4Source } from '../defs/base-r4.js';
import type { Definitions } from '../defs/registry.js';
import { diffPackages, type Impact, type PackageDiff } from '../diff/compare.js';
import { diffHtml, diffMarkdown, diffText } from '../diff/render.js';
import { loadDiffSide } from '../diff/load.js';
import { r4PackageDir } from '../standards/prebuilt.js';
import { validationDefinitions } from '../standards/validation.js';

/**
 * Compare two packages (paths, our package ids, or standard aliases): what changed that a
 * vendor must act on. Our compiled packages are loaded only when an operand names one; base R4
 * defines the elements a snapshot leaves unexpanded.
 */
export async function diffOperands(from: string, to: string): Promise<PackageDiff> {
  let ours: Promise<Definitions> | undefined;
  const load = (): Promise<Definitions> => (ours ??= validationDefinitions());
  const a = await loadDiffSide(from, load);
  const b = await loadDiffSide(to, load);
  const packageDir = r4PackageDir();
  const base = new BaseR4Source({ flavor: 'min', ...(packageDir ? { packageDir } : {}) });
  return diffPackages(a, b, { structure: (url) => base.find(url)?.resource as unknown as fhir4.StructureDefinition | undefined });
}

export type DiffFormat = 'text' | 'json' | 'md' | 'html';

/** The diff as `format` (json: indented, with a final line break); `only` limits text, md and html to one impact. */
export function renderDiff(diff: PackageDiff, format: DiffFormat, only?: Impact): string {
  return format === 'json'
    ? JSON.stringify(diff, null, 2) + '\n'
    : format === 'md'
      ? diffMarkdown(diff, only)
      : format === 'html'
        ? diffHtml(diff, only)
        : diffText(diff, only);
}
