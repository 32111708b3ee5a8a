import { decode } from './decode.js';
import type { XmlText } from './positions.js';

/** XML namespaces: the scope of prefixes an element sees, and the namespace of a qualified name. */

export const FHIR_NS = 'http://hl7.org/fhir';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * The prefixes an element declares, linked to those of the nearest ancestor that declares any: a
 * lookup walks up the chain (at most one link per declaring ancestor), and an element's own
 * declarations never copy its ancestors' (a copy per element made thousands of prefixes on the
 * root times thousands of elements with an xmlns quadratic).
 */
interface Prefixes {
  own: ReadonlyMap<string, string>;
  up: Prefixes | undefined;
}

export interface NsScope {
  default: string;
  prefixes: Prefixes;
}

export const ROOT_SCOPE: NsScope = { default: '', prefixes: { own: new Map([['xml', XML_NS]]), up: undefined } };

export interface QName {
  uri: string;
  local: string;
  prefixed: boolean;
}

function prefixUri(prefixes: Prefixes, prefix: string): string | undefined {
  for (let p: Prefixes | undefined = prefixes; p; p = p.up) {
    const uri = p.own.get(prefix);
    if (uri !== undefined) return uri;
  }
  return undefined;
}

/** The scope inside an element with these attributes (`parent` itself when it declares nothing). */
export function scopeOf(src: XmlText, parent: NsScope, attrs: Record<string, string> | undefined, at: number): NsScope {
  if (!attrs) return parent;
  let scope: NsScope | undefined;
  let own: Map<string, string> | undefined;
  for (const a in attrs) {
    if (a === '@xmlns') {
      scope ??= { default: parent.default, prefixes: parent.prefixes };
      scope.default = decode(src, attrs[a]!, at, true);
    } else if (a.startsWith('@xmlns:')) {
      scope ??= { default: parent.default, prefixes: parent.prefixes };
      const uri = decode(src, attrs[a]!, at, true);
      if (uri === '') src.fail(`not well-formed XML: namespace prefix '${a.slice(7)}' declared empty`, at);
      if (!own) scope.prefixes = { own: (own = new Map()), up: parent.prefixes };
      own.set(a.slice(7), uri);
    }
  }
  return scope ?? parent;
}

/** The namespace and local name of `qname` in `scope`; an undeclared prefix fails the read. */
export function nsOf(src: XmlText, scope: NsScope, qname: string, at: number): QName {
  const colon = qname.indexOf(':');
  if (colon < 0) return { uri: scope.default, local: qname, prefixed: false };
  const prefix = qname.slice(0, colon);
  const uri = prefixUri(scope.prefixes, prefix);
  if (uri === undefined) return src.fail(`not well-formed XML: namespace prefix '${prefix}' is not declared`, at);
  return { uri, local: qname.slice(colon + 1), prefixed: true };
}
