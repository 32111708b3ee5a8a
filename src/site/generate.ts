/**
 * `medcom-ig docs`: a static site per standard from our compiled packages. Pages per package
 * version (`pkg/<id>/<version>/…`), generated once and linked from every standard that uses that
 * version; a home page per standard (`ig/<alias>/`), the validator rule catalogue (`rules/`) and a
 * site index. Relative links only, one shared CSS file, no script and no external asset: the site
 * works opened from disk. The same input gives the same bytes. Each kind of page is made in
 * `pages/`; what they share (links, paths, templates) is `site.ts`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IGS, IG_ALIASES, STANDARDS, type IgAlias, type Standard } from '../standards/igs.js';
import { UsageError } from '../util/errors.js';
import { describeFsError, folderReplaceProblem, writeFolderAtomic } from '../util/fs-safe.js';
import { compareVersions } from '../defs/package-source.js';
import type { SiteInput, SitePackage } from './load.js';
import { writeChanges } from './pages/changes.js';
import { writeIg } from './pages/ig.js';
import { writeIndex } from './pages/index.js';
import { writePackage } from './pages/package.js';
import { writeRules } from './pages/rules.js';
import { noteUses } from './pages/uses.js';
import { packagePath, pkgKey, resourcePath, Site } from './site.js';
import { CSS } from './templates.js';

export { rel } from './site.js';

export interface GenerateSiteOptions {
  out: string;
  /** The standards to document (default: all three). */
  igs?: readonly IgAlias[];
  /** Our examples folder (default: examples/ of this checkout). */
  examplesDir?: string;
  /** The rule catalogue (default: docs/rules of this checkout). */
  rulesDir?: string;
}

export interface GenerateSiteResult {
  out: string;
  igs: IgAlias[];
  /** id#version of every package documented. */
  packages: string[];
  /** Site-relative paths of every file written (sorted). */
  files: string[];
}

/** The folder above this module that holds `rel` (works from src/ under vitest and from dist/). */
function findUp(rel: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, rel);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function closure(input: SiteInput, id: string, version: string): SitePackage[] {
  const byKey = new Map(input.packages.map((p) => [pkgKey(p.id, p.version), p]));
  const seen = new Set<string>();
  const out: SitePackage[] = [];
  const visit = (i: string, v: string): void => {
    const key = pkgKey(i, v);
    const p = byKey.get(key);
    if (!p || seen.has(key)) return;
    seen.add(key);
    out.push(p);
    for (const [d, dv] of Object.entries(p.manifest.dependencies ?? {})) visit(d, dv);
  };
  visit(id, version);
  return out;
}

export async function generateSite(input: SiteInput, options: GenerateSiteOptions): Promise<GenerateSiteResult> {
  const igs = [...(options.igs?.length ? options.igs : IG_ALIASES)].filter((a, i, all) => all.indexOf(a) === i);
  igs.sort((a, b) => IG_ALIASES.indexOf(a) - IG_ALIASES.indexOf(b));
  const chains = new Map<IgAlias, SitePackage[]>();
  for (const alias of igs) {
    const ig = IGS[alias];
    const chain = closure(input, ig.packageId, ig.version);
    if (chain.length === 0) {
      // a build --out folder without it (a build stopped before writing it, or --only): a usage error naming the folder
      throw new UsageError(
        `${input.origin}: ${ig.packageId}#${ig.version} is not among the packages read from it; run medcom-ig build --out ${input.origin} again, or name the standards it has with --ig`,
      );
    }
    chains.set(alias, chain);
  }
  const usedBy = new Map<string, IgAlias[]>();
  const use = (alias: IgAlias, p: SitePackage): void => {
    const key = pkgKey(p.id, p.version);
    const by = usedBy.get(key) ?? [];
    if (!by.includes(alias)) usedBy.set(key, [...by, alias]);
  };
  for (const [alias, chain] of chains) for (const p of chain) use(alias, p);
  // every other version of a standard we build is documented too (its packages; the standard's page is the current one's)
  for (const alias of igs) {
    const s: Standard = STANDARDS[alias];
    for (const v of s.versions) if (v.version !== s.current) for (const p of closure(input, s.packageId, v.version)) use(alias, p);
  }
  const packages = input.packages
    .filter((p) => usedBy.has(pkgKey(p.id, p.version)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : compareVersions(a.version, b.version)));
  const site = new Site(input);
  for (const p of packages) {
    site.packagePages.set(pkgKey(p.id, p.version), packagePath(p));
    for (const r of p.resources) site.resourcePages.set(`${pkgKey(p.id, p.version)}/${r.resourceType}/${r.id ?? ''}`, resourcePath(p, r));
  }
  // reverse links, before any page is rendered
  noteUses(site, packages);
  const changeLinks = writeChanges(site, groupVersions(packages));
  for (const p of packages) {
    const key = pkgKey(p.id, p.version);
    writePackage(site, p, usedBy.get(key) ?? [], changeLinks.get(key) ?? []);
  }
  const examplesDir = options.examplesDir ?? findUp('examples');
  for (const alias of igs) writeIg(site, alias, chains.get(alias)!, examplesDir);
  const rulesDir = options.rulesDir ?? findUp(join('docs', 'rules'));
  if (rulesDir === undefined || !existsSync(join(rulesDir, 'README.md')))
    throw new Error('docs/rules/README.md (the rule catalogue) was not found');
  writeRules(site, rulesDir);
  writeIndex(site, igs, packages, usedBy);
  site.files.set('assets/site.css', CSS);
  const files = [...site.files.keys()].sort();
  await writeSite(options.out, files, site.files);
  return { out: options.out, igs, packages: packages.map((p) => pkgKey(p.id, p.version)), files };
}

/**
 * Write the site: staged beside `out` and swapped in complete (the completion marker), so a run
 * killed mid-write leaves the old site or none; a folder holding other files is refused, never replaced.
 */
async function writeSite(out: string, files: readonly string[], content: ReadonlyMap<string, string>): Promise<void> {
  const own = new Set(files.map((f) => f.split('/')[0]!));
  const problem = folderReplaceProblem(out, (name) => own.has(name));
  if (problem) throw new UsageError(`${out}: ${problem}`);
  await writeFolderAtomic(out, async (staging) => {
    const targets = files.map((f) => join(staging, ...f.split('/')));
    for (const d of new Set(targets.map((t) => dirname(t)))) mkdirSync(d, { recursive: true });
    // written in parallel (the thread pool overlaps the file system's latency)
    await Promise.all(
      files.map(async (f, i) => {
        try {
          await writeFile(targets[i]!, content.get(f)!);
        } catch (e) {
          throw describeFsError(join(out, ...f.split('/')), e, 'write');
        }
      }),
    );
  });
}

/** The documented versions of each package id that has more than one, oldest first. */
function groupVersions(packages: SitePackage[]): Map<string, SitePackage[]> {
  const out = new Map<string, SitePackage[]>();
  for (const p of packages) out.set(p.id, [...(out.get(p.id) ?? []), p]);
  for (const [id, list] of out) {
    if (list.length < 2) out.delete(id);
    else list.sort((a, b) => compareVersions(a.version, b.version));
  }
  return out;
}

/** For messages: a path relative to the working directory when it is inside it. */
export function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}
