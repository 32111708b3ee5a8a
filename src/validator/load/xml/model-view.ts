import type { FhirModel } from '../../model.js';

/**
 * The base R4 model as the XML reader needs it (cached per model and per element): which elements
 * repeat, which are primitives and of what JSON type, which hold a resource or the XHTML narrative,
 * which FHIR XML writes as attributes.
 */

export type ValueKind = 'string' | 'number' | 'boolean';

export interface Ctx {
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

export interface Spec {
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

export const EMPTY_SET: ReadonlySet<string> = new Set();
export const PRIMITIVE_ATTRS: ReadonlySet<string> = new Set(['id', 'value']);
export const UNKNOWN: Spec = { kind: 'unknown', repeating: false };
const ATTRIBUTE_AS_ELEMENT: Spec = { kind: 'unknown', repeating: false, attribute: true };
export const GENERIC: Ctx = { type: '', rel: '', kind: 'generic', attrNames: EMPTY_SET, children: new Map() };
const NUMBER_TYPES = new Set(['integer', 'positiveInt', 'unsignedInt', 'decimal', 'integer64']);

export class ModelView {
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
        return {
          kind: 'complex',
          repeating,
          ctx: this.ctx(info.contentReference.slice(0, dot), info.contentReference.slice(dot + 1), 'complex'),
        };
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
export function viewOf(model: FhirModel): ModelView {
  let v = views.get(model);
  if (!v) views.set(model, (v = new ModelView(model)));
  return v;
}
