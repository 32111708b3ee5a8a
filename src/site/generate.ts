/**
 * `medcom-ig docs`: a static site per standard from our compiled packages. Pages per package
 * version (`pkg/<id>/<version>/…`), generated once and linked from every standard that uses that
 * version; a home page per standard (`ig/<alias>/`), the validator rule catalogue (`rules/`) and a
 * site index. Relative links only, one shared CSS file, no script and no external asset: the site
 * works opened from disk. The same input gives the same bytes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IGS, IG_ALIASES, type IgAlias } from '../standards/igs.js';
import { UsageError } from '../util/errors.js';
import { describeFsError, folderReplaceProblem, writeFolderAtomic } from '../util/fs-safe.js';
import { compareVersions } from '../defs/package-source.js';
import { diffPackages, diffSide } from '../diff/compare.js';
import { changeGroups } from '../diff/render.js';
import { Resolver } from '../defs/registry.js';
import type { FhirResource } from '../defs/resource.js';
import { LocalTerminology } from '../validator/terminology/local.js';
import { IG_FACTS } from './ig-facts.js';
import type { SiteInput, SitePackage } from './load.js';
import { renderMarkdown } from './markdown.js';
import { CSS, safe, siteTemplates, type SafeHtml } from './templates.js';

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

type Json = Record<string, unknown>;

interface Link { text: string; href?: string; title?: string }

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

function safeSegment(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** A resource's description (Markdown in FHIR): rendered, escaped; links only to http(s) targets. */
function markdownField(v: unknown): SafeHtml | undefined {
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  return safe(renderMarkdown(v, { link: (href) => (/^https?:\/\//i.test(href) ? href : undefined) }));
}

/** The first line of a Markdown description as plain text (for lists): link targets dropped. */
function plainSummary(v: unknown): string {
  if (typeof v !== 'string') return '';
  const first = v.trim().split('\n')[0]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return first.length > 300 ? `${first.slice(0, 297)}…` : first;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function arr<T = Json>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

function compact(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const pkgKey = (id: string, version: string): string => `${id}#${version}`;

/** A written page: its site-relative path and what the layout needs. */
interface Page { path: string; title: string; crumbs: { text: string; path: string }[]; body: string }

class Site {
  readonly files = new Map<string, string>();
  /** This generation's templates (their own Handlebars environment). */
  readonly t = siteTemplates();
  /** resource key (`id#version/Type/id`) → page path */
  readonly resourcePages = new Map<string, string>();
  readonly packagePages = new Map<string, string>();
  private readonly resolvers = new Map<string, Resolver>();
  private readonly terminologies = new Map<string, LocalTerminology>();
  private readonly linkCache = new Map<string, { text: string; title: string; path?: string }>();

  constructor(readonly input: SiteInput) {}

  /** The package's definitions scope (its dependencies, then base R4): for terminology. */
  resolver(pkg: SitePackage): Resolver {
    const key = pkgKey(pkg.id, pkg.version);
    let r = this.resolvers.get(key);
    if (!r) { r = this.input.definitions.scope([{ id: pkg.id, version: pkg.version }]); this.resolvers.set(key, r); }
    return r;
  }

  /**
   * The same scope without base R4, for links: a canonical only base R4 defines has no page here
   * (its text is the canonical's last segment either way), and not asking spares reading the R4 bundles.
   */
  private linkResolver(pkg: SitePackage): Resolver {
    const key = `links ${pkgKey(pkg.id, pkg.version)}`;
    let r = this.resolvers.get(key);
    if (!r) {
      const base = this.input.definitions.base;
      r = new Resolver(this.resolver(pkg).sources.filter((s) => s !== base));
      this.resolvers.set(key, r);
    }
    return r;
  }

  terminology(pkg: SitePackage): LocalTerminology {
    const key = pkgKey(pkg.id, pkg.version);
    let t = this.terminologies.get(key);
    if (!t) { t = new LocalTerminology(this.resolver(pkg)); this.terminologies.set(key, t); }
    return t;
  }

  /** A canonical as seen from a package, resolved to our page when we have one. */
  canonical(pkg: SitePackage, from: string, canonical: string | undefined, type?: string): Link {
    if (canonical === undefined) return { text: '' };
    const hit = this.target(pkg, canonical, type);
    return hit.path !== undefined ? { text: hit.text, title: hit.title, href: rel(from, hit.path) } : { text: hit.text, title: hit.title };
  }

  /** What a canonical resolves to from a package: its text, and our page's site path when we have one. */
  target(pkg: SitePackage, canonical: string, type?: string): { text: string; title: string; path?: string } {
    const key = `${pkgKey(pkg.id, pkg.version)} ${type ?? ''} ${canonical}`;
    let hit = this.linkCache.get(key);
    if (!hit) {
      const loaded = this.linkResolver(pkg).resolve(canonical, type);
      const tail = canonical.split('|')[0]!.split('/').pop() ?? canonical;
      if (loaded) {
        const r = loaded.resource;
        const text = str(r['title']) ?? str(r.name) ?? tail;
        const where = loaded.from.packageId !== undefined && loaded.from.packageVersion !== undefined
          ? `${loaded.from.packageId}#${loaded.from.packageVersion}` : undefined;
        const path = where !== undefined ? this.resourcePages.get(`${where}/${r.resourceType}/${r.id ?? ''}`) : undefined;
        hit = { text, title: where !== undefined ? `${canonical} (${where})` : canonical, ...(path !== undefined ? { path } : {}) };
      } else {
        hit = { text: tail, title: canonical };
      }
      this.linkCache.set(key, hit);
    }
    return hit;
  }

  /** Reverse links: page path → the pages that point at it (ValueSets using a CodeSystem, profiles binding a ValueSet). */
  readonly usedBy = new Map<string, Map<string, string>>();

  noteUse(target: string | undefined, by: string, byText: string): void {
    if (target === undefined || target === by) return;
    let m = this.usedBy.get(target);
    if (!m) { m = new Map(); this.usedBy.set(target, m); }
    m.set(by, byText);
  }

  usesOf(path: string): Link[] {
    const m = this.usedBy.get(path);
    if (!m) return [];
    return [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([p, text]) => ({ text, title: p, href: rel(path, p) }));
  }

  write(page: Page): void {
    const body = this.t.layout({
      title: page.title,
      css: rel(page.path, 'assets/site.css'),
      home: rel(page.path, 'index.html'),
      crumbs: page.crumbs.map((c) => ({ text: c.text, href: rel(page.path, c.path) })),
      body: safe(page.body),
    });
    this.files.set(page.path, body);
  }
}

/** The href from one site page to another (both site-relative, posix). */
export function rel(from: string, to: string): string {
  const r = posix.relative(posix.dirname(from), to);
  return r.split('/').map((s) => encodeURIComponent(s).replace(/%40/g, '@')).join('/');
}

function resourcePath(pkg: SitePackage, r: FhirResource, example = false): string {
  return `pkg/${safeSegment(pkg.id)}/${safeSegment(pkg.version)}/${example ? 'example/' : ''}${safeSegment(r.resourceType)}-${safeSegment(r.id ?? 'unknown')}.html`;
}

function packagePath(pkg: SitePackage): string {
  return `pkg/${safeSegment(pkg.id)}/${safeSegment(pkg.version)}/index.html`;
}

// ------------------------------------------------------------------ element tables

interface TypeCell { code: string; profiles: Link[]; targets: Link[] }

function typeCells(site: Site, pkg: SitePackage, from: string, types: unknown): TypeCell[] {
  return arr(types).map((t) => ({
    code: (str(t['code']) ?? '?').replace(/^http:\/\/hl7\.org\/fhirpath\//, ''),
    profiles: arr<string>(t['profile']).map((p) => site.canonical(pkg, from, p, 'StructureDefinition')),
    targets: arr<string>(t['targetProfile']).map((p) => site.canonical(pkg, from, p, 'StructureDefinition')),
  }));
}

function anchorOf(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_.:-]/g, '_')}`;
}

function elementRows(site: Site, pkg: SitePackage, from: string, elements: Json[], prefix: string, snapshot: boolean): Json[] {
  return elements.map((e) => {
    const id = str(e['id']) ?? str(e['path']) ?? '?';
    const segments = id.split('.');
    const last = segments[segments.length - 1]!;
    const min = e['min'];
    const max = str(e['max']);
    const flags: { text: string; title: string }[] = [];
    if (e['mustSupport'] === true) flags.push({ text: 'S', title: 'must support' });
    if (e['isModifier'] === true) flags.push({ text: '?!', title: `modifier${str(e['isModifierReason']) ? `: ${str(e['isModifierReason'])}` : ''}` });
    if (e['isSummary'] === true) flags.push({ text: 'Σ', title: 'in summary' });
    const constraints = arr(e['constraint']).map((c) => str(c['key']) ?? '?').filter((k) => k !== 'ele-1');
    if (constraints.length) flags.push({ text: 'I', title: `invariants: ${constraints.join(', ')}` });
    const values: { kind: string; text: string }[] = [];
    for (const k of Object.keys(e).sort()) {
      if (/^(fixed|pattern)[A-Z]/.test(k)) values.push({ kind: k.startsWith('fixed') ? 'fixed' : 'pattern', text: compact(e[k]) });
    }
    const binding = e['binding'] as Json | undefined;
    const slicing = e['slicing'] as Json | undefined;
    const card = snapshot || min !== undefined || max !== undefined ? `${min === undefined ? '' : String(min)}..${max ?? ''}` : '';
    return {
      id,
      anchor: anchorOf(prefix, id),
      depth: Math.min(segments.length - 1, 23),
      name: last.includes(':') ? last.slice(0, last.indexOf(':')) : last,
      sliceName: str(e['sliceName']),
      flags,
      card,
      prohibited: max === '0',
      types: typeCells(site, pkg, from, e['type']),
      binding: binding ? {
        strength: str(binding['strength']) ?? '',
        valueSet: binding['valueSet'] !== undefined ? site.canonical(pkg, from, str(binding['valueSet']), 'ValueSet') : { text: str(binding['description']) ?? '' },
      } : undefined,
      values,
      slicing: slicing ? slicingText(slicing) : undefined,
      short: str(e['short']) ?? '',
      constraints,
    };
  });
}

function discriminators(slicing: Json): { type: string; path: string }[] {
  return arr(slicing['discriminator']).map((d) => ({ type: str(d['type']) ?? '?', path: str(d['path']) ?? '?' }));
}

function slicingText(slicing: Json): string {
  const d = discriminators(slicing).map((x) => `${x.type} ${x.path}`).join(', ');
  return `${d || 'no discriminator'}; ${str(slicing['rules']) ?? '?'}${slicing['ordered'] === true ? '; ordered' : ''}`;
}

// ------------------------------------------------------------------ pages

function structureBody(site: Site, pkg: SitePackage, sd: FhirResource, path: string): string {
  const snapshot = arr((sd['snapshot'] as Json | undefined)?.['element']);
  const differential = arr((sd['differential'] as Json | undefined)?.['element']);
  const isExtension = sd['type'] === 'Extension' && sd['derivation'] === 'constraint';
  const kind = str(sd['kind']) ?? '';
  const kindLabel = isExtension ? 'Extension' : sd['derivation'] === 'constraint'
    ? (kind === 'resource' ? 'Resource profile' : 'Data type profile') : `StructureDefinition (${kind})`;
  const byId = new Map(snapshot.map((e) => [str(e['id']) ?? '', e]));
  const valueTypes = isExtension
    ? snapshot.filter((e) => e['id'] === 'Extension.value[x]' && e['max'] !== '0').flatMap((e) => typeCells(site, pkg, path, e['type']))
    : [];
  const subExtensions = isExtension
    ? snapshot.filter((e) => /^Extension\.extension:[^.]+$/.test(str(e['id']) ?? '') && e['max'] !== '0').map((e) => {
      const id = str(e['id'])!;
      const urlEl = byId.get(`${id}.url`);
      const valueEl = byId.get(`${id}.value[x]`);
      return {
        name: str(e['sliceName']) ?? id,
        card: `${String(e['min'] ?? '')}..${str(e['max']) ?? ''}`,
        url: str(urlEl?.['fixedUri']) ?? '',
        types: arr(valueEl?.['type']).map((t) => str(t['code']) ?? '?'),
      };
    })
    : [];
  const slicings = snapshot.filter((e) => e['slicing'] !== undefined).map((e) => {
    const s = e['slicing'] as Json;
    const id = str(e['id']) ?? '?';
    return { id, anchor: anchorOf('s', id), discriminators: discriminators(s), rules: str(s['rules']) ?? '', ordered: s['ordered'] === true ? 'yes' : 'no', description: str(s['description']) ?? '' };
  });
  const invariants = new Map<string, { key: string; severity: string; human: string; expression: string; source: Link; paths: string[] }>();
  for (const e of snapshot) {
    for (const c of arr(e['constraint'])) {
      const key = str(c['key']) ?? '?';
      const expression = str(c['expression']) ?? '';
      const k = `${key}\u0000${expression}`;
      let inv = invariants.get(k);
      if (!inv) {
        inv = { key, severity: str(c['severity']) ?? '', human: str(c['human']) ?? '', expression, source: site.canonical(pkg, path, str(c['source']), 'StructureDefinition'), paths: [] };
        invariants.set(k, inv);
      }
      inv.paths.push(str(e['id']) ?? '?');
    }
  }
  const contexts = arr(sd['context']).map((c) => ({ type: str(c['type']) ?? '', expression: str(c['expression']) ?? '' }));
  return site.t.structurePage({
    title: str(sd['title']) ?? str(sd.name) ?? sd.id,
    kindLabel,
    kindNoun: isExtension ? 'extension' : 'profile',
    url: sd.url, version: sd.version, status: str(sd['status']) ?? '',
    description: markdownField(sd['description']), purpose: markdownField(sd['purpose']),
    type: str(sd['type']) ?? '',
    parent: site.canonical(pkg, path, str(sd['baseDefinition']), 'StructureDefinition'),
    packageHref: rel(path, packagePath(pkg)), packageLabel: pkgKey(pkg.id, pkg.version),
    contexts, valueTypes, subExtensions,
    differential: { rows: elementRows(site, pkg, path, differential, 'd', false) },
    snapshot: { rows: elementRows(site, pkg, path, snapshot, 's', true) },
    slicings,
    usedBy: site.usesOf(path),
    invariants: [...invariants.values()].map((i) => ({
      ...i,
      elements: i.paths.length > 4 ? `${i.paths.slice(0, 3).join(', ')} … (${i.paths.length} elements)` : i.paths.join(', '),
    })),
  });
}

const EXPANSION_LIMIT = 2000;

function valueSetBody(site: Site, pkg: SitePackage, vs: FhirResource, path: string): string {
  const compose = (vs['compose'] ?? {}) as Json;
  const part = (inc: Json, kind: string): Json => {
    const system = str(inc['system']);
    const version = str(inc['version']);
    return {
      kind,
      system: system !== undefined ? site.canonical(pkg, path, version !== undefined ? `${system}|${version}` : system, 'CodeSystem') : undefined,
      systemUri: system,
      version,
      valueSets: arr<string>(inc['valueSet']).map((v) => site.canonical(pkg, path, v, 'ValueSet')),
      filters: arr(inc['filter']).map((f) => ({ property: str(f['property']) ?? '', op: str(f['op']) ?? '', value: compact(f['value']) })),
      whole: system !== undefined && inc['concept'] === undefined && inc['filter'] === undefined,
      concepts: arr(inc['concept']).map((c) => ({
        code: str(c['code']) ?? '', display: str(c['display']) ?? '',
        designations: arr(c['designation']).map((d) => `${str(d['value']) ?? ''}${str(d['language']) ? ` (${str(d['language'])})` : ''}`),
      })),
    };
  };
  const parts = [
    ...arr(compose['include']).map((i, n) => part(i, `Include ${n + 1}`)),
    ...arr(compose['exclude']).map((i, n) => part(i, `Exclude ${n + 1}`)),
  ];
  const canonical = vs.version !== undefined ? `${vs.url ?? ''}|${vs.version}` : vs.url ?? '';
  const listed = site.terminology(pkg).listExpansion(canonical);
  const shown = listed.codes.slice(0, EXPANSION_LIMIT);
  const complete = listed.incomplete.length === 0;
  const summary = listed.codes.length === 0
    ? (complete ? 'The expansion is empty.' : 'Not expanded by the local terminology.')
    : `${listed.codes.length} code${listed.codes.length === 1 ? '' : 's'}${complete ? '' : ' known to be in the value set (the expansion is not complete here)'}${shown.length < listed.codes.length ? `; the first ${shown.length} are shown` : ''}, as the validator's local terminology expands it.`;
  // where the local terminology leaves a whole-system include undecided (an external system such as
  // NPU, which wherever else it is bound means all of NPU), show what the package's own CodeSystem
  // resource lists, labelled as such
  const listedBySystem = complete ? [] : arr(compose['include']).flatMap((inc) => {
    const system = str(inc['system']);
    if (system === undefined || inc['concept'] !== undefined || inc['filter'] !== undefined) return [];
    const cs = site.resolver(pkg).resolve(str(inc['version']) !== undefined ? `${system}|${str(inc['version'])}` : system, 'CodeSystem');
    if (!cs || cs.resource['content'] !== 'complete') return [];
    const codes: { code: string; display: string }[] = [];
    const visit = (list: Json[]): void => { for (const c of list) { codes.push({ code: str(c['code']) ?? '', display: str(c['display']) ?? '' }); visit(arr(c['concept'])); } };
    visit(arr(cs.resource['concept']));
    return [{ system, link: site.canonical(pkg, path, system, 'CodeSystem'), codes }];
  });
  return site.t.valueSetPage({
    usedBy: site.usesOf(path),
    listedBySystem,
    title: str(vs['title']) ?? str(vs.name) ?? vs.id,
    url: vs.url, version: vs.version, status: str(vs['status']) ?? '', description: markdownField(vs['description']),
    packageHref: rel(path, packagePath(pkg)), packageLabel: pkgKey(pkg.id, pkg.version),
    parts,
    expansion: { summary, codes: shown.map((c) => ({ system: c.system, code: c.code, display: c.display ?? '' })), incomplete: listed.incomplete },
  });
}

function propertyValue(p: Json): string {
  for (const k of ['valueCode', 'valueString', 'valueBoolean', 'valueDateTime', 'valueInteger', 'valueDecimal']) {
    if (p[k] !== undefined) return String(p[k]);
  }
  const coding = p['valueCoding'] as Json | undefined;
  if (coding) return `${str(coding['system']) ?? ''}#${str(coding['code']) ?? ''}`;
  return '';
}

const SNOMED_SYNONYM = '900000000000013009';

function designationLabel(d: Json): string {
  const use = d['use'] as Json | undefined;
  const code = str(use?.['code']);
  const useText = code === SNOMED_SYNONYM ? 'Short name (synonym)' : str(use?.['display']) ?? code ?? 'Designation';
  const language = str(d['language']);
  return language !== undefined ? `${useText} (${language === 'da' || language.startsWith('da-') ? 'Danish' : language})` : useText;
}

function codeSystemBody(site: Site, pkg: SitePackage, cs: FhirResource, path: string): string {
  const flat: { c: Json; depth: number }[] = [];
  const visit = (list: Json[], depth: number): void => {
    for (const c of list) { flat.push({ c, depth: Math.min(depth, 23) }); visit(arr(c['concept']), depth + 1); }
  };
  visit(arr(cs['concept']), 0);
  const dColumns: string[] = [];
  const pColumns: string[] = arr(cs['property']).map((p) => str(p['code']) ?? '?');
  for (const { c } of flat) {
    for (const d of arr(c['designation'])) { const l = designationLabel(d); if (!dColumns.includes(l)) dColumns.push(l); }
    for (const p of arr(c['property'])) { const k = str(p['code']) ?? '?'; if (!pColumns.includes(k)) pColumns.push(k); }
  }
  const concepts = flat.map(({ c, depth }) => ({
    depth,
    code: str(c['code']) ?? '',
    display: str(c['display']) ?? '',
    definition: str(c['definition']) ?? '',
    designations: dColumns.map((col) => arr(c['designation']).filter((d) => designationLabel(d) === col).map((d) => str(d['value']) ?? '').join('; ')),
    properties: pColumns.map((col) => arr(c['property']).filter((p) => p['code'] === col).map(propertyValue).join('; ')),
  }));
  return site.t.codeSystemPage({
    usedBy: site.usesOf(path),
    title: str(cs['title']) ?? str(cs.name) ?? cs.id,
    url: cs.url, version: cs.version, status: str(cs['status']) ?? '', description: markdownField(cs['description']),
    packageHref: rel(path, packagePath(pkg)), packageLabel: pkgKey(pkg.id, pkg.version),
    content: str(cs['content']) ?? '', caseSensitive: cs['caseSensitive'] === undefined ? 'not stated' : String(cs['caseSensitive']),
    language: str(cs['language']),
    valueSet: cs['valueSet'] !== undefined ? site.canonical(pkg, path, str(cs['valueSet']), 'ValueSet') : undefined,
    supplements: cs['supplements'] !== undefined ? site.canonical(pkg, path, str(cs['supplements']), 'CodeSystem') : undefined,
    properties: arr(cs['property']).map((p) => ({ code: str(p['code']) ?? '', type: str(p['type']) ?? '', description: str(p['description']) ?? '' })),
    count: flat.length,
    designationColumns: dColumns,
    propertyColumns: pColumns,
    concepts,
  });
}

function resourceBody(site: Site, pkg: SitePackage, r: FhirResource, path: string, forms: { label: string; text: string }[]): string {
  const meta = r['meta'] as Json | undefined;
  return site.t.resourcePage({
    title: str(r['title']) ?? str(r.name) ?? `${r.resourceType}/${r.id ?? ''}`,
    resourceType: r.resourceType, url: r.url, description: markdownField(r['description']),
    packageHref: rel(path, packagePath(pkg)), packageLabel: pkgKey(pkg.id, pkg.version),
    profiles: arr<string>(meta?.['profile']).map((p) => site.canonical(pkg, path, p, 'StructureDefinition')),
    forms,
  });
}

type Group = { label: string; items: { name: string; id: string; description: string; href: string }[] };

function resourceGroups(pkg: SitePackage, from: string): Group[] {
  const item = (r: FhirResource, example = false): Group['items'][number] => ({
    name: str(r['title']) ?? str(r.name) ?? r.id ?? '?', id: r.id ?? '',
    description: plainSummary(r['description']), href: rel(from, resourcePath(pkg, r, example)),
  });
  const sds = pkg.resources.filter((r) => r.resourceType === 'StructureDefinition');
  const isExt = (r: FhirResource): boolean => r['type'] === 'Extension' && r['derivation'] === 'constraint';
  const groups: Group[] = [
    { label: 'Resource profiles', items: sds.filter((r) => !isExt(r) && r['derivation'] === 'constraint' && r['kind'] === 'resource').map((r) => item(r)) },
    { label: 'Data type profiles', items: sds.filter((r) => !isExt(r) && r['derivation'] === 'constraint' && r['kind'] !== 'resource').map((r) => item(r)) },
    { label: 'Extensions', items: sds.filter(isExt).map((r) => item(r)) },
    { label: 'Other StructureDefinitions', items: sds.filter((r) => !isExt(r) && r['derivation'] !== 'constraint').map((r) => item(r)) },
    { label: 'ValueSets', items: pkg.resources.filter((r) => r.resourceType === 'ValueSet').map((r) => item(r)) },
    { label: 'CodeSystems', items: pkg.resources.filter((r) => r.resourceType === 'CodeSystem').map((r) => item(r)) },
    { label: 'Other resources', items: pkg.resources.filter((r) => !['StructureDefinition', 'ValueSet', 'CodeSystem'].includes(r.resourceType)).map((r) => item(r)) },
    { label: 'Examples', items: pkg.examples.map((r) => item(r, true)) },
  ];
  return groups.filter((g) => g.items.length > 0 || g.label === 'Resource profiles');
}

// ------------------------------------------------------------------ rules

function listMarkdown(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const f of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = rel ? `${rel}/${f.name}` : f.name;
    if (f.isDirectory()) out.push(...listMarkdown(dir, p));
    else if (f.name.endsWith('.md')) out.push(p);
  }
  return out;
}

function rulePagePath(mdRel: string): string {
  return `rules/${mdRel.replace(/(^|\/)README\.md$/, '$1index.md').replace(/\.md$/, '.html')}`;
}

function writeRules(site: Site, rulesDir: string): void {
  const files = listMarkdown(rulesDir);
  const known = new Set(files);
  for (const f of files) {
    const path = rulePagePath(f);
    const source = readFileSync(join(rulesDir, f), 'utf8');
    const content = renderMarkdown(source, {
      link: (href) => {
        if (/^https?:\/\//i.test(href)) return href;
        if (href.startsWith('#')) return href;
        const m = /^([^#?]*)(#[^?]*)?$/.exec(href);
        if (!m) return undefined;
        const target = posix.normalize(posix.join(posix.dirname(f), m[1]!));
        if (target.startsWith('..') || !known.has(target)) return undefined;
        return rel(path, rulePagePath(target)) + (m[2] ?? '');
      },
    });
    const title = /^#\s+(.+)$/m.exec(source)?.[1]?.replace(/`/g, '') ?? f;
    site.write({
      path, title: `Rule ${title}`,
      crumbs: [{ text: 'Validator rules', path: 'rules/index.html' }],
      body: site.t.rulePage({ content: safe(content), indexHref: rel(path, 'rules/index.html') }),
    });
  }
}

// ------------------------------------------------------------------ examples of a standard

interface IgExample { name: string; path: string; forms: { label: string; text: string }[]; resource: FhirResource }

function igExamples(examplesDir: string, alias: IgAlias): IgExample[] {
  const dir = join(examplesDir, alias, 'valid');
  if (!existsSync(dir)) return [];
  const out: IgExample[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.json')) continue;
    const stem = f.slice(0, -5);
    const text = readFileSync(join(dir, f), 'utf8');
    const where = join('examples', alias, 'valid', f).split(sep).join('/');
    let resource: FhirResource;
    let forms: { label: string; text: string }[];
    try {
      resource = JSON.parse(text) as FhirResource;
      forms = [{ label: `JSON (${where})`, text: JSON.stringify(resource, null, 2) }];
    } catch (e) {
      // shown as written, with the reason (the example tests fail on such a file)
      resource = { resourceType: 'Unreadable' };
      forms = [{ label: `JSON (${where}) — not valid JSON: ${(e as Error).message}`, text }];
    }
    const xml = join(dir, `${stem}.xml`);
    if (existsSync(xml)) forms.push({ label: `XML (${join('examples', alias, 'valid', `${stem}.xml`).split(sep).join('/')})`, text: readFileSync(xml, 'utf8').replace(/\r\n?/g, '\n') });
    out.push({ name: stem, path: `ig/${alias}/examples/${safeSegment(stem)}.html`, forms, resource });
  }
  return out;
}

// ------------------------------------------------------------------ the site

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
      throw new UsageError(`${input.origin}: ${ig.packageId}#${ig.version} is not among the packages read from it; run medcom-ig build --out ${input.origin} again, or name the standards it has with --ig`);
    }
    chains.set(alias, chain);
  }
  const usedBy = new Map<string, IgAlias[]>();
  for (const [alias, chain] of chains) for (const p of chain) usedBy.set(pkgKey(p.id, p.version), [...(usedBy.get(pkgKey(p.id, p.version)) ?? []), alias]);
  const packages = input.packages.filter((p) => usedBy.has(pkgKey(p.id, p.version)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : compareVersions(a.version, b.version)));
  const site = new Site(input);
  for (const p of packages) {
    site.packagePages.set(pkgKey(p.id, p.version), packagePath(p));
    for (const r of p.resources) site.resourcePages.set(`${pkgKey(p.id, p.version)}/${r.resourceType}/${r.id ?? ''}`, resourcePath(p, r));
  }
  // reverse links, before any page is rendered
  for (const p of packages) {
    for (const r of p.resources) {
      const path = resourcePath(p, r);
      const text = `${str(r['title']) ?? str(r.name) ?? r.id ?? '?'} (${pkgKey(p.id, p.version)})`;
      if (r.resourceType === 'ValueSet') {
        const compose = (r['compose'] ?? {}) as Json;
        for (const inc of [...arr(compose['include']), ...arr(compose['exclude'])]) {
          const system = str(inc['system']);
          if (system !== undefined) site.noteUse(site.target(p, str(inc['version']) !== undefined ? `${system}|${str(inc['version'])}` : system, 'CodeSystem').path, path, text);
          for (const v of arr<string>(inc['valueSet'])) site.noteUse(site.target(p, v, 'ValueSet').path, path, text);
        }
      } else if (r.resourceType === 'StructureDefinition') {
        const seen = new Set<string>();
        for (const e of arr((r['snapshot'] as Json | undefined)?.['element'])) {
          const vs = str((e['binding'] as Json | undefined)?.['valueSet']);
          if (vs === undefined || seen.has(vs)) continue;
          seen.add(vs);
          site.noteUse(site.target(p, vs, 'ValueSet').path, path, text);
        }
        const parent = str(r['baseDefinition']);
        if (parent !== undefined) site.noteUse(site.target(p, parent, 'StructureDefinition').path, path, text);
      }
    }
  }
  const igPath = (alias: IgAlias): string => `ig/${alias}/index.html`;
  const depRows = (p: SitePackage, from: string): Json[] => Object.entries(p.manifest.dependencies ?? {}).map(([id, version]) => {
    const page = site.packagePages.get(pkgKey(id, version));
    const built = input.packages.some((q) => q.id === id && q.version === version);
    const others = input.packages.filter((q) => q.id === id).map((q) => q.version);
    const note = page ? 'documented here' : built ? 'built, not documented for the chosen standards'
      : others.length ? `not built in this version (this project builds ${others.join(', ')})`
        : 'not built by this project';
    return { id, version, ...(page ? { href: rel(from, page) } : {}), note };
  });

  // version changes: each package documented in several versions, one page per step
  const changeLinks = new Map<string, Link[]>();
  for (const [id, versions] of groupVersions(packages)) {
    for (let i = 1; i < versions.length; i++) {
      const a = versions[i - 1]!;
      const b = versions[i]!;
      const path = `pkg/${safeSegment(id)}/changes-${safeSegment(a.version)}-to-${safeSegment(b.version)}.html`;
      const diff = diffPackages(diffSide(a, a.resources, pkgKey(a.id, a.version)), diffSide(b, b.resources, pkgKey(b.id, b.version)), { structure: (url) => input.definitions.base.find(url)?.resource as unknown as fhir4.StructureDefinition | undefined });
      const groups = changeGroups(diff).map((g) => {
        const page = g.resourceType === 'package' ? undefined : site.target(b, g.resource, g.resourceType).path;
        return {
          heading: g.heading, ...(page ? { href: rel(path, page) } : {}),
          changes: g.changes.map((c) => ({ impact: c.impact, kind: c.kind, element: c.element ?? '', text: c.text })),
        };
      });
      site.write({
        path, title: `${id} ${a.version} → ${b.version}`, crumbs: [{ text: pkgKey(id, b.version), path: packagePath(b) }],
        body: site.t.changesPage({ id, from: a.version, to: b.version, fromHref: rel(path, packagePath(a)), toHref: rel(path, packagePath(b)), summary: diff.summary, groups }),
      });
      for (const v of [a, b]) {
        const key = pkgKey(v.id, v.version);
        changeLinks.set(key, [...(changeLinks.get(key) ?? []), { text: `${a.version} → ${b.version}`, title: path, href: rel(packagePath(v), path) }]);
      }
    }
  }

  // package and resource pages
  for (const p of packages) {
    const key = pkgKey(p.id, p.version);
    const crumbs = [{ text: key, path: packagePath(p) }];
    site.write({
      path: packagePath(p), title: key, crumbs: [],
      body: site.t.packagePage({
        id: p.id, version: p.version, title: str(p.manifest.title), description: markdownField(p.manifest.description),
        canonical: str(p.manifest.canonical) ?? '', fhirVersion: arr<string>(p.manifest.fhirVersions).join(', '),
        usedBy: (usedBy.get(key) ?? []).map((a) => ({ text: IG_FACTS[a].title, href: rel(packagePath(p), igPath(a)) })),
        dependencies: depRows(p, packagePath(p)),
        changes: changeLinks.get(key) ?? [],
        groups: resourceGroups(p, packagePath(p)),
      }),
    });
    for (const r of p.resources) {
      const path = resourcePath(p, r);
      const title = str(r['title']) ?? str(r.name) ?? `${r.resourceType}/${r.id ?? ''}`;
      let body: string;
      if (r.resourceType === 'StructureDefinition') body = structureBody(site, p, r, path);
      else if (r.resourceType === 'ValueSet') body = valueSetBody(site, p, r, path);
      else if (r.resourceType === 'CodeSystem') body = codeSystemBody(site, p, r, path);
      else body = resourceBody(site, p, r, path, [{ label: 'JSON', text: JSON.stringify(r, null, 2) }]);
      site.write({ path, title, crumbs, body });
    }
    for (const r of p.examples) {
      const path = resourcePath(p, r, true);
      site.write({
        path, title: `Example ${r.resourceType}/${r.id ?? ''}`, crumbs,
        body: resourceBody(site, p, r, path, [{ label: 'JSON', text: JSON.stringify(r, null, 2) }]),
      });
    }
  }

  // the standards
  const examplesDir = options.examplesDir ?? findUp('examples');
  for (const alias of igs) {
    const ig = IGS[alias];
    const facts = IG_FACTS[alias];
    const chain = chains.get(alias)!;
    const own = chain[0]!;
    const path = igPath(alias);
    const examples = examplesDir !== undefined ? igExamples(examplesDir, alias) : [];
    for (const ex of examples) {
      site.write({
        path: ex.path, title: `${facts.title} example ${ex.name}`, crumbs: [{ text: facts.title, path }],
        body: resourceBody(site, own, ex.resource, ex.path, ex.forms),
      });
    }
    site.write({
      path, title: facts.title, crumbs: [],
      body: site.t.igPage({
        alias, title: facts.title, titleDa: facts.titleDa, status: facts.status, kind: facts.kind, purpose: facts.purpose,
        packageId: ig.packageId, version: ig.version, packageHref: rel(path, packagePath(own)),
        canonical: str(own.manifest.canonical) ?? '', fhirVersion: arr<string>(own.manifest.fhirVersions).join(', '),
        bundleProfile: site.canonical(own, path, ig.bundleProfile, 'StructureDefinition'),
        dependencies: depRows(own, path),
        examples: examples.map((e) => ({ name: e.name, href: rel(path, e.path), forms: e.forms.map((f) => f.label.split(' ')[0]!) })),
        examplesNote: examplesDir === undefined ? 'The examples/ folder of the medcom-ig checkout was not found, so our example bundles are not shown.' : undefined,
        packages: [...chain].sort((a, b) => (a === own ? -1 : b === own ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : compareVersions(a.version, b.version))).map((p) => ({
          id: p.id, version: p.version, title: str(p.manifest.title), href: rel(path, packagePath(p)), groups: resourceGroups(p, path),
        })),
        rulesHref: rel(path, 'rules/index.html'),
      }),
    });
  }

  // the rule catalogue
  const rulesDir = options.rulesDir ?? findUp(join('docs', 'rules'));
  if (rulesDir === undefined || !existsSync(join(rulesDir, 'README.md'))) throw new Error('docs/rules/README.md (the rule catalogue) was not found');
  writeRules(site, rulesDir);

  // the index
  const count = (p: SitePackage, f: (r: FhirResource) => boolean): number => p.resources.filter(f).length;
  const isExt = (r: FhirResource): boolean => r.resourceType === 'StructureDefinition' && r['type'] === 'Extension' && r['derivation'] === 'constraint';
  site.write({
    path: 'index.html', title: 'MedCom FHIR Implementation Guides', crumbs: [],
    body: site.t.indexPage({
      igs: igs.map((a) => ({ ...IG_FACTS[a], packageId: IGS[a].packageId, version: IGS[a].version, href: igPath(a) })),
      packages: packages.map((p) => ({
        id: p.id, version: p.version, title: str(p.manifest.title) ?? '', href: packagePath(p),
        profiles: count(p, (r) => r.resourceType === 'StructureDefinition' && !isExt(r) && r['derivation'] === 'constraint'),
        extensions: count(p, isExt),
        valueSets: count(p, (r) => r.resourceType === 'ValueSet'),
        codeSystems: count(p, (r) => r.resourceType === 'CodeSystem'),
        usedBy: (usedBy.get(pkgKey(p.id, p.version)) ?? []).map((a) => IG_FACTS[a].title),
      })),
      rulesHref: 'rules/index.html',
    }),
  });
  site.files.set('assets/site.css', CSS);

  // write: the whole site staged beside `out` and swapped in complete (the completion marker), so a run
  // killed mid-write leaves the old site or none; a folder holding other files is refused, never replaced
  const files = [...site.files.keys()].sort();
  const own = new Set(files.map((f) => f.split('/')[0]!));
  const problem = folderReplaceProblem(options.out, (name) => own.has(name));
  if (problem) throw new UsageError(`${options.out}: ${problem}`);
  await writeFolderAtomic(options.out, async (staging) => {
    const targets = files.map((f) => join(staging, ...f.split('/')));
    for (const d of new Set(targets.map((t) => dirname(t)))) mkdirSync(d, { recursive: true });
    // written in parallel (the thread pool overlaps the file system's latency)
    await Promise.all(files.map(async (f, i) => {
      try {
        await writeFile(targets[i]!, site.files.get(f)!);
      } catch (e) {
        throw describeFsError(join(options.out, ...f.split('/')), e, 'write');
      }
    }));
  });
  return { out: options.out, igs, packages: packages.map((p) => pkgKey(p.id, p.version)), files };
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
