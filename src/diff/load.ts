/**
 * The two sides of `medcom-ig diff`: a package folder, a `.tgz`, a folder of conformance
 * resources (such as an official package under ../shared/anchors), one of our package ids
 * (`medcom.fhir.dk.core#2.4.0`), or a standard's alias (`hco`, `notes`, `conditionlist`: the current
 * version) or alias at a version we build (`hco@1.1.0-trial-use`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../util/errors.js';
import { IG_ALIASES, parseIg, type IgAlias } from '../standards/igs.js';
import { loadFromCache, loadPackages, PackageLoadError } from '../defs/load-package.js';
import type { PackageSource } from '../defs/package-source.js';
import type { Definitions } from '../defs/registry.js';
import { diffSide, type DiffSide } from './compare.js';

function side(pkg: PackageSource, source: string): DiffSide {
  return diffSide(
    pkg,
    [...pkg.all()].map((r) => r.resource),
    source,
  );
}

/**
 * Resolve one operand. `ours` gives our own compiled packages (loaded only when an operand names
 * one): they are looked up first for ids and aliases, then the local FHIR package cache.
 */
export async function loadDiffSide(operand: string, ours: () => Promise<Definitions>): Promise<DiffSide> {
  if (existsSync(operand)) {
    const path = resolve(operand);
    let found: PackageSource[];
    try {
      found = await loadPackages(path);
    } catch (e) {
      throw new UsageError(e instanceof PackageLoadError ? e.message : `${operand}: ${(e as Error).message}`);
    }
    // a folder may hold other packages below it (an official folder with older versions nested)
    const pkg = found.find((p) => p.location === path) ?? found[0]!;
    return side(pkg, operand);
  }
  // a standard by name (`hco`: its current version; `hco@1.1.0-trial-use`: that version, or a usage error listing ours)
  const standard = IG_ALIASES.includes(operand.split('@')[0] as IgAlias) ? parseIg(operand, [], operand) : undefined;
  const m = standard ? [operand, standard.packageId, standard.version] : /^([a-z0-9][a-z0-9._-]*)#([0-9][A-Za-z0-9.+-]*)$/i.exec(operand);
  if (!m) {
    throw new UsageError(
      `${operand}: not a file or folder, and not a package id#version or a standard (${IG_ALIASES.join(', ')}, or <standard>@<version>)`,
    );
  }
  const [, id, version] = m as [string, string, string];
  const defs = await ours();
  const pkg = defs.getPackage(id, version);
  if (pkg) return side(pkg, `${id}#${version} (medcom-ig build)`);
  try {
    return side(await loadFromCache(id, version), `${id}#${version} (FHIR package cache)`);
  } catch (e) {
    const known = defs
      .listPackages()
      .filter((p) => p.id === id)
      .map((p) => p.version);
    const hint = known.length ? ` (we build ${id} in ${known.join(', ')})` : '';
    throw new UsageError(`${operand}: not one of our packages and ${(e as Error).message}${hint}`);
  }
}
