import type { Resolver } from '../defs/registry.js';
import { idToPath, type PathSegment } from './paths.js';
import { capitalize } from '../util/text.js';
import { fhirTypeCode } from '../fhir/types.js';

/** A mutable ElementDefinition (JSON as in a StructureDefinition snapshot). */
export type ED = fhir4.ElementDefinition & { [key: string]: unknown };
export type SD = fhir4.StructureDefinition;

const BACKBONE = new Set(['BackboneElement', 'Element']);

export class UnfoldError extends Error {}

const CORE = 'http://hl7.org/fhir/';
const CORE_VERSION = '4.0.1';

/** A base FHIR R4 resource or data type (not a profile from a package). */
export function isCoreDefinition(sd: SD): boolean {
  return sd.url.startsWith(CORE + 'StructureDefinition/') && sd.derivation !== 'constraint';
}

/**
 * Append the core version to the unversioned base canonicals of `elements` (binding value sets,
 * type profiles, target profiles), as late-2025 publishers do for what a snapshot takes over from
 * the base definitions. Other canonicals (terminology.hl7.org, packages) stay as they are.
 */
export function pinCoreCanonicals(elements: ED[]): ED[] {
  const pin = (u: string): string => (u.startsWith(CORE) && !u.includes('|') ? `${u}|${CORE_VERSION}` : u);
  for (const e of elements) {
    if (e.binding?.valueSet) e.binding.valueSet = pin(e.binding.valueSet);
    for (const t of e.type ?? []) {
      if (t.profile) t.profile = t.profile.map(pin);
      if (t.targetProfile) t.targetProfile = t.targetProfile.map(pin);
    }
  }
  return elements;
}

/**
 * The element list of a snapshot under construction, in snapshot order. Ids are kept unique and
 * the list is re-indexed after every insertion.
 */
export class ElementList {
  private index = new Map<string, number>();
  /** Each element as it was in the parent (or when it was first unfolded or created). */
  private readonly originals = new Map<string, ED>();

  constructor(
    readonly elements: ED[],
    private readonly resolver: Resolver,
    private readonly pinCore = false,
    private readonly slicesFromCurrent = false,
    /** An element whose type profile cannot be resolved unfolds from its base type (SnapshotRules.keepUnresolvedTypeProfiles). */
    private readonly baseTypeForUnknownProfile = false,
  ) {
    this.reindex();
    this.capture();
    this.inherited = new Set(elements.map((e) => e.id!));
  }

  /** The ids of the parent's elements (the list as it started). */
  private readonly inherited: ReadonlySet<string>;

  /** Remember the current state of elements not seen before (new unfoldings and slices). */
  capture(): void {
    for (const e of this.elements) if (!this.originals.has(e.id!)) this.originals.set(e.id!, structuredClone(e));
  }

  /** The element as the parent profile had it (or as it was when first unfolded or created). */
  original(id: string): ED | undefined {
    return this.originals.get(id);
  }

  /** Record what a new element (a slice) is a variation of, so the differential states its changes. */
  setOriginal(id: string, el: ED): void {
    this.originals.set(id, structuredClone(el));
  }

  get originalMap(): ReadonlyMap<string, ED> {
    return this.originals;
  }

  private reindex(): void {
    this.index.clear();
    this.elements.forEach((e, i) => this.index.set(e.id ?? e.path, i));
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  get(id: string): ED | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.elements[i];
  }

  root(): ED {
    return this.elements[0]!;
  }

  /** True when the element has (unfolded) children in the list. */
  hasChildren(i: number): boolean {
    const id = this.elements[i]!.id!;
    const next = this.elements[i + 1];
    return next !== undefined && next.id!.startsWith(id + '.');
  }

  /** Index after the element's subtree: its children, its slices and their children. */
  subtreeEnd(i: number): number {
    const id = this.elements[i]!.id!;
    let j = i + 1;
    while (j < this.elements.length) {
      const other = this.elements[j]!.id!;
      if (!(other.startsWith(id + '.') || other.startsWith(id + ':'))) break;
      j++;
    }
    return j;
  }

  /** Index after the element's own children (not its slices). */
  childrenEnd(i: number): number {
    const id = this.elements[i]!.id!;
    let j = i + 1;
    while (j < this.elements.length && this.elements[j]!.id!.startsWith(id + '.')) j++;
    return j;
  }

  /** Direct children ids of an element. */
  childIds(i: number): string[] {
    const id = this.elements[i]!.id!;
    const depth = id.split('.').length + 1;
    const out: string[] = [];
    for (let j = i + 1; j < this.childrenEnd(i); j++) {
      const other = this.elements[j]!.id!;
      if (other.split('.').length === depth && !other.slice(id.length + 1).includes(':')) out.push(other);
    }
    return out;
  }

  insert(at: number, items: ED[]): void {
    this.elements.splice(at, 0, ...items);
    this.reindex();
    this.capture();
  }

  /**
   * Make the children of element `i` explicit: from its contentReference, from the base element
   * (for slices of backbone elements) or from the snapshot of its (profiled) type.
   * Returns the StructureDefinition the children came from, when they came from a type.
   */
  unfold(i: number): void {
    if (this.hasChildren(i)) return;
    const el = this.elements[i]!;
    const id = el.id!;
    let source: ED[];
    let fromId: string;
    let fromPath: string;
    if (el.contentReference) {
      const ref = el.contentReference.replace(/^.*#/, '');
      const target = this.indexOf(ref);
      if (target === undefined) throw new UnfoldError(`${id}: contentReference ${el.contentReference} not found`);
      this.unfold(target);
      // the referenced element as the parent defines it, not as this profile constrains (or slices) it
      source = this.elements
        .slice(target + 1, this.childrenEnd(target))
        .filter((c) => this.inherited.has(c.id!) || !c.id!.slice(ref.length).includes(':'))
        .map((c) => this.originals.get(c.id!) ?? c);
      fromId = ref;
      fromPath = this.elements[target]!.path;
    } else if (el.sliceName !== undefined && (!el.type || el.type.every((t) => BACKBONE.has(t.code)) || this.slicedHasChildren(el))) {
      const baseId = id.slice(0, id.lastIndexOf(':'));
      const base = this.indexOf(baseId);
      if (base === undefined) throw new UnfoldError(`${id}: sliced element ${baseId} not found`);
      this.unfold(base);
      const current = this.elements.slice(base + 1, this.childrenEnd(base));
      source = this.slicesFromCurrent ? current : current.map((c) => this.originals.get(c.id!) ?? c);
      fromId = baseId;
      fromPath = this.elements[base]!.path;
    } else {
      const sd = this.typeDefinition(el);
      const els = (sd.snapshot?.element ?? []) as ED[];
      if (els.length === 0) throw new UnfoldError(`${id}: type ${sd.url} has no snapshot`);
      source = this.pinCore && isCoreDefinition(sd) ? pinCoreCanonicals(structuredClone(els.slice(1))) : els.slice(1);
      fromId = els[0]!.id!;
      fromPath = els[0]!.path;
    }
    const copies = source.map((s) => {
      const c = structuredClone(s);
      c.id = id + c.id!.slice(fromId.length);
      c.path = el.path + c.path.slice(fromPath.length);
      return c;
    });
    this.insert(i + 1, copies);
  }

  /**
   * Under `sliceFromProfileElement`, a slice whose sliced element already has unfolded children
   * (of the same type) takes them over, as the slice is a copy of this profile's element.
   */
  private slicedHasChildren(el: ED): boolean {
    if (!this.slicesFromCurrent) return false;
    const baseId = el.id!.slice(0, el.id!.lastIndexOf(':'));
    const base = this.indexOf(baseId);
    if (base === undefined || !this.hasChildren(base)) return false;
    const codes = (x: ED): string => JSON.stringify((x.type ?? []).map((t) => [t.code, t.profile ?? []]));
    return codes(this.elements[base]!) === codes(el);
  }

  /** Drop the element's unfolded children (not its slices) and unfold them again from its type. */
  refold(i: number): void {
    const end = this.childrenEnd(i);
    if (end === i + 1) return;
    const removed = this.elements.splice(i + 1, end - i - 1);
    for (const r of removed) this.originals.delete(r.id!);
    this.reindex();
    this.unfold(i);
  }

  /** The StructureDefinition whose snapshot gives an element's children. */
  typeDefinition(el: ED): SD {
    const types = el.type ?? [];
    const codes = new Set(types.map(fhirTypeCode));
    if (codes.size !== 1) {
      throw new UnfoldError(
        `${el.id}: cannot unfold an element with ${codes.size === 0 ? 'no type' : 'several types (' + [...codes].join(', ') + ')'}`,
      );
    }
    const t = types[0]!;
    const code = fhirTypeCode(t);
    const profiles = code === 'Reference' || code === 'canonical' ? [] : (t.profile ?? []);
    if (profiles.length > 1) throw new UnfoldError(`${el.id}: cannot unfold an element with several type profiles`);
    const url = profiles[0] ?? code;
    const hit =
      this.resolver.resolve(url, 'StructureDefinition') ??
      (this.baseTypeForUnknownProfile && url !== code ? this.resolver.resolve(code, 'StructureDefinition') : undefined);
    if (!hit) throw new UnfoldError(`${el.id}: type ${url} cannot be resolved`);
    return hit.resource as unknown as SD;
  }

  /**
   * For a name like `onsetDateTime` under `parentId`, find the choice element (`onset[x]`) and the
   * type code it names.
   */
  findChoice(parentIndex: number, name: string): { index: number; typeCode: string } | undefined {
    for (const cid of this.childIds(parentIndex)) {
      if (!cid.endsWith('[x]')) continue;
      const prefix = cid.slice(cid.lastIndexOf('.') + 1, -3);
      if (!name.startsWith(prefix) || name.length === prefix.length) continue;
      const rest = name.slice(prefix.length);
      const ci = this.indexOf(cid)!;
      const ch = this.elements[ci]!;
      const code = (ch.type ?? []).map(fhirTypeCode).find((c) => capitalize(c) === rest);
      if (code) return { index: ci, typeCode: code };
    }
    return undefined;
  }

  /** Resolve one segment below element `i`; returns the index or a reason it failed. */
  child(
    i: number,
    seg: PathSegment,
  ): { index: number } | { choice: { index: number; typeCode: string; name: string } } | { error: string; kind: 'path' | 'slice' } {
    const el = this.elements[i]!;
    let childId = `${el.id}.${seg.name}`;
    if (this.indexOf(childId) === undefined && !this.hasChildren(i)) this.unfold(i);
    if (this.indexOf(childId) === undefined) {
      const choice = this.findChoice(i, seg.name);
      if (!choice) return { error: `${idToPath(el.id!)} has no element '${seg.name}'`, kind: 'path' };
      const ch = this.elements[choice.index]!;
      const sliceId = `${ch.id}:${seg.name}`;
      if (this.indexOf(sliceId) !== undefined) {
        // an existing type slice (an extension's `value[x]:valueCoding`) is the element meant
        childId = sliceId;
      } else if ((ch.type ?? []).length === 1) {
        childId = ch.id!;
      } else {
        return { choice: { ...choice, name: seg.name } };
      }
    }
    for (const s of seg.slices) {
      const sid = `${childId}:${s}`;
      if (this.indexOf(sid) === undefined) return { error: `${childId} has no slice '${s}'`, kind: 'slice' };
      childId = sid;
    }
    return { index: this.indexOf(childId)! };
  }
}
