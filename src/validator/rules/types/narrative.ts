import type { IssueSink, Json, Where } from '../../context.js';
import { child } from '../../context.js';
import type { ElementPlan } from '../../plan/plan.js';
import type { Severity } from '../registry.js';
import { quoteValue } from '../../../util/text.js';
import { tagEnd } from '../../../fhirpath/xhtml.js';

/** The entities XML defines without a DTD; FHIR narrative has no DTD, so these are all there are. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** Is `c` a character XML 1.0 allows (Char production)? */
function isXmlChar(c: number): boolean {
  return (
    c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
  );
}

/**
 * The first entity or character reference in an XHTML text that XML does not accept: a named entity
 * other than the five XML defines (`&reg;`, `&nbsp;`: HTML's, declared by no DTD here), or a
 * character reference to no XML character (`&#0;`). Comments and CDATA sections are skipped; a `&`
 * not followed by a reference (`a & b`) is left to the parser's other checks.
 */
export function firstBadEntity(text: string): string | undefined {
  const marks = /[&<]/g;
  for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
    const at = m.index;
    if (text[at] === '<') {
      const skip = text.startsWith('<!--', at) ? '-->' : text.startsWith('<![CDATA[', at) ? ']]>' : undefined;
      if (skip === undefined) continue;
      const end = text.indexOf(skip, at + 4);
      if (end === -1) return undefined;
      marks.lastIndex = end + skip.length;
      continue;
    }
    const ref = /^&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_:][\w:.-]*);/.exec(text.slice(at, at + 40));
    if (!ref) continue;
    const name = ref[1]!;
    if (name.startsWith('#')) {
      const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!isXmlChar(code)) return ref[0];
    } else if (!XML_ENTITIES.has(name)) return ref[0];
  }
  return undefined;
}

/** An xhtml value (Narrative.div): its entities are XML's (`types/xhtml-entity`). */
export function checkXhtml(value: unknown, where: Where, sink: IssueSink): void {
  if (typeof value !== 'string') return;
  const entity = firstBadEntity(value);
  if (entity !== undefined) sink.report('types/xhtml-entity', where, { entity });
}

/** The start tags of an XHTML text, in order: each element's local name (lower case) and its attributes. */
function startTags(text: string): { name: string; attrs: Map<string, string> }[] {
  const out: { name: string; attrs: Map<string, string> }[] = [];
  let i = 0;
  for (let lt = text.indexOf('<', i); lt !== -1; lt = text.indexOf('<', i)) {
    const skip = text.startsWith('<!--', lt) ? '-->' : text.startsWith('<![CDATA[', lt) ? ']]>' : undefined;
    if (skip !== undefined) {
      const end = text.indexOf(skip, lt + 4);
      if (end === -1) break;
      i = end + skip.length;
      continue;
    }
    const end = tagEnd(text, lt + 1);
    if (end === -1) break;
    i = end + 1;
    const name = /^[A-Za-z_][\w:.-]*/.exec(text.slice(lt + 1, Math.min(end, lt + 65)))?.[0];
    if (name === undefined) continue; // an end tag, a processing instruction, a declaration
    out.push({ name: name.slice(name.lastIndexOf(':') + 1).toLowerCase(), attrs: attributes(text.slice(lt + 1, end)) });
  }
  return out;
}

/**
 * The local links of a narrative: the `href` of each `<a>` that names a fragment (`#x`; a bare `#` names the
 * page itself), in order.
 */
export function narrativeLocalLinks(div: string): string[] {
  if (!div.includes('#')) return [];
  const out: string[] = [];
  for (const tag of startTags(div)) {
    const href = tag.name === 'a' ? tag.attrs.get('href') : undefined;
    if (href !== undefined && href.startsWith('#') && href !== '#') out.push(href);
  }
  return out;
}

/**
 * What a narrative link `#x` may name in a document (`root`, a Bundle with its entries included): the `id` of any
 * resource or element in it, and the `id` or `name` attribute of any element of any narrative in it.
 */
export function linkTargets(root: unknown): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 256) return;
    if (typeof v === 'string') {
      if (v.startsWith('<div')) {
        for (const tag of startTags(v)) {
          const id = tag.attrs.get('id');
          const name = tag.attrs.get('name');
          if (id !== undefined) out.add(id);
          if (name !== undefined) out.add(name);
        }
      }
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
    } else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o['id'] === 'string') out.add(o['id']);
      for (const x of Object.values(o)) visit(x, depth + 1);
    }
  };
  visit(root, 0);
  return out;
}

/**
 * A narrative's local links resolve (`types/narrative-link`): each `<a href="#x">` names something in the
 * document — an anchor (`id` / `name`) in a narrative, or a resource or element with that `id`
 * (`targets`: linkTargets of the document, worked out once by the caller).
 */
export function checkNarrativeLinks(value: unknown, where: Where, sink: IssueSink, targets: () => ReadonlySet<string>): void {
  if (typeof value !== 'string') return;
  const links = narrativeLocalLinks(value);
  if (links.length === 0) return;
  const known = targets();
  for (const href of links) if (!known.has(href.slice(1))) sink.report('types/narrative-link', where, { href: quoteValue(href) });
}

/** URI schemes a narrative link or image cannot use: names, not locations a reader can follow (`urn:uuid:…`). */
const UNFOLLOWABLE_SCHEMES = new Set(['urn']);

/** The links (`<a href>`) and images (`<img src>`) of a narrative whose URI scheme cannot be followed, in order. */
export function unfollowableLinks(div: string): { url: string; scheme: string }[] {
  if (!/urn:/i.test(div)) return [];
  const out: { url: string; scheme: string }[] = [];
  for (const tag of startTags(div)) {
    const url = tag.name === 'a' ? tag.attrs.get('href') : tag.name === 'img' ? tag.attrs.get('src') : undefined;
    const scheme = url === undefined ? undefined : /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url.trim())?.[1]?.toLowerCase();
    if (url !== undefined && scheme !== undefined && UNFOLLOWABLE_SCHEMES.has(scheme)) out.push({ url, scheme });
  }
  return out;
}

/** A narrative's links and images use a scheme a reader can follow (`types/narrative-link-scheme`): not a URN. */
export function checkNarrativeLinkSchemes(value: unknown, where: Where, sink: IssueSink): void {
  if (typeof value !== 'string') return;
  for (const { url, scheme } of unfollowableLinks(value))
    sink.report('types/narrative-link-scheme', where, { url: quoteValue(url), scheme });
}

interface XNode {
  attrs: Map<string, string>;
  /** Elements, and the text between them (entities left as written). */
  children: (XNode | string)[];
}

/** The elements and text of an XHTML text as a tree below a synthetic root. */
function elementTree(text: string): XNode {
  const root: XNode = { attrs: new Map(), children: [] };
  const stack: XNode[] = [root];
  const top = (): XNode => stack[stack.length - 1]!;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      top().children.push(text.slice(i));
      break;
    }
    if (lt > i) top().children.push(text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end === -1 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      top().children.push(text.slice(lt + 9, end === -1 ? text.length : end));
      i = end === -1 ? text.length : end + 3;
      continue;
    }
    const end = tagEnd(text, lt + 1);
    if (end === -1) break;
    i = end + 1;
    if (text[lt + 1] === '/') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    if (text[lt + 1] === '?' || text[lt + 1] === '!') continue;
    const node: XNode = { attrs: attributes(text.slice(lt + 1, end)), children: [] };
    top().children.push(node);
    if (text[end - 1] !== '/') stack.push(node);
  }
  return root;
}

/** The attributes of a start tag's inside (`div class="x" xml:lang='en'`). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/\s([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, m[2] ?? m[3] ?? '');
  return out;
}

const LANGUAGE_CONTROL = 'http://hl7.org/fhir/StructureDefinition/narrative-language-control';

/**
 * The languages of a narrative's language sections: the outermost elements inside the narrative's
 * `div` that carry `lang` or `xml:lang`, sorted, each once.
 */
function languageSections(div: string): string[] {
  const found = new Set<string>();
  const visit = (n: XNode | string): void => {
    if (typeof n === 'string') return;
    const lang = n.attrs.get('xml:lang') ?? n.attrs.get('lang');
    if (lang !== undefined && lang !== '') found.add(lang);
    else for (const c of n.children) visit(c);
  };
  const tree = elementTree(div);
  // the tree's one top element is the narrative's div; its own lang is the narrative's, not a section's
  for (const top of tree.children) if (typeof top !== 'string') for (const c of top.children) visit(c);
  return [...found].sort();
}

/**
 * A Narrative whose element definition (`node`, in the profile) carries narrative-language-control:
 * `_no` (no language sections), `_yes` (language sections), `_resource` (a section in the resource's
 * `language`), or a language (a section in that language). Language sections are the outermost
 * elements inside the div with `lang` / `xml:lang`.
 */
export function checkNarrativeControl(value: Json, node: ElementPlan, where: Where, sink: IssueSink): void {
  const controls = (node.ed.extension ?? []).filter((e) => e.url === LANGUAGE_CONTROL && typeof e.valueCode === 'string');
  if (controls.length === 0) return;
  const div = value['div'];
  if (typeof div !== 'string') return;
  const sections = languageSections(div);
  const found = sections.join(', ');
  const resourceLanguage = where.resource['language'];
  for (const ext of controls) {
    const control = ext.valueCode!;
    let ok: boolean;
    if (control === '_no') ok = sections.length === 0;
    else if (control === '_yes') ok = sections.length > 0;
    else if (control === '_resource') ok = typeof resourceLanguage !== 'string' || sections.includes(resourceLanguage);
    else ok = sections.includes(control);
    if (!ok) {
      const wanted = control === '_resource' && typeof resourceLanguage === 'string' ? `${control} (${resourceLanguage})` : control;
      sink.report('types/narrative-language', child(where, 'div'), { control: wanted, found }, { node });
    }
  }
}

const SOURCE_CONTROL = 'http://hl7.org/fhir/StructureDefinition/narrative-source-control';
/** The classes that say where a part of the narrative comes from (narrative-source-control). */
const SOURCE_CLASSES = new Set(['boilerplate', 'generated', 'original', 'extensions', 'additional']);
const LEVELS: ReadonlyMap<string, Severity> = new Map([
  ['error', 'error'],
  ['warning', 'warning'],
  ['information', 'information'],
]);

/** The texts (trimmed, non-empty) of `n` that no element with a source class (its own or an ancestor's) covers. */
function unattributed(n: XNode, out: string[]): string[] {
  const classes = (n.attrs.get('class') ?? '').split(/\s+/);
  if (classes.some((c) => SOURCE_CLASSES.has(c))) return out;
  for (const c of n.children) {
    if (typeof c !== 'string') unattributed(c, out);
    else if (c.trim() !== '') out.push(c.trim().replace(/\s+/g, ' '));
  }
  return out;
}

/**
 * A Narrative whose element definition carries narrative-source-control (its code the level: error, warning,
 * information): every text of the narrative sits in an element whose class says its source (boilerplate,
 * generated, original, extensions, additional) — on the element or one around it, the div included.
 */
export function checkNarrativeSource(value: Json, node: ElementPlan, where: Where, sink: IssueSink): void {
  const ext = (node.ed.extension ?? []).find((e) => e.url === SOURCE_CONTROL && typeof e.valueCode === 'string');
  const severity = ext ? LEVELS.get(ext.valueCode!) : undefined;
  const div = value['div'];
  if (severity === undefined || typeof div !== 'string') return;
  for (const top of elementTree(div).children) {
    if (typeof top === 'string') continue;
    for (const text of unattributed(top, [])) {
      sink.report('types/narrative-source', child(where, 'div'), { text: quoteValue(text) }, { node, severity });
    }
  }
}
