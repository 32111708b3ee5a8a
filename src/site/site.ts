/**
 * What every page of the site shares: the pages written so far, the templates, the resolution of
 * canonicals to our pages (and the reverse links), site paths and relative hrefs, and the small
 * readers of FHIR JSON the pages use.
 */
import { posix } from 'node:path';
import type { IgAlias } from '../standards/igs.js';
import { Resolver } from '../defs/registry.js';
import type { FhirResource } from '../defs/resource.js';
import { LocalTerminology } from '../validator/terminology/local.js';
import type { SiteInput, SitePackage } from './load.js';
import { renderMarkdown } from './markdown.js';
import { safe, siteTemplates, type SafeHtml } from './templates.js';

export type Json = Record<string, unknown>;

export interface Link {
  text: string;
  href?: string;
  title?: string;
}

export function safeSegment(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** A resource's description (Markdown in FHIR): rendered, escaped; links only to http(s) targets. */
export function markdownField(v: unknown): SafeHtml | undefined {
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  return safe(renderMarkdown(v, { link: (href) => (/^https?:\/\//i.test(href) ? href : undefined) }));
}

/** The first line of a Markdown description as plain text (for lists): link targets dropped. */
export function plainSummary(v: unknown): string {
  if (typeof v !== 'string') return '';
  const first = v
    .trim()
    .split('\n')[0]!
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return first.length > 300 ? `${first.slice(0, 297)}…` : first;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function arr<T = Json>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

export function compact(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export const pkgKey = (id: string, version: string): string => `${id}#${version}`;

/** A written page: its site-relative path and what the layout needs. */
export interface Page {
  path: string;
  title: string;
  crumbs: { text: string; path: string }[];
  body: string;
}

export class Site {
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
    if (!r) {
      r = this.input.definitions.scope([{ id: pkg.id, version: pkg.version }]);
      this.resolvers.set(key, r);
    }
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
    if (!t) {
      t = new LocalTerminology(this.resolver(pkg));
      this.terminologies.set(key, t);
    }
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
        const where =
          loaded.from.packageId !== undefined && loaded.from.packageVersion !== undefined
            ? `${loaded.from.packageId}#${loaded.from.packageVersion}`
            : undefined;
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
    if (!m) {
      m = new Map();
      this.usedBy.set(target, m);
    }
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
  return r
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/%40/g, '@'))
    .join('/');
}

export function resourcePath(pkg: SitePackage, r: FhirResource, example = false): string {
  return `pkg/${safeSegment(pkg.id)}/${safeSegment(pkg.version)}/${example ? 'example/' : ''}${safeSegment(r.resourceType)}-${safeSegment(r.id ?? 'unknown')}.html`;
}

export function packagePath(pkg: SitePackage): string {
  return `pkg/${safeSegment(pkg.id)}/${safeSegment(pkg.version)}/index.html`;
}

/** The site path of a standard's home page. */
export function igPath(alias: IgAlias): string {
  return `ig/${alias}/index.html`;
}
