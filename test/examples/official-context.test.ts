/**
 * Issue 16: every official example resource of every MedCom (and DK Core) package in ../shared/anchors/medcom,
 * validated with its package's examples as `--context` (the resources its references may resolve to, as the IG
 * Publisher resolves an IG's examples among each other), gives zero errors — or exactly the errors listed for it
 * in official-example-defects.json, each naming the published rule MedCom's own example breaks
 * (docs/quirks.md). Without `--context` each gives no error but its documented ones either: a reference to another
 * file decides nothing (slicing/not-checked, invariants/not-evaluated). One validator per package and mode, in this
 * process.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextIndex, loadContext, newValidator, validationDefinitions } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';
import type { FileReport } from '../../src/validator/issue.js';
import { readXml } from '../../src/validator/load/xml.js';
import type { Validator } from '../../src/validator/validator.js';
import { anchorsOrSkip } from '../helpers/shared.js';

interface Defect {
  /** The example, relative to ../shared/anchors/medcom. */
  file: string;
  /** The error it gives: rule id and FHIRPath (and the constraint key, for an invariant). */
  ruleId: string;
  fhirpath: string;
  constraintKey?: string;
  /** The published rule MedCom's example breaks, and how. */
  breaks: string;
}

const anchors = anchorsOrSkip('examples: official example resources with their package as --context');
const DEFECTS = JSON.parse(readFileSync(join(import.meta.dirname, 'official-example-defects.json'), 'utf8')) as Defect[];

/** Every `examples` folder below the anchors, with the package (ig/package.json beside it) it belongs to. */
function exampleFolders(root: string): { dir: string; id: string; version: string }[] {
  const out: { dir: string; id: string; version: string }[] = [];
  const walk = (dir: string): void => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (!d.isDirectory()) continue;
      const p = join(dir, d.name);
      if (d.name === 'examples' && existsSync(join(dir, 'ig', 'package.json'))) {
        const pkg = JSON.parse(readFileSync(join(dir, 'ig', 'package.json'), 'utf8')) as { name: string; version: string };
        out.push({ dir: p, id: pkg.name, version: pkg.version });
      } else walk(p);
    }
  };
  walk(root);
  return out.sort((a, b) => a.dir.localeCompare(b.dir));
}

const key = (ruleId: string, fhirpath: string, constraintKey?: string): string => `${ruleId} at ${fhirpath}${constraintKey ? ` (${constraintKey})` : ''}`;
const errorsOf = (r: FileReport): string[] =>
  r.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => key(i.ruleId, i.location.fhirpath, i.constraintKey));

describe.skipIf(!anchors)('official example resources, each with its package as --context', () => {
  const folders = anchors ? exampleFolders(anchors) : [];
  const files = folders.flatMap((f) =>
    readdirSync(f.dir)
      .filter((n) => /\.(json|xml)$/.test(n))
      .sort()
      .map((n) => ({ ...f, file: join(f.dir, n), name: relative(anchors!, join(f.dir, n)) })),
  );
  let defs: Definitions;
  const validators = new Map<string, Validator>();
  const reports = new Map<string, FileReport>();
  /** The same files without --context: references to other files decide nothing (issue 16). */
  const alone = new Map<string, FileReport>();

  beforeAll(async () => {
    defs = await validationDefinitions();
    for (const f of folders) {
      const context = contextIndex(await loadContext([f.dir]));
      // in the package's own dependency scope when we build it; otherwise each file's meta.profile decides
      const scope = defs.getPackage(f.id, f.version) ? { scopePackage: { id: f.id, version: f.version } } : {};
      validators.set(f.dir, newValidator(defs, { readXml, context, ...scope }));
      validators.set(`${f.dir} alone`, newValidator(defs, { readXml, ...scope }));
    }
    for (const f of files) {
      const text = readFileSync(f.file, 'utf8');
      reports.set(f.name, validators.get(f.dir)!.validateText(f.file, text));
      alone.set(f.name, validators.get(`${f.dir} alone`)!.validateText(f.file, text));
    }
    const failing = files.filter((f) => errorsOf(reports.get(f.name)!).length > 0);
    const tally = new Map<string, number>();
    for (const f of failing) for (const e of new Set(errorsOf(reports.get(f.name)!).map((x) => x.split(' at ')[0]!))) tally.set(e, (tally.get(e) ?? 0) + 1);
    console.log(
      `[examples] ${files.length} official example resources in ${folders.length} packages: ${files.length - failing.length} without errors, ` +
        `${failing.length} with (${[...tally].map(([r, n]) => `${r}: ${n}`).join(', ')}); without --context, ` +
        `${files.filter((f) => alone.get(f.name)!.issues.some((x) => x.ruleId === 'slicing/not-checked')).length} have slices not checked ` +
        `and ${files.filter((f) => alone.get(f.name)!.issues.some((x) => x.ruleId === 'invariants/not-evaluated')).length} constraints not evaluated`,
    );
  }, 600_000);

  it('finds the official examples of every package (about 560)', () => {
    expect(folders.length).toBeGreaterThanOrEqual(18);
    expect(files.length).toBeGreaterThan(500);
  });

  it.each(files.map((f) => [f.name] as const))('%s: zero errors, or exactly its documented defects', (name) => {
    const expected = DEFECTS.filter((d) => d.file === name).map((d) => key(d.ruleId, d.fhirpath, d.constraintKey));
    expect(errorsOf(reports.get(name)!).sort()).toEqual(expected.sort());
  });

  it.each(files.map((f) => [f.name] as const))(
    '%s without --context: no error but its documented ones (a reference to another file decides nothing)',
    (name) => {
      const documented = DEFECTS.filter((d) => d.file === name).map((d) => key(d.ruleId, d.fhirpath, d.constraintKey));
      for (const e of errorsOf(alone.get(name)!)) expect(documented, e).toContain(e);
    },
  );

  it('documents each defect with the published rule it breaks, for a file that exists', () => {
    for (const d of DEFECTS) {
      expect(files.some((f) => f.name === d.file), d.file).toBe(true);
      expect(d.breaks.length, d.file).toBeGreaterThan(20);
    }
  });
});
