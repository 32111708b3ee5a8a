import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FhirModel } from '../model.js';
import { computeLineStarts, InputError, parentAt, pathsOf, positionAt, type PathStep, type Position, type SourceDoc } from './source.js';

/**
 * FHIR XML (R4, http://hl7.org/fhir/xml.html) read into the FHIR JSON form, keeping where every
 * element starts so issues can point at the source.
 *
 * fast-xml-parser checks well-formedness (its validator) and builds an ordered tree with the start
 * offset of every element (`captureMetaData`); the FHIR rules are applied here with the base R4
 * model: which elements repeat, which are primitives (value attribute → JSON value, id and
 * extensions → `_name`), which hold a resource, and where the XHTML narrative is (kept as its XML
 * text). The conversion is iterative, so deep nesting cannot overflow the stack.
 *
 * Security: a DOCTYPE (and so any entity declaration) is rejected before parsing, entity processing
 * in the parser is switched off, and the only references decoded are the five predefined XML
 * entities and numeric character references. Nothing but the given text is ever read.
 */

export const FHIR_NS = 'http://hl7.org/fhir';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface XmlReadOptions {
  /**
   * Deeper nesting of the resulting JSON value is rejected (default 512, as for JSON input; FHIR
   * resources are never nearly that deep). Counted conservatively: a repeating element counts two
   * levels (array and object).
   */
  maxDepth?: number;
}

/** Something in the XML that the JSON form cannot show by itself (e.g. an element in a foreign namespace). */
export interface XmlNote {
  message: string;
  position: Position;
  /** The JSON path of the value the note is about, when it is in the JSON value. */
  path?: PathStep[];
}

export interface XmlDoc extends SourceDoc {
  format: 'xml';
  notes: XmlNote[];
}

// ---------------------------------------------------------------------------------------------
// The model, as the reader needs it (cached per model and per element)

type ValueKind = 'string' | 'number' | 'boolean';

interface Ctx {
  /** The type whose definition holds the children (the owning type for backbone elements). */
  type: string;
  /** Path below `type` ('' for the type itself, `contact` for Patient.contact). */
  rel: string;
  kind: 'resource' | 'complex' | 'primitive' | 'generic';
  /** Child elements that FHIR XML writes as attributes here (`id`, Extension `url`, primitive `value`). */
  attrNames: ReadonlySet<string>;
  /** Child element name → how to read it (filled lazily). */
  children: Map<string, Spec>;
  /** For primitives: the JSON type of the value. */
  valueKind?: ValueKind;
}

interface Spec {
  kind: 'primitive' | 'complex' | 'resource' | 'xhtml' | 'unknown';
  repeating: boolean;
  ctx?: Ctx;
  /** An element FHIR XML writes as an attribute (`id`, Extension `url`) given as a child element. */
  attribute?: boolean;
}

interface TypeMeta {
  /** parent rel → names of children represented as XML attributes */
  attrs: Map<string, Set<string>>;
  /** rels that have child elements (backbone elements) */
  parents: Set<string>;
}

const EMPTY_SET: ReadonlySet<string> = new Set();
const PRIMITIVE_ATTRS: ReadonlySet<string> = new Set(['id', 'value']);
const UNKNOWN: Spec = { kind: 'unknown', repeating: false };
const ATTRIBUTE_AS_ELEMENT: Spec = { kind: 'unknown', repeating: false, attribute: true };
const GENERIC: Ctx = { type: '', rel: '', kind: 'generic', attrNames: EMPTY_SET, children: new Map() };
const NUMBER_TYPES = new Set(['integer', 'positiveInt', 'unsignedInt', 'decimal', 'integer64']);

class ModelView {
  private readonly ctxs = new Map<string, Ctx>();
  private readonly metas = new Map<string, TypeMeta | null>();
  private readonly bases = new Map<string, string>();

  constructor(private readonly model: FhirModel) {}

  private meta(type: string): TypeMeta | null {
    let m = this.metas.get(type);
    if (m !== undefined) return m;
    const sd = this.model.structure(type);
    if (!sd?.snapshot) {
      m = null;
    } else {
      m = { attrs: new Map(), parents: new Set() };
      for (const el of sd.snapshot.element) {
        const dot = el.path.indexOf('.');
        if (dot < 0 || el.sliceName !== undefined || el.id?.includes(':')) continue;
        const rel = el.path.slice(dot + 1);
        const last = rel.lastIndexOf('.');
        const parent = last < 0 ? '' : rel.slice(0, last);
        m.parents.add(parent);
        if (el.representation?.includes('xmlAttr')) {
          let set = m.attrs.get(parent);
          if (!set) m.attrs.set(parent, (set = new Set()));
          set.add(rel.slice(last + 1));
        }
      }
    }
    this.metas.set(type, m);
    return m;
  }

  /** A profiled type (a constraint such as SimpleQuantity) read as its base type. */
  private base(type: string): string {
    let b = this.bases.get(type);
    if (b === undefined) {
      const sd = this.model.structure(type);
      b = sd?.derivation === 'constraint' && sd.type ? sd.type : type;
      this.bases.set(type, b);
    }
    return b;
  }

  ctx(type: string, rel: string, kind: Ctx['kind']): Ctx {
    const key = `${type}|${rel}`;
    let c = this.ctxs.get(key);
    if (c) return c;
    const meta = this.meta(type);
    if (!meta) {
      c = GENERIC;
    } else {
      c = { type, rel, kind, attrNames: meta.attrs.get(rel) ?? EMPTY_SET, children: new Map() };
      if (kind === 'primitive') c.valueKind = type === 'boolean' ? 'boolean' : NUMBER_TYPES.has(type) ? 'number' : 'string';
    }
    this.ctxs.set(key, c);
    return c;
  }

  resourceCtx(type: string): Ctx {
    const key = `${type}|`;
    const known = this.ctxs.get(key);
    if (known) return known;
    if (!this.model.isResourceType(type)) {
      this.ctxs.set(key, GENERIC);
      return GENERIC;
    }
    return this.ctx(type, '', 'resource');
  }

  spec(ctx: Ctx, name: string): Spec {
    let s = ctx.children.get(name);
    if (s) return s;
    s = this.resolve(ctx, name);
    ctx.children.set(name, s);
    return s;
  }

  private resolve(ctx: Ctx, name: string): Spec {
    if (ctx.kind === 'generic' || name.includes('.')) return UNKNOWN;
    const hit = this.model.child(ctx.type, ctx.rel, name);
    if (!hit) return UNKNOWN;
    const { info } = hit;
    // an element XML writes as an attribute (id, url, value) cannot also be a child element
    if (!info.choice && ctx.attrNames.has(info.name)) return ATTRIBUTE_AS_ELEMENT;
    const repeating = info.max !== '0' && info.max !== '1';
    if (hit.type === undefined) {
      if (info.contentReference) {
        const dot = info.contentReference.indexOf('.');
        if (dot < 0) return UNKNOWN;
        return { kind: 'complex', repeating, ctx: this.ctx(info.contentReference.slice(0, dot), info.contentReference.slice(dot + 1), 'complex') };
      }
      const rel = info.path.slice(info.path.indexOf('.') + 1);
      if (this.meta(ctx.type)?.parents.has(rel)) return { kind: 'complex', repeating, ctx: this.ctx(ctx.type, rel, 'complex') };
    }
    const type = hit.type ?? info.types[0];
    if (type === undefined) return UNKNOWN;
    if (type === 'xhtml') return { kind: 'xhtml', repeating };
    if (type === 'Resource' || type === 'DomainResource') return { kind: 'resource', repeating };
    if (this.model.isPrimitive(type)) return { kind: 'primitive', repeating, ctx: this.ctx(type, '', 'primitive') };
    const base = this.base(type);
    if (this.model.isResourceType(base)) return { kind: 'resource', repeating };
    return { kind: 'complex', repeating, ctx: this.ctx(base, '', 'complex') };
  }
}

const views = new WeakMap<FhirModel, ModelView>();
function viewOf(model: FhirModel): ModelView {
  let v = views.get(model);
  if (!v) views.set(model, (v = new ModelView(model)));
  return v;
}

// ---------------------------------------------------------------------------------------------
// The parser

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** A node of fast-xml-parser's ordered output: `{ tag: children, ':@': attributes }` or a text node. */
type FxNode = { [key: string]: unknown; [key: symbol]: unknown };
interface FxMeta { startIndex?: number; endIndex?: number }

/** A parser for one document (making one takes microseconds; nothing is kept between documents). */
function parserFor(maxNested: number): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    captureMetaData: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    allowBooleanAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // no entity processing at all in the parser (and no DOCTYPE gets this far): references are
    // decoded here, allowing only the five XML entities and numeric character references
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: '#cdata',
    commentPropName: false,
    removeNSPrefix: false,
    // the narrative is taken as text: no need to build it
    stopNodes: ['..div'],
    maxNestedTags: maxNested,
    jPath: false,
    onDangerousProperty: (name: string) => name,
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

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
interface NsScope {
  default: string;
  prefixes: Prefixes;
}
const ROOT_SCOPE: NsScope = { default: '', prefixes: { own: new Map([['xml', XML_NS]]), up: undefined } };

function prefixUri(prefixes: Prefixes, prefix: string): string | undefined {
  for (let p: Prefixes | undefined = prefixes; p; p = p.up) {
    const uri = p.own.get(prefix);
    if (uri !== undefined) return uri;
  }
  return undefined;
}

/** Primitive occurrences of one name in one parent: values and `_name` objects stay aligned. */
interface PrimAcc {
  prim: true;
  repeating: boolean;
  values: unknown[];
  texts: (string | undefined)[];
  exts: Record<string, unknown>[];
  offsets: number[];
}
interface NodeAcc {
  prim: false;
  repeating: boolean;
  items: unknown[];
  offsets: number[];
}

interface Frame {
  children: FxNode[];
  i: number;
  ctx: Ctx;
  obj: Record<string, unknown>;
  ns: NsScope;
  accs: Map<string, PrimAcc | NodeAcc>;
  /** where the element starts */
  at: number;
  depth: number;
  text?: string;
}

/** A position to be read from an attribute of the start tag at `at` (found on demand). */
interface AttrRef {
  at: number;
  attr: string;
}

/** Attribute values longer than this are emptied for the well-formedness check (see skeletonOf). */
const LONG_VALUE = 256;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const WS_ONLY = /^[ \t\r\n]*$/;
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
// characters XML 1.0 does not allow anywhere (C0 controls other than tab/LF/CR, U+FFFE/FFFF)
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Read FHIR XML. Throws `InputError` (with file, reason and position when known) for anything
 * that is not well-formed FHIR XML; unknown elements and attributes are kept in the value (so the
 * validator reports them): unknown elements under their name, unknown attributes as `@name`
 * properties, text inside FHIR elements as `#text`.
 */
export function readXml(file: string, text: string, model: FhirModel, options: XmlReadOptions = {}): XmlDoc {
  const maxDepth = options.maxDepth ?? 512;
  if (text.length === 0) throw new InputError(file, 'the file is empty');
  checkEncoding(file, text);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  let lineStarts: number[] | undefined;
  const position = (offset: number): Position => positionAt(lineStarts ??= computeLineStarts(text), offset);
  const fail = (reason: string, at?: number): never => {
    throw new InputError(file, reason, at === undefined ? undefined : position(Math.min(Math.max(at, 0), text.length)));
  };

  if (WS_ONLY.test(text)) fail('the file is empty (only whitespace)');
  const bad = BAD_CHAR.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    fail(`not XML text: character U+${code} is not allowed in XML (binary data, or not UTF-8?)`, bad.index);
  }
  const first = /[^ \t\r\n]/.exec(text)!;
  if (text[first.index] !== '<') fail(`not XML: the file starts with '${text.slice(first.index, first.index + 10)}' instead of '<'`, first.index);
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (doctype) {
    fail(`${doctype[1]!.toUpperCase()} declarations are not allowed in FHIR XML (entities could expand without bound or read external files); nothing was expanded`, doctype.index);
  }

  // well-formedness, checked on a skeleton of the text whose long attribute values are emptied:
  // fast-xml-parser's validator builds each tag's attribute text one character at a time (a rope
  // of ~32 bytes per character: one 20 MB attribute cost 700 MB); it never looks inside a value
  const skeleton = skeletonOf(text, LONG_VALUE);
  const check = XMLValidator.validate(skeleton ? skeleton.text : text, { allowBooleanAttributes: false });
  if (check !== true) {
    const { line, col } = check.err;
    let msg = check.err.msg;
    const unclosed = /^Invalid '\[(.*)\]' found\.$/.exec(msg) ?? /^Unclosed tag '(.*)'\.$/.exec(msg);
    if (unclosed) {
      const names = unclosed[1]!.replace(/"/g, '').split(',').map((s) => s.trim()).filter(Boolean);
      fail(`not well-formed XML: unexpected end of file, ${names.length > 1 ? `elements ${names.join(', ')} are` : `element ${names[0] ?? ''} is`} not closed (truncated file?)`, text.length);
    }
    /** An offset in the text from a line and column the validator gave. */
    let offsetOf = (l: number, c: number): number => {
      lineStarts ??= computeLineStarts(text);
      return Math.min((lineStarts[Math.max(0, Math.min(l, lineStarts.length) - 1)] ?? 0) + Math.max(0, c - 1), text.length);
    };
    if (skeleton) {
      const starts = computeLineStarts(skeleton.text);
      offsetOf = (l, c) => skeleton.original((starts[Math.max(0, Math.min(l, starts.length) - 1)] ?? 0) + Math.max(0, c - 1));
      msg = msg.replace(/\(opened in line (\d+), col (\d+)\)/, (_m, l: string, c: string) => {
        const p = position(offsetOf(Number(l), Number(c)));
        return `(opened in line ${p.line}, col ${p.column})`;
      });
    }
    const at = offsetOf(line, col ?? 1);
    // an open tag or quote with nothing after it that could close it: the file was cut short
    const truncated = text.indexOf('>', at) < 0 ? 'unexpected end of file (truncated file?): ' : '';
    fail(`not well-formed XML: ${truncated}${msg.replace(/\.$/, '')}`, at);
  }

  let tree: FxNode[];
  try {
    tree = parserFor(Math.max(maxDepth, 16) + 1).parse(text) as FxNode[];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError || /nested/i.test(message)) fail(`nested too deeply (more than ${maxDepth} levels)`);
    const reserved = /^\[SECURITY\] Invalid name: "([^"]*)"/.exec(message);
    if (reserved) fail(`the name '${reserved[1]}' is not supported as an element or attribute name`);
    return fail(`not well-formed XML: ${message}`);
  }

  const view = viewOf(model);
  const positions = new WeakMap<object, Map<PathStep, number | AttrRef>>();
  const numbers = new WeakMap<object, Map<PathStep, string>>();
  const pendingNotes: { message: string; at: number; container: object; key: PathStep }[] = [];

  const mark = (container: object, key: PathStep, at: number | AttrRef): void => {
    let m = positions.get(container);
    if (!m) positions.set(container, (m = new Map()));
    m.set(key, at);
  };
  const markNumber = (container: object, key: PathStep, literal: string | undefined): void => {
    if (literal === undefined) return;
    let m = numbers.get(container);
    if (!m) numbers.set(container, (m = new Map()));
    m.set(key, literal);
  };

  const startOf = (node: FxNode): number => ((node[META] as FxMeta | undefined)?.startIndex ?? 0);
  const endOf = (node: FxNode): number => ((node[META] as FxMeta | undefined)?.endIndex ?? text.length);

  const decode = (raw: string, at: number, attr: boolean): string => {
    if (attr) {
      if (raw.includes('<')) fail(`not well-formed XML: '<' in an attribute value (write &lt;)`, at);
      // attribute-value normalisation (XML 1.0 §3.3.3); line ends are already \n
      if (/[\t\n\r]/.test(raw)) raw = raw.replace(/[\t\n\r]/g, ' ');
    }
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s<]*)(;?)/g, (_m, name: string, semi: string) => {
      if (!semi) return fail(`not well-formed XML: '&' that does not start an entity or character reference (write &amp;)`, at);
      return entity(name, at);
    });
  };
  const entity = (name: string, at: number): string => {
    if (name.startsWith('#')) {
      const hex = name[1] === 'x';
      const digits = name.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return fail(`not well-formed XML: bad character reference &${name};`, at);
      const cp = parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(cp)) return fail(`not well-formed XML: character reference &${name}; is not an allowed XML character`, at);
      return String.fromCodePoint(cp);
    }
    if (Object.hasOwn(PREDEFINED, name)) return PREDEFINED[name]!;
    return fail(`undefined entity &${name}; (FHIR XML has no DTD: only &lt; &gt; &amp; &quot; &apos; and numeric character references are allowed)`, at);
  };

  const tagOf = (node: FxNode): string => {
    for (const k in node) if (k !== ':@') return k;
    return '';
  };
  const attrsOf = (node: FxNode): Record<string, string> | undefined => node[':@'] as Record<string, string> | undefined;

  const scopeOf = (parent: NsScope, attrs: Record<string, string> | undefined, at: number): NsScope => {
    if (!attrs) return parent;
    let scope: NsScope | undefined;
    let own: Map<string, string> | undefined;
    for (const a in attrs) {
      if (a === '@xmlns') {
        scope ??= { default: parent.default, prefixes: parent.prefixes };
        scope.default = decode(attrs[a]!, at, true);
      } else if (a.startsWith('@xmlns:')) {
        scope ??= { default: parent.default, prefixes: parent.prefixes };
        const uri = decode(attrs[a]!, at, true);
        if (uri === '') fail(`not well-formed XML: namespace prefix '${a.slice(7)}' declared empty`, at);
        if (!own) scope.prefixes = { own: (own = new Map()), up: parent.prefixes };
        own.set(a.slice(7), uri);
      }
    }
    return scope ?? parent;
  };
  const nsOf = (scope: NsScope, qname: string, at: number): { uri: string; local: string; prefixed: boolean } => {
    const colon = qname.indexOf(':');
    if (colon < 0) return { uri: scope.default, local: qname, prefixed: false };
    const prefix = qname.slice(0, colon);
    const uri = prefixUri(scope.prefixes, prefix);
    if (uri === undefined) return fail(`not well-formed XML: namespace prefix '${prefix}' is not declared`, at);
    return { uri, local: qname.slice(colon + 1), prefixed: true };
  };

  /** Attributes other than the FHIR ones: namespace declarations and xsi:* are skipped, others kept as `@name`. */
  const extraAttrs = (
    attrs: Record<string, string> | undefined,
    scope: NsScope,
    at: number,
    known: ReadonlySet<string>,
    target: Record<string, unknown>,
    plain: boolean,
  ): void => {
    if (!attrs) return;
    for (const a in attrs) {
      const name = a.slice(1);
      if (known.has(name) || name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const colon = name.indexOf(':');
      if (colon > 0) {
        const uri = nsOf(scope, name, at).uri;
        if (uri === XSI_NS) continue;
      }
      const key = plain ? name : `@${name}`;
      setProp(target, key, decode(attrs[a]!, at, true));
      mark(target, key, { at, attr: name });
    }
  };

  const root = tree.find((n) => {
    const t = tagOf(n);
    return t !== '#text' && t !== '#cdata';
  });
  if (!root) return fail('not XML: no root element');
  const rootName = tagOf(root);
  const rootAt = startOf(root);
  // after the root only comments, processing instructions and whitespace (the validator misses
  // this after a self-closing root)
  const after = endOf(root);
  const rest = /^(?:[ \t\r\n]+|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*/.exec(text.slice(after))![0].length;
  if (after + rest < text.length) {
    fail(`not well-formed XML: ${text[after + rest] === '<' ? 'a second root element' : 'text'} after the end of the root element <${rootName}>`, after + rest);
  }
  const rootAttrs = attrsOf(root);
  const rootScope = scopeOf(ROOT_SCOPE, rootAttrs, rootAt);
  const rootNs = nsOf(rootScope, rootName, rootAt);
  if (rootNs.uri !== FHIR_NS) {
    fail(
      `the root element <${rootName}> is ${rootNs.uri ? `in the namespace '${rootNs.uri}'` : 'in no namespace'}, not in the FHIR namespace '${FHIR_NS}' (add xmlns="${FHIR_NS}")`,
      rootAt,
    );
  }
  const value: Record<string, unknown> = { resourceType: rootNs.local };
  mark(value, 'resourceType', rootAt);
  extraAttrs(rootAttrs, rootScope, rootAt, EMPTY_SET, value, false);

  const stack: Frame[] = [
    { children: root[rootName] as FxNode[], i: 0, ctx: view.resourceCtx(rootNs.local), obj: value, ns: rootScope, accs: new Map(), at: rootAt, depth: 1 },
  ];

  const acc = (frame: Frame, key: string, prim: boolean, repeating: boolean): PrimAcc | NodeAcc => {
    let a = frame.accs.get(key);
    // the same name read both as a FHIR primitive and as something else (a foreign-namespace
    // element of that name): keep the second apart rather than lose it
    while (a && a.prim !== prim) {
      key = `${key} (2)`;
      a = frame.accs.get(key);
    }
    if (!a) {
      a = prim ? { prim: true, repeating, values: [], texts: [], exts: [], offsets: [] } : { prim: false, repeating, items: [], offsets: [] };
      frame.accs.set(key, a);
    }
    return a;
  };

  const push = (node: FxNode, name: string, ctx: Ctx, obj: Record<string, unknown>, ns: NsScope, at: number, depth: number): void => {
    const children = node[name] as FxNode[];
    if (children.length === 0) return;
    if (depth > maxDepth) fail(`nested too deeply (more than ${maxDepth} levels)`, at);
    stack.push({ children, i: 0, ctx, obj, ns, accs: new Map(), at, depth });
  };

  /** An element read without a model: a value-only leaf becomes its value, anything else an object. */
  const generic = (frame: Frame, node: FxNode, name: string, key: string, scope: NsScope, at: number): void => {
    const attrs = attrsOf(node);
    const children = node[name] as FxNode[];
    const a = acc(frame, key, false, false) as NodeAcc;
    a.offsets.push(at);
    const leaf = children.every((c) => tagOf(c) === '#text' && WS_ONLY.test(c['#text'] as string));
    if (leaf && attrs) {
      const names = Object.keys(attrs).filter((k) => k !== '@xmlns' && !k.startsWith('@xmlns:'));
      if (names.length === 1 && names[0] === '@value') {
        a.items.push(decode(attrs['@value']!, at, true));
        return;
      }
    }
    const obj: Record<string, unknown> = {};
    extraAttrs(attrs, scope, at, EMPTY_SET, obj, true);
    a.items.push(obj);
    if (!leaf) push(node, name, GENERIC, obj, scope, at, frame.depth + 2);
  };

  const narrative = (node: FxNode, qname: string, uri: string, prefixed: boolean, at: number): string => {
    let raw = text.slice(at, endOf(node));
    if (raw.includes('\r')) raw = raw.replace(/\r\n?/g, '\n');
    // references must be defined even though the text is kept as it is
    if (raw.includes('&')) {
      const re = /&([^;&\s<]*)(;?)/g;
      for (let m = re.exec(raw); m; m = re.exec(raw)) {
        if (!m[2]) fail(`not well-formed XML: '&' in the narrative that does not start an entity or character reference (write &amp;)`, at);
        entity(m[1]!, at);
      }
    }
    if (uri !== XHTML_NS) return raw; // wrong namespace: kept as written, the validator reports it
    const startTag = /^<[^\s/>]+/.exec(raw)![0];
    if (prefixed) {
      // written with a prefix (<h:div xmlns:h="…">): give it the default-namespace form FHIR JSON uses
      const prefix = qname.slice(0, qname.indexOf(':'));
      raw = raw.replace(new RegExp(`<(/?)${escapeRe(prefix)}:`, 'g'), '<$1');
      raw = raw.replace(new RegExp(`\\sxmlns:${escapeRe(prefix)}\\s*=\\s*("[^"]*"|'[^']*')`), '');
      if (!/^<div[^>]*\sxmlns\s*=/.test(raw)) raw = `<div xmlns="${XHTML_NS}"${raw.slice(4)}`;
      return raw;
    }
    // the namespace is inherited from an ancestor: declare it on the div, as FHIR JSON does
    const tagEnd = tagEndOf(raw);
    if (!/\sxmlns\s*=/.test(raw.slice(0, tagEnd))) raw = `${startTag} xmlns="${XHTML_NS}"${raw.slice(startTag.length)}`;
    return raw;
  };

  const finish = (frame: Frame): void => {
    const obj = frame.obj;
    for (let [key, a] of frame.accs) {
      // never overwrite what an attribute gave (e.g. url="…" and a <url> element)
      while (Object.hasOwn(obj, key)) key = `${key} (2)`;
      if (a.prim) {
        const n = a.values.length;
        const hasExt = a.exts.some(hasKeys);
        if (a.repeating || n > 1) {
          // a value array is needed when some value is there, or some element is empty (null shows it)
          const needValues = a.values.some((v, k) => v !== undefined || !hasKeys(a.exts[k]!));
          if (needValues) {
            const values = a.values.map((v) => (v === undefined ? null : v));
            setProp(obj, key, values);
            mark(obj, key, a.offsets[0]!);
            for (let k = 0; k < n; k++) {
              mark(values, k, a.offsets[k]!);
              markNumber(values, k, a.texts[k]);
            }
          }
          if (hasExt) {
            const exts = a.exts.map((e) => (hasKeys(e) ? e : null));
            setProp(obj, `_${key}`, exts);
            mark(obj, `_${key}`, a.offsets[0]!);
            for (let k = 0; k < n; k++) mark(exts, k, a.offsets[k]!);
          }
        } else {
          const v = a.values[0];
          const ext = a.exts[0]!;
          if (v !== undefined || !hasKeys(ext)) {
            setProp(obj, key, v === undefined ? null : v);
            mark(obj, key, a.offsets[0]!);
            markNumber(obj, key, a.texts[0]);
          }
          if (hasKeys(ext)) {
            setProp(obj, `_${key}`, ext);
            mark(obj, `_${key}`, a.offsets[0]!);
          }
        }
      } else if (a.repeating || a.items.length > 1) {
        setProp(obj, key, a.items);
        mark(obj, key, a.offsets[0]!);
        for (let k = 0; k < a.items.length; k++) mark(a.items, k, a.offsets[k]!);
      } else {
        setProp(obj, key, a.items[0]);
        mark(obj, key, a.offsets[0]!);
      }
    }
    if (frame.text !== undefined) {
      obj['#text'] = frame.text;
      mark(obj, '#text', frame.at);
    }
  };

  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.i >= frame.children.length) {
      finish(frame);
      stack.pop();
      continue;
    }
    const node = frame.children[frame.i++]!;
    const name = tagOf(node);
    if (name === '#text') {
      const raw = node['#text'] as string;
      if (!WS_ONLY.test(raw)) frame.text = (frame.text ?? '') + decode(raw, frame.at, false);
      continue;
    }
    if (name === '#cdata') {
      const parts = node['#cdata'] as FxNode[];
      frame.text = (frame.text ?? '') + parts.map((p) => String(p['#text'] ?? '')).join('');
      continue;
    }
    const at = startOf(node);
    const attrs = attrsOf(node);
    let scope = scopeOf(frame.ns, attrs, at);
    const { uri, local, prefixed } = nsOf(scope, name, at);
    const ctx = frame.ctx;

    let spec = UNKNOWN;
    if (uri === FHIR_NS || uri === XHTML_NS) spec = view.spec(ctx, local);
    if (uri !== FHIR_NS && spec.kind !== 'xhtml') {
      const note = `element <${name}> is ${uri ? `in the namespace '${uri}'` : 'in no namespace'}, not in the FHIR namespace`;
      // the name of a FHIR element here, written without a prefix: read as that element (so that it
      // is checked, and repeats as it should), the namespace noted
      const asFhir = !prefixed && ctx.kind !== 'generic' ? view.spec(ctx, local) : UNKNOWN;
      if (asFhir.kind !== 'unknown' && asFhir.kind !== 'xhtml') {
        pendingNotes.push({ message: note, at, container: frame.obj, key: local });
        spec = asFhir;
        // its children inherit the wrong default namespace: noted once, here
        if (scope.default === uri) scope = { ...scope, default: FHIR_NS };
      } else {
        // not a FHIR element: kept under the name as written, read without the model
        if (ctx.kind !== 'generic') pendingNotes.push({ message: note, at, container: frame.obj, key: name });
        generic(frame, node, name, name, scope, at);
        continue;
      }
    }

    if (spec.attribute) {
      pendingNotes.push({ message: `<${name}> is an attribute in FHIR XML (${local}="…"), not an element`, at, container: frame.obj, key: local });
    }

    switch (spec.kind) {
      case 'xhtml': {
        const a = acc(frame, local, false, spec.repeating) as NodeAcc;
        a.items.push(narrative(node, name, uri, prefixed, at));
        a.offsets.push(at);
        break;
      }
      case 'primitive': {
        const pctx = spec.ctx!;
        const a = acc(frame, local, true, spec.repeating) as PrimAcc;
        const ext: Record<string, unknown> = {};
        let v: unknown;
        let literal: string | undefined;
        if (attrs) {
          const raw = attrs['@value'];
          if (raw !== undefined) {
            const s = decode(raw, at, true);
            v = s;
            if (pctx.valueKind === 'boolean') {
              if (s === 'true') v = true;
              else if (s === 'false') v = false;
            } else if (pctx.valueKind === 'number' && NUMBER.test(s)) {
              v = Number(s);
              literal = s;
            }
          }
          const id = attrs['@id'];
          if (id !== undefined) {
            ext['id'] = decode(id, at, true);
            mark(ext, 'id', { at, attr: 'id' });
          }
          extraAttrs(attrs, scope, at, PRIMITIVE_ATTRS, ext, false);
        }
        a.values.push(v);
        a.texts.push(literal);
        a.exts.push(ext);
        a.offsets.push(at);
        push(node, name, pctx, ext, scope, at, frame.depth + (spec.repeating ? 2 : 1));
        break;
      }
      case 'complex': {
        const cctx = spec.ctx!;
        const a = acc(frame, local, false, spec.repeating) as NodeAcc;
        const obj: Record<string, unknown> = {};
        if (attrs) {
          for (const attr of cctx.attrNames) {
            const raw = attrs[`@${attr}`];
            if (raw === undefined) continue;
            obj[attr] = decode(raw, at, true);
            mark(obj, attr, { at, attr });
          }
          extraAttrs(attrs, scope, at, cctx.attrNames, obj, false);
        }
        a.items.push(obj);
        a.offsets.push(at);
        push(node, name, cctx, obj, scope, at, frame.depth + (spec.repeating ? 2 : 1));
        break;
      }
      case 'resource': {
        const a = acc(frame, local, false, spec.repeating) as NodeAcc;
        let inner: FxNode | undefined;
        let count = 0;
        for (const c of node[name] as FxNode[]) {
          const t = tagOf(c);
          if (t === '#text' && WS_ONLY.test(c['#text'] as string)) continue;
          if (t === '#text' || t === '#cdata') fail(`text is not allowed in <${name}>: it holds a resource element`, at);
          count++;
          inner ??= c;
        }
        if (!inner || count !== 1) {
          fail(`<${name}> must contain exactly one resource (an element named after its type, e.g. <Patient>), found ${count} elements`, at);
        }
        const innerName = tagOf(inner!);
        const innerAt = startOf(inner!);
        const innerAttrs = attrsOf(inner!);
        const innerScope = scopeOf(scope, innerAttrs, innerAt);
        const innerNs = nsOf(innerScope, innerName, innerAt);
        if (innerNs.uri !== FHIR_NS) {
          fail(`the resource element <${innerName}> in <${name}> is not in the FHIR namespace '${FHIR_NS}'`, innerAt);
        }
        const obj: Record<string, unknown> = { resourceType: innerNs.local };
        mark(obj, 'resourceType', innerAt);
        extraAttrs(attrs, scope, at, EMPTY_SET, obj, false);
        extraAttrs(innerAttrs, innerScope, innerAt, EMPTY_SET, obj, false);
        a.items.push(obj);
        a.offsets.push(at);
        push(inner!, innerName, view.resourceCtx(innerNs.local), obj, innerScope, innerAt, frame.depth + (spec.repeating ? 2 : 1));
        break;
      }
      default:
        generic(frame, node, name, local, scope, at);
    }
  }

  // the public interface
  // where each attribute of a start tag is: indexed once per element, on the first issue there
  // (a rescan of the tag per issue made 20,000 attributes on one element quadratic)
  const attrIndexes = new Map<number, Map<string, number>>();
  const attrPosition = (ref: AttrRef): number => {
    let index = attrIndexes.get(ref.at);
    if (!index) attrIndexes.set(ref.at, (index = indexAttrs(text, ref.at)));
    return index.get(ref.attr) ?? ref.at;
  };
  const resolveAt = (p: number | AttrRef): number => (typeof p === 'number' ? p : attrPosition(p));

  /** The start of the element (or attribute) for `path`, or of the nearest located ancestor. */
  const locate = (path: readonly PathStep[]): number => {
    let cur: unknown = value;
    let offset: number | AttrRef = rootAt;
    for (let step of path) {
      if (cur === null || typeof cur !== 'object') break;
      if (Array.isArray(cur) && typeof step === 'string' && /^[0-9]+$/.test(step)) step = Number(step);
      const p = positions.get(cur)?.get(step);
      if (p === undefined) break;
      offset = p;
      cur = (cur as Record<PathStep, unknown>)[step];
    }
    return resolveAt(offset);
  };

  const paths = pendingNotes.length ? pathsOf(value, new Set(pendingNotes.map((n) => n.container))) : new Map<object, PathStep[]>();
  const notes: XmlNote[] = pendingNotes.map((n) => {
    const note: XmlNote = { message: n.message, position: position(n.at) };
    const p = paths.get(n.container);
    if (p) note.path = [...p, n.key];
    return note;
  });

  return {
    file,
    format: 'xml',
    value,
    notes,
    locate(path) {
      return position(locate(path));
    },
    numberText(path) {
      const at = parentAt(value, path);
      if (!at) return undefined;
      const literal = numbers.get(at.parent)?.get(at.key);
      if (literal !== undefined) return literal;
      const v = (at.parent as Record<PathStep, unknown>)[at.key];
      return typeof v === 'number' ? String(v) : undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// helpers

function checkEncoding(file: string, text: string): void {
  const head = text.slice(0, 4);
  if (head.startsWith('\uFFFD\uFFFD') || head.startsWith('ÿþ') || head.startsWith('þÿ')) {
    throw new InputError(file, 'the file looks like UTF-16 (it starts with a UTF-16 byte order mark); FHIR XML must be UTF-8');
  }
  if (/^(?:\uFEFF)?(?:<\u0000|\u0000<)/.test(text)) {
    throw new InputError(file, 'the file looks like UTF-16 (NUL bytes between characters); FHIR XML must be UTF-8');
  }
  const decl = /^\uFEFF?<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(text);
  if (decl && !/^utf-?8$/i.test(decl[1]!) && text.includes('\uFFFD')) {
    throw new InputError(file, `the file declares encoding '${decl[1]}' and is not valid UTF-8; FHIR XML must be UTF-8`);
  }
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function hasKeys(o: Record<string, unknown> | undefined): boolean {
  if (!o) return false;
  for (const _ in o) return true;
  return false;
}

/** Set a property even when its name is `__proto__` (names come from the document). */
function setProp(obj: Record<string, unknown>, key: string, v: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
  else obj[key] = v;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}



/** End of the start tag beginning at 0 in `s` (index of its '>'), skipping quoted values. */
function tagEndOf(s: string): number {
  let quote = '';
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return k;
  }
  return s.length;
}

/** The text for the well-formedness check, and the way back from its offsets to the text's. */
interface Skeleton {
  text: string;
  original(offset: number): number;
}

/**
 * `text` with the content of every attribute value longer than `min` characters removed (the quotes
 * kept), for fast-xml-parser's validator; undefined when there is no such value. The tags are
 * found as that validator finds them (a quote opens a value anywhere after the tag name, the same
 * quote closes it; comments, CDATA sections and processing instructions skipped), and a value
 * holding '<' (an error the reader reports itself) is left as it is, so the check sees the same
 * structure and reports the same errors, at offsets mapped back with `original`.
 */
function skeletonOf(text: string, min: number): Skeleton | undefined {
  const n = text.length;
  const parts: string[] = [];
  /** skeleton offsets where content was removed, and how much was removed up to each */
  const cuts: number[] = [];
  const removedUpTo: number[] = [];
  let removed = 0;
  let copied = 0;
  const special = /[>"']/g;
  let k = 0;
  scan: for (;;) {
    const lt = text.indexOf('<', k);
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) break;
      k = end + 2;
      continue;
    }
    if (c === 0x21 /* ! */) {
      const close = text.startsWith('--', lt + 2) ? '-->' : text.startsWith('[CDATA[', lt + 2) ? ']]>' : undefined;
      if (close === undefined) { k = lt + 2; continue; }
      const end = text.indexOf(close, lt + 4);
      if (end < 0) break;
      k = end + close.length;
      continue;
    }
    // the tag name: up to '>' or white space
    let j = lt + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x3e || d === 0x20 || d === 0x09 || d === 0x0a || d === 0x0d) break;
      j++;
    }
    for (;;) {
      special.lastIndex = j;
      const m = special.exec(text);
      if (!m) break scan;
      const q = m.index;
      if (m[0] === '>') { k = q + 1; continue scan; }
      const end = text.indexOf(m[0], q + 1);
      if (end < 0) break scan;
      if (end - q - 1 > min && !text.slice(q + 1, end).includes('<')) {
        parts.push(text.slice(copied, q + 1));
        removed += end - q - 1;
        copied = end;
        cuts.push(end - removed);
        removedUpTo.push(removed);
      }
      j = end + 1;
    }
  }
  if (cuts.length === 0) return undefined;
  parts.push(text.slice(copied));
  return {
    text: parts.join(''),
    original(offset: number): number {
      // the last cut at or before the offset
      let lo = 0;
      let hi = cuts.length - 1;
      if (offset < cuts[0]!) return offset;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (cuts[mid]! <= offset) lo = mid; else hi = mid - 1;
      }
      return offset + removedUpTo[lo]!;
    },
  };
}

/**
 * Where each attribute of the start tag at `at` starts (name → offset of its name; the first when
 * a name is repeated). One pass over the tag: names, then quoted values skipped whole.
 */
function indexAttrs(text: string, at: number): Map<string, number> {
  const out = new Map<string, number>();
  const n = text.length;
  const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  let k = at + 1;
  // the element name
  while (k < n) {
    const c = text.charCodeAt(k);
    if (isSpace(c) || c === 0x3e /* > */ || c === 0x2f /* / */) break;
    k++;
  }
  for (;;) {
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (k >= n) return out;
    const c = text.charCodeAt(k);
    if (c === 0x3e || c === 0x2f || c === 0x3c /* < */) return out;
    const start = k;
    while (k < n) {
      const d = text.charCodeAt(k);
      if (isSpace(d) || d === 0x3d /* = */ || d === 0x3e || d === 0x2f) break;
      k++;
    }
    if (k === start) { k++; continue; }
    const name = text.slice(start, k);
    if (!out.has(name)) out.set(name, start);
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 0x3d) continue;
    k++;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    const q = text.charCodeAt(k);
    if (q === 0x22 || q === 0x27) {
      const close = text.indexOf(q === 0x22 ? '"' : "'", k + 1);
      if (close < 0) return out;
      k = close + 1;
    }
  }
}
