import type { PathStep } from '../source.js';
import { decode } from './decode.js';
import { member, setProp, writeMembers, type Members } from './members.js';
import { EMPTY_SET, GENERIC, PRIMITIVE_ATTRS, UNKNOWN, type Ctx, type ModelView } from './model-view.js';
import { narrativeText } from './narrative.js';
import { FHIR_NS, nsOf, ROOT_SCOPE, scopeOf, XHTML_NS, XSI_NS, type NsScope } from './namespaces.js';
import { PositionIndex, type XmlText } from './positions.js';
import { attrsOf, endOf, startOf, tagOf, WS_ONLY, type FxNode } from './syntax.js';
import { valueText } from '../../../util/text.js';

/**
 * FHIR XML → FHIR JSON (R4, http://hl7.org/fhir/xml.html), from fast-xml-parser's ordered tree,
 * with the base model: primitives (value attribute → JSON value, id and extensions → `_name`),
 * elements written as attributes (`id`, Extension `url`), resources inside elements, the XHTML
 * narrative, arrays by definition. Iterative (an explicit stack), so deep nesting cannot overflow.
 * Unknown elements and attributes are kept (unknown elements under their name, unknown attributes
 * as `@name`, text inside FHIR elements as `#text`) so the validator reports them.
 */

/** Something noted while converting, located once the whole value is built. */
export interface PendingNote {
  message: string;
  at: number;
  container: object;
  key: PathStep;
}

export interface Converted {
  value: Record<string, unknown>;
  /** where the root element starts */
  rootAt: number;
  positions: PositionIndex;
  notes: PendingNote[];
}

/** One element being read: its children, where the next one is, and the object they go into. */
interface Frame {
  children: FxNode[];
  i: number;
  ctx: Ctx;
  obj: Record<string, unknown>;
  ns: NsScope;
  members: Members;
  /** where the element starts */
  at: number;
  depth: number;
  text?: string;
}

/** The state of one conversion. */
interface Conversion {
  src: XmlText;
  view: ModelView;
  maxDepth: number;
  positions: PositionIndex;
  stack: Frame[];
  notes: PendingNote[];
}

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** Convert the tree under `root` (a resource element in the FHIR namespace, else the read fails). */
export function convert(src: XmlText, view: ModelView, root: FxNode, maxDepth: number): Converted {
  const cv: Conversion = { src, view, maxDepth, positions: new PositionIndex(src.text), stack: [], notes: [] };
  const rootName = tagOf(root);
  const rootAt = startOf(root);
  const rootAttrs = attrsOf(root);
  const rootScope = scopeOf(src, ROOT_SCOPE, rootAttrs, rootAt);
  const rootNs = nsOf(src, rootScope, rootName, rootAt);
  if (rootNs.uri !== FHIR_NS) {
    const where = rootNs.uri ? `in the namespace '${rootNs.uri}'` : 'in no namespace';
    src.fail(`the root element <${rootName}> is ${where}, not in the FHIR namespace '${FHIR_NS}' (add xmlns="${FHIR_NS}")`, rootAt);
  }
  const value: Record<string, unknown> = { resourceType: rootNs.local };
  cv.positions.mark(value, 'resourceType', rootAt);
  extraAttrs(cv, rootAttrs, rootScope, rootAt, EMPTY_SET, value, false);

  const stack = cv.stack;
  stack.push({
    children: root[rootName] as FxNode[],
    i: 0,
    ctx: view.resourceCtx(rootNs.local),
    obj: value,
    ns: rootScope,
    members: new Map(),
    at: rootAt,
    depth: 1,
  });
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.i >= frame.children.length) {
      finish(cv, frame);
      stack.pop();
      continue;
    }
    readChild(cv, frame, frame.children[frame.i++]!);
  }
  return { value, rootAt, positions: cv.positions, notes: cv.notes };
}

/** Read one child node of the element `frame` is reading. */
function readChild(cv: Conversion, frame: Frame, node: FxNode): void {
  const { src, view } = cv;
  const name = tagOf(node);
  if (name === '#text') {
    const raw = node['#text'] as string;
    if (!WS_ONLY.test(raw)) frame.text = (frame.text ?? '') + decode(src, raw, frame.at, false);
    return;
  }
  if (name === '#cdata') {
    const parts = node['#cdata'] as FxNode[];
    frame.text = (frame.text ?? '') + parts.map((p) => valueText(p['#text'] ?? '')).join('');
    return;
  }
  const at = startOf(node);
  const attrs = attrsOf(node);
  let scope = scopeOf(src, frame.ns, attrs, at);
  const { uri, local, prefixed } = nsOf(src, scope, name, at);
  const ctx = frame.ctx;

  let spec = UNKNOWN;
  if (uri === FHIR_NS || uri === XHTML_NS) spec = view.spec(ctx, local);
  if (uri !== FHIR_NS && spec.kind !== 'xhtml') {
    const note = `element <${name}> is ${uri ? `in the namespace '${uri}'` : 'in no namespace'}, not in the FHIR namespace`;
    // the name of a FHIR element here, written without a prefix: read as that element (so that it
    // is checked, and repeats as it should), the namespace noted
    const asFhir = !prefixed && ctx.kind !== 'generic' ? view.spec(ctx, local) : UNKNOWN;
    if (asFhir.kind !== 'unknown' && asFhir.kind !== 'xhtml') {
      cv.notes.push({ message: note, at, container: frame.obj, key: local });
      spec = asFhir;
      // its children inherit the wrong default namespace: noted once, here
      if (scope.default === uri) scope = { ...scope, default: FHIR_NS };
    } else {
      // not a FHIR element: kept under the name as written, read without the model
      if (ctx.kind !== 'generic') cv.notes.push({ message: note, at, container: frame.obj, key: name });
      readGeneric(cv, frame, node, name, name, scope, at);
      return;
    }
  }

  if (spec.attribute) {
    cv.notes.push({
      message: `<${name}> is an attribute in FHIR XML (${local}="…"), not an element`,
      at,
      container: frame.obj,
      key: local,
    });
  }

  const depth = frame.depth + (spec.repeating ? 2 : 1);
  switch (spec.kind) {
    case 'xhtml': {
      const a = member(frame.members, local, false, spec.repeating);
      a.items.push(narrativeText(src, at, endOf(node, src.text), name, uri, prefixed));
      a.offsets.push(at);
      break;
    }
    case 'primitive':
      readPrimitive(cv, frame, node, name, local, spec.ctx!, spec.repeating, scope, at, depth);
      break;
    case 'complex': {
      const cctx = spec.ctx!;
      const a = member(frame.members, local, false, spec.repeating);
      const obj: Record<string, unknown> = {};
      if (attrs) {
        for (const attr of cctx.attrNames) {
          const raw = attrs[`@${attr}`];
          if (raw === undefined) continue;
          obj[attr] = decode(src, raw, at, true);
          cv.positions.mark(obj, attr, { at, attr });
        }
        extraAttrs(cv, attrs, scope, at, cctx.attrNames, obj, false);
      }
      a.items.push(obj);
      a.offsets.push(at);
      push(cv, node, name, cctx, obj, scope, at, depth);
      break;
    }
    case 'resource':
      readResource(cv, frame, node, name, local, spec.repeating, scope, at, depth);
      break;
    default:
      readGeneric(cv, frame, node, name, local, scope, at);
  }
}

/** A primitive: `value` → the JSON value (typed by the model), `id`, other attributes and children → `_name`. */
function readPrimitive(
  cv: Conversion,
  frame: Frame,
  node: FxNode,
  name: string,
  local: string,
  pctx: Ctx,
  repeating: boolean,
  scope: NsScope,
  at: number,
  depth: number,
): void {
  const a = member(frame.members, local, true, repeating);
  const attrs = attrsOf(node);
  const ext: Record<string, unknown> = {};
  let v: unknown;
  let literal: string | undefined;
  if (attrs) {
    const raw = attrs['@value'];
    if (raw !== undefined) {
      const s = decode(cv.src, raw, at, true);
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
      ext['id'] = decode(cv.src, id, at, true);
      cv.positions.mark(ext, 'id', { at, attr: 'id' });
    }
    extraAttrs(cv, attrs, scope, at, PRIMITIVE_ATTRS, ext, false);
  }
  a.values.push(v);
  a.texts.push(literal);
  a.exts.push(ext);
  a.offsets.push(at);
  push(cv, node, name, pctx, ext, scope, at, depth);
}

/** An element holding a resource (`<resource><Patient>…`): exactly one element, in the FHIR namespace. */
function readResource(
  cv: Conversion,
  frame: Frame,
  node: FxNode,
  name: string,
  local: string,
  repeating: boolean,
  scope: NsScope,
  at: number,
  depth: number,
): void {
  const { src } = cv;
  const a = member(frame.members, local, false, repeating);
  let inner: FxNode | undefined;
  let count = 0;
  for (const c of node[name] as FxNode[]) {
    const t = tagOf(c);
    if (t === '#text' && WS_ONLY.test(c['#text'] as string)) continue;
    if (t === '#text' || t === '#cdata') src.fail(`text is not allowed in <${name}>: it holds a resource element`, at);
    count++;
    inner ??= c;
  }
  if (!inner || count !== 1) {
    return src.fail(
      `<${name}> must contain exactly one resource (an element named after its type, e.g. <Patient>), found ${count} elements`,
      at,
    );
  }
  const innerName = tagOf(inner);
  const innerAt = startOf(inner);
  const innerAttrs = attrsOf(inner);
  const innerScope = scopeOf(src, scope, innerAttrs, innerAt);
  const innerNs = nsOf(src, innerScope, innerName, innerAt);
  if (innerNs.uri !== FHIR_NS) {
    src.fail(`the resource element <${innerName}> in <${name}> is not in the FHIR namespace '${FHIR_NS}'`, innerAt);
  }
  const obj: Record<string, unknown> = { resourceType: innerNs.local };
  cv.positions.mark(obj, 'resourceType', innerAt);
  extraAttrs(cv, attrsOf(node), scope, at, EMPTY_SET, obj, false);
  extraAttrs(cv, innerAttrs, innerScope, innerAt, EMPTY_SET, obj, false);
  a.items.push(obj);
  a.offsets.push(at);
  push(cv, inner, innerName, cv.view.resourceCtx(innerNs.local), obj, innerScope, innerAt, depth);
}

/** An element read without a model: a value-only leaf becomes its value, anything else an object. */
function readGeneric(cv: Conversion, frame: Frame, node: FxNode, name: string, key: string, scope: NsScope, at: number): void {
  const attrs = attrsOf(node);
  const children = node[name] as FxNode[];
  const a = member(frame.members, key, false, false);
  a.offsets.push(at);
  const leaf = children.every((c) => tagOf(c) === '#text' && WS_ONLY.test(c['#text'] as string));
  if (leaf && attrs) {
    const names = Object.keys(attrs).filter((k) => k !== '@xmlns' && !k.startsWith('@xmlns:'));
    if (names.length === 1 && names[0] === '@value') {
      a.items.push(decode(cv.src, attrs['@value']!, at, true));
      return;
    }
  }
  const obj: Record<string, unknown> = {};
  extraAttrs(cv, attrs, scope, at, EMPTY_SET, obj, true);
  a.items.push(obj);
  if (!leaf) push(cv, node, name, GENERIC, obj, scope, at, frame.depth + 2);
}

/** Read the children of `node` next (into `obj`), unless it has none. */
function push(
  cv: Conversion,
  node: FxNode,
  name: string,
  ctx: Ctx,
  obj: Record<string, unknown>,
  ns: NsScope,
  at: number,
  depth: number,
): void {
  const children = node[name] as FxNode[];
  if (children.length === 0) return;
  if (depth > cv.maxDepth) cv.src.fail(`nested too deeply (more than ${cv.maxDepth} levels)`, at);
  cv.stack.push({ children, i: 0, ctx, obj, ns, members: new Map(), at, depth });
}

/** The element's children are all read: write its members (and text) into its object. */
function finish(cv: Conversion, frame: Frame): void {
  writeMembers(frame.obj, frame.members, cv.positions);
  if (frame.text !== undefined) {
    frame.obj['#text'] = frame.text;
    cv.positions.mark(frame.obj, '#text', frame.at);
  }
}

/** Attributes other than the FHIR ones: namespace declarations and xsi:* are skipped, others kept as `@name` (`name` when `plain`). */
function extraAttrs(
  cv: Conversion,
  attrs: Record<string, string> | undefined,
  scope: NsScope,
  at: number,
  known: ReadonlySet<string>,
  target: Record<string, unknown>,
  plain: boolean,
): void {
  if (!attrs) return;
  for (const a in attrs) {
    const name = a.slice(1);
    if (known.has(name) || name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const colon = name.indexOf(':');
    if (colon > 0) {
      const uri = nsOf(cv.src, scope, name, at).uri;
      if (uri === XSI_NS) continue;
    }
    const key = plain ? name : `@${name}`;
    setProp(target, key, decode(cv.src, attrs[a]!, at, true));
    cv.positions.mark(target, key, { at, attr: name });
  }
}
