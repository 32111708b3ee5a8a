/**
 * A StructureDefinition checked as a StructureDefinition, as the HL7 validator checks one: its `type` is a
 * FHIR type or a namespaced (absolute) url, a specialization defines a type other than its base's, every
 * element path starts with the structure's type, a constraint's differential names elements its base has,
 * and a type profile is a profile of that type.
 */
import { child, type IssueSink, type Json, type Where } from '../../context.js';
import type { FhirModel } from '../../model.js';
import { isObject } from '../../../util/json.js';

export interface StructureDeps {
  /** A StructureDefinition by canonical (a loaded definition or base R4), or undefined. */
  structure: (canonical: string) => Json | undefined;
  model: FhirModel;
}

const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isAbsolute = (url: string): boolean => /^[a-z][a-z0-9+.-]*:\S+$/i.test(url);

/** The name a structure's element paths start with: a FHIR type's name, or the last segment of a url type. */
function typeName(type: string): string {
  return isAbsolute(type) ? type.slice(type.replace(/\/+$/, '').lastIndexOf('/') + 1).replace(/\/+$/, '') : type;
}

export function checkStructureDefinition(sd: Json, where: Where, sink: IssueSink, deps: StructureDeps): void {
  const type = str(sd['type']);
  if (type === undefined) return;
  const isFhirType = deps.model.structure(type) !== undefined;
  if (!isFhirType && !isAbsolute(type)) {
    sink.report('conformance/sd-type-namespace', child(where, 'type'), { type });
  }
  const baseUrl = str(sd['baseDefinition']);
  const base = baseUrl ? deps.structure(baseUrl) : undefined;
  if (str(sd['derivation']) === 'specialization' && base && str(base['type']) === type) {
    sink.report('conformance/sd-specialization-type', where, { type, base: baseUrl! });
  }
  const name = typeName(type);
  const baseElements = new Map<string, Json>();
  if (base && str(sd['derivation']) === 'constraint') {
    const snap = base['snapshot'];
    for (const e of isObject(snap) ? objects(snap['element']) : []) {
      const id = str(e['id']) ?? str(e['path']);
      if (id !== undefined) baseElements.set(id, e);
    }
  }
  for (const part of ['snapshot', 'differential'] as const) {
    const holder = sd[part];
    if (!isObject(holder) || !Array.isArray(holder['element'])) continue;
    const pw = child(where, part);
    (holder['element'] as unknown[]).forEach((e, i) => {
      if (!isObject(e)) return;
      const path = str(e['path']);
      const ew = child(pw, 'element', i);
      if (path !== undefined && path !== name && !path.startsWith(`${name}.`)) {
        sink.report('conformance/sd-path-type', ew, { path, type: name });
        return;
      }
      if (part !== 'differential') return;
      if (path !== undefined && isFhirType && str(sd['derivation']) === 'constraint' && !elementExists(path, type, deps.model)) {
        sink.report('conformance/sd-path-unknown', ew, { path, base: baseUrl ?? type });
        return;
      }
      if (path !== undefined && isFhirType && str(sd['derivation']) === 'constraint') checkDiscriminators(e, path, type, ew, sink, deps);
      checkTypeProfiles(e, ew, sink, deps);
      checkFixedKept(e, baseElements, ew, sink);
    });
  }
}

/** A discriminator path of plain element names (no function, no `$this`): what it names must be an element of the sliced element. */
const PLAIN_PATH = /^[A-Za-z][A-Za-z0-9]*(\[x\])?(\.[A-Za-z][A-Za-z0-9]*(\[x\])?)*$/;

/** The discriminator paths of an element's slicing name elements of the sliced element (through its type). */
function checkDiscriminators(e: Json, path: string, type: string, ew: Where, sink: IssueSink, deps: StructureDeps): void {
  const slicing = e['slicing'];
  if (!isObject(slicing)) return;
  // the element's own type, when the differential narrows it to one (an extension slice's Extension)
  const own = objects(e['type'])
    .map((t) => str(t['code']))
    .filter((c): c is string => c !== undefined);
  objects(slicing['discriminator']).forEach((d, di) => {
    const dpath = str(d['path']);
    if (dpath === undefined || !PLAIN_PATH.test(dpath)) return;
    const ok =
      own.length === 1 && deps.model.structure(own[0]!)
        ? elementExists(`${own[0]!}.${dpath}`, own[0]!, deps.model)
        : elementExists(`${path}.${dpath}`, type, deps.model);
    if (!ok) {
      sink.report('conformance/sd-discriminator-path', child(child(child(ew, 'slicing'), 'discriminator', di), 'path'), {
        path: dpath,
        element: path,
      });
    }
  });
}

/** A fixed value the base sets stays: a differential element may not fix it to another value. */
function checkFixedKept(e: Json, baseElements: ReadonlyMap<string, Json>, ew: Where, sink: IssueSink): void {
  const key = Object.keys(e).find((k) => k.startsWith('fixed'));
  if (key === undefined) return;
  const id = str(e['id']) ?? str(e['path']);
  const inBase = id === undefined ? undefined : baseElements.get(id);
  if (!inBase || !(key in inBase)) return;
  if (JSON.stringify(inBase[key]) !== JSON.stringify(e[key])) {
    sink.report('conformance/sd-fixed-changed', child(ew, key), { element: id!, fixed: JSON.stringify(inBase[key]).slice(0, 200) });
  }
}

/** The profiles of an element's types are profiles of those types. */
function checkTypeProfiles(e: Json, ew: Where, sink: IssueSink, deps: StructureDeps): void {
  objects(e['type']).forEach((t, ti) => {
    const code = str(t['code']);
    if (code === undefined) return;
    const profiles = Array.isArray(t['profile']) ? (t['profile'] as unknown[]) : [];
    profiles.forEach((p, pi) => {
      if (typeof p !== 'string') return;
      const profile = deps.structure(p);
      if (!profile) return; // not available: not decided here
      const ptype = str(profile['type']);
      if (ptype === undefined || ptype === code || str(profile['url']) === code) return;
      // a resource profile on an element of type Resource (Bundle.entry.resource, contained)
      if ((code === 'Resource' || code === 'DomainResource') && str(profile['kind']) === 'resource') return;
      sink.report('conformance/sd-type-profile', child(child(ew, 'type', ti), 'profile', pi), {
        profile: p,
        profileType: ptype,
        type: code,
      });
    });
  });
}

/**
 * Whether `path` (of a constraint on FHIR type `type`) names an element: through the type's elements,
 * a choice element by its type (`valueQuantity`), into the data type of an element without children of
 * its own, and through a contentReference. Unknown types decide nothing (true).
 */
export function elementExists(path: string, type: string, model: FhirModel): boolean {
  const segments = path.split('.');
  if (segments[0] !== type || path.includes(':')) return true;
  let t = type;
  let rel = '';
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i]!;
    const els = model.elements(t);
    if (els.size === 0) return true; // a type we cannot see into
    const prefix = rel ? `${rel}.` : '';
    // `value` for `value[x]` (as a discriminator path names it)
    let found = seg.endsWith('[x]') ? els.get(prefix + seg) : (model.child(t, rel, seg)?.info ?? els.get(`${prefix}${seg}[x]`));
    let chosen: string | undefined;
    if (!seg.endsWith('[x]') && found?.choice && !els.has(`${prefix}${seg}[x]`)) {
      const hit = model.child(t, rel, seg);
      chosen = hit?.type;
      found = hit?.info;
    }
    if (!found) return false;
    const here = found.path.slice(found.path.indexOf('.') + 1);
    if (found.contentReference) {
      // `#Questionnaire.item`: the referenced element's children, in the same structure
      const ref = found.contentReference;
      rel = ref.slice(ref.indexOf('.') + 1);
      continue;
    }
    const hasChildren = [...els.keys()].some((k) => k.startsWith(`${here}.`));
    if (hasChildren) {
      rel = here;
      continue;
    }
    if (i === segments.length - 1) return true;
    const next = chosen ?? (found.types.length === 1 ? found.types[0] : undefined);
    if (next === undefined) return true; // a choice not narrowed: what follows is not decided here
    t = next;
    rel = '';
  }
  return true;
}
