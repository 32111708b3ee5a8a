/**
 * The standards `--ig` names: for each, the package that defines it, every version of it we build
 * (with its Bundle profile) and which of them is current. Adding a version of a standard is adding a
 * line to its `versions` (and moving `current` when it becomes the published one); everything else
 * (`--ig <alias>@<version>`, `medcom-ig standards`, reports, protocols, diff, site) reads this list.
 *
 * Any other package we build is pinned by `<package id>#<version>` (see `parseIg`); it has no Bundle
 * profile: its profiles are what `meta.profile` resolves against (docs/cli.md, "Versions").
 */
import { compareVersions } from '../defs/package-source.js';
import { UsageError } from '../util/errors.js';

/** One version of a standard that we build. */
export interface StandardVersion {
  /** The package version (`1.1.0-trial-use`). */
  version: string;
  /** The Bundle profile a file of this version must conform to (`url|version`). */
  bundleProfile: string;
}

/** A standard `--ig` names: its package and every version we build of it (oldest first). */
export interface Standard {
  title: string;
  packageId: string;
  /** The version `--ig <alias>` means: MedCom's current published version among those we build. */
  current: string;
  versions: readonly StandardVersion[];
}

export const STANDARDS = {
  conditionlist: {
    title: 'MedCom ConditionList (Diagnoseoversigt)',
    packageId: 'medcom.fhir.dk.conditionlist',
    current: '1.0.1',
    versions: [
      { version: '1.0.1', bundleProfile: 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle|1.0.1' },
    ],
  },
  notes: {
    title: 'MedCom Notes (Deling af journalnotater)',
    packageId: 'medcom.fhir.dk.notes',
    current: '1.0.0',
    versions: [{ version: '1.0.0', bundleProfile: 'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-bundle|1.0.0' }],
  },
  hco: {
    title: 'MedCom HomeCareObservation (Kommunale prøvesvar)',
    packageId: 'medcom.fhir.dk.homecareobservation',
    current: '1.2.1',
    versions: [
      {
        version: '1.1.0-trial-use',
        bundleProfile: 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message|1.1.0-trial-use',
      },
      {
        version: '1.1.1-trial-use',
        bundleProfile: 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message|1.1.1-trial-use',
      },
      {
        version: '1.2.0',
        bundleProfile: 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message|1.2.0',
      },
      {
        version: '1.2.1',
        bundleProfile: 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message|1.2.1',
      },
    ],
  },
} as const satisfies Record<string, Standard>;

export type IgAlias = keyof typeof STANDARDS;
export const IG_ALIASES = Object.keys(STANDARDS) as IgAlias[];

/** A standard at one version: what `IGS[alias]` gives for the current version. */
export interface StandardAtVersion {
  title: string;
  packageId: string;
  version: string;
  bundleProfile: string;
}

/** One version of a standard, or undefined when we do not build it. */
export function standardVersion(alias: IgAlias, version: string): StandardAtVersion | undefined {
  const s: Standard = STANDARDS[alias];
  const v = s.versions.find((x) => x.version === version);
  return v ? { title: s.title, packageId: s.packageId, version: v.version, bundleProfile: v.bundleProfile } : undefined;
}

/** Each standard at its current version (what `--ig <alias>` validates against). */
export const IGS = Object.fromEntries(IG_ALIASES.map((a) => [a, standardVersion(a, STANDARDS[a].current)!])) as Record<
  IgAlias,
  StandardAtVersion
>;

/**
 * What a run validates against (`--ig`): a standard at one version (with its Bundle profile), or any
 * package we build pinned by `id#version` (no Bundle profile: the package's dependency closure is
 * where canonicals resolve first).
 */
export interface IgTarget {
  /** The standard's alias, when the package is one of a standard's. */
  alias?: IgAlias;
  title?: string;
  packageId: string;
  version: string;
  /** The Bundle profile (standards only). */
  bundleProfile?: string;
  /** Whether this is the standard's current version (standards only). */
  current?: boolean;
  /** Whether the user named the version (`@`, `#`) rather than taking the current one. */
  pinned: boolean;
}

function standardTarget(alias: IgAlias, version: string, pinned: boolean): IgTarget | undefined {
  const at = standardVersion(alias, version);
  if (!at) return undefined;
  return { alias, ...at, current: version === STANDARDS[alias].current, pinned };
}

/** `id#version` for a target's package. */
export function targetLabel(t: Pick<IgTarget, 'packageId' | 'version'>): string {
  return `${t.packageId}#${t.version}`;
}

/** How a target is named in reports: `hco 1.1.0-trial-use (current)` or `hl7.fhir.dk.core#3.2.0`. */
export function describeTarget(t: IgTarget): string {
  return t.alias ? `${t.alias} ${t.version}${t.current ? ' (current)' : ''}` : targetLabel(t);
}

/** A standard as every listing of them shows it (listStandards). */
export interface ListedStandard {
  alias: IgAlias;
  title: string;
  packageId: string;
  /** The version `--ig <alias>` means. */
  current: string;
  /** Every version we build, oldest first (or the current one first: `listStandards({ currentFirst })`), the current one marked. */
  versions: { version: string; bundleProfile: string; current: boolean }[];
}

/**
 * Every standard (in `IG_ALIASES` order) and every version of it we build, the current one marked: the rows
 * each listing renders (`medcom-ig standards` and `--ig list`, usage errors, the site's index page; with the current
 * version first, the service's /api/info, CapabilityStatement and GITB module definition).
 */
export function listStandards(options: { currentFirst?: boolean } = {}): ListedStandard[] {
  return IG_ALIASES.map((alias) => {
    const s: Standard = STANDARDS[alias];
    const versions = s.versions.map((v) => ({ version: v.version, bundleProfile: v.bundleProfile, current: v.version === s.current }));
    if (options.currentFirst) versions.sort((a, b) => Number(b.current) - Number(a.current));
    return { alias, title: s.title, packageId: s.packageId, current: s.current, versions };
  });
}

/** Every standard and version we build, one per line, the current one marked (usage errors). */
export function standardsList(): string {
  return listStandards()
    .map((s) => {
      const versions = s.versions.map((v) => (v.current ? `${v.version} (current)` : v.version)).join(', ');
      return `${s.alias}: ${versions}  [${s.packageId}] ${s.title}`;
    })
    .join('\n');
}

/**
 * Parses an `--ig` value: `<alias>` (the current version), `<alias>@<version>`, `<package id>#<version>`
 * or `<package id>` (a standard's package: its current version; another package: the newest we
 * build). `built` lists the packages we build (`id#version`), for pins of packages that are not a
 * standard; without it only standards are accepted. An unknown alias, version or package is a usage
 * error listing what we build, starting with `name` (default `--ig <spec>`).
 */
export function parseIg(spec: string, built: readonly string[] = [], name = `--ig ${spec}`): IgTarget {
  const s = spec.trim();
  const at = /^([a-z]+)@(.+)$/.exec(s);
  const hash = /^([a-z0-9][a-z0-9._-]*)#(.+)$/i.exec(s);
  const alias = (at ? at[1] : hash ? undefined : s) as IgAlias | undefined;
  if (alias !== undefined && IG_ALIASES.includes(alias)) {
    const version = at ? at[2]! : STANDARDS[alias].current;
    const t = standardTarget(alias, version, at !== null);
    if (t) return t;
    const known = STANDARDS[alias].versions.map((v) => v.version).join(', ');
    throw new UsageError(`${name}: we build ${alias} ${known}, not ${version}\n${standardsList()}`);
  }
  const packageId = hash ? hash[1]! : at ? undefined : s;
  const version = hash ? hash[2]! : undefined;
  if (packageId !== undefined) {
    const std = IG_ALIASES.find((a) => STANDARDS[a].packageId === packageId);
    if (std) {
      const t = standardTarget(std, version ?? STANDARDS[std].current, version !== undefined);
      if (t) return t;
    }
    const versions = built.filter((b) => b.startsWith(`${packageId}#`)).map((b) => b.slice(packageId.length + 1));
    if (version !== undefined && versions.includes(version)) return { packageId, version, pinned: true };
    if (version === undefined && versions.length > 0) return { packageId, version: newestVersion(versions), pinned: false };
  }
  const packages = built.length > 0 ? `\npackages we build (pin one with --ig <id>#<version>): ${built.join(', ')}` : '';
  throw new UsageError(`${name}: not a standard or package we build; expected one of\n${standardsList()}${packages}`);
}

/** The newest of some versions (compareVersions). */
export function newestVersion(versions: readonly string[]): string {
  return [...versions].sort(compareVersions).at(-1)!;
}
