import type { Resolver } from '../defs/registry.js';
import { fhirTypeCode } from '../fhir/types.js';
import { capitalize } from '../util/text.js';

type SD = fhir4.StructureDefinition;

export interface ElementInfo {
  /** Element path in its defining structure, e.g. `Patient.name` or `HumanName.given`. */
  path: string;
  /** The element's name as it appears in instances, without `[x]` (`value` for `value[x]`). */
  name: string;
  min: number;
  max: string;
  /** FHIR type codes (`string`, `HumanName`, `BackboneElement`, `Resource` …). */
  types: string[];
  choice: boolean;
  /** `#Questionnaire.item`-style reuse of another element's definition. */
  contentReference?: string;
}

/**
 * The base FHIR R4 model, read from the base StructureDefinitions: which elements a type has,
 * their cardinality and types. Used to read XML (which elements repeat, which are primitives)
 * and to walk instances. Lookups are cached per type.
 */
export class FhirModel {
  private readonly byType = new Map<string, Map<string, ElementInfo>>();
  /** The base definitions found so far (asked for at nearly every element: a resolve walks every package). */
  private readonly structures = new Map<string, SD>();

  constructor(private readonly resolver: Resolver) {}

  structure(type: string): SD | undefined {
    const known = this.structures.get(type);
    if (known) return known;
    const sd = this.resolver.resolve(`http://hl7.org/fhir/StructureDefinition/${type}`, 'StructureDefinition')?.resource as unknown as
      SD | undefined;
    if (sd) this.structures.set(type, sd);
    return sd;
  }

  isPrimitive(type: string): boolean {
    return /^[a-z]/.test(type);
  }

  isResourceType(type: string): boolean {
    return this.structure(type)?.kind === 'resource';
  }

  /** Elements of a type keyed by their path below the type (`name`, `contact.name`, `value[x]`). */
  elements(type: string): Map<string, ElementInfo> {
    let map = this.byType.get(type);
    if (map) return map;
    map = new Map();
    const sd = this.structure(type);
    for (const el of sd?.snapshot?.element ?? []) {
      const dot = el.path.indexOf('.');
      if (dot < 0 || el.sliceName !== undefined || el.id?.includes(':')) continue;
      const rel = el.path.slice(dot + 1);
      const last = rel.slice(rel.lastIndexOf('.') + 1);
      const info: ElementInfo = {
        path: el.path,
        name: last.endsWith('[x]') ? last.slice(0, -3) : last,
        min: el.min ?? 0,
        max: el.max ?? '*',
        types: (el.type ?? []).map(fhirTypeCode),
        choice: last.endsWith('[x]'),
      };
      if (el.contentReference) info.contentReference = el.contentReference.replace(/^.*#/, '');
      map.set(rel, info);
    }
    this.byType.set(type, map);
    return map;
  }

  /**
   * The element an instance property names below `parentRel` (a path below `type`, '' for the
   * root): resolves choice names (`valueQuantity` → `value[x]` with type Quantity).
   */
  child(type: string, parentRel: string, name: string): { info: ElementInfo; type?: string } | undefined {
    const els = this.elements(type);
    const prefix = parentRel ? `${parentRel}.` : '';
    const direct = els.get(prefix + name);
    if (direct && !direct.choice) return { info: direct };
    for (const info of els.values()) {
      if (!info.choice || !info.path.endsWith('[x]')) continue;
      const rel = info.path.slice(info.path.indexOf('.') + 1);
      if (!rel.startsWith(prefix) || rel.slice(prefix.length).includes('.')) continue;
      if (!name.startsWith(info.name)) continue;
      const suffix = name.slice(info.name.length);
      const t = info.types.find((c) => capitalize(c) === suffix);
      if (t) return { info, type: t };
    }
    return undefined;
  }
}
