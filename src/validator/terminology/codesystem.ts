/**
 * An index over one CodeSystem resource: its concepts by code (case-folded when the code system
 * is case-insensitive), their properties, and the subsumption hierarchy (nested concepts plus the
 * `parent` / `child` / `subsumedBy` properties). Filters of ValueSet.compose are evaluated here.
 */

type CodeSystem = fhir4.CodeSystem;
type Concept = fhir4.CodeSystemConcept;
type Filter = fhir4.ValueSetComposeIncludeFilter;

export interface ConceptInfo {
  code: string;
  display?: string;
  /** Property values by property code, as strings (codes, strings, booleans, numbers, Coding.code). */
  props: Map<string, string[]>;
  parents: Set<string>;
  children: Set<string>;
  inactive: boolean;
}

/** The answer of a filter: the matching keys, or why the filter cannot be decided. */
export type FilterResult = { keys: Set<string> } | { unknown: string };

/** Properties every code system has implicitly (hierarchy) or that name the code itself. */
const CODE_PROPERTIES = new Set(['concept', 'code']);
const HIERARCHY_PARENT = new Set(['parent', 'subsumedBy']);

export function foldCase(code: string): string {
  return code.toLowerCase();
}

function propertyValue(p: fhir4.CodeSystemConceptProperty): string | undefined {
  if (p.valueCode !== undefined) return p.valueCode;
  if (p.valueString !== undefined) return p.valueString;
  if (p.valueBoolean !== undefined) return String(p.valueBoolean);
  if (p.valueInteger !== undefined) return String(p.valueInteger);
  if (p.valueDecimal !== undefined) return String(p.valueDecimal);
  if (p.valueDateTime !== undefined) return p.valueDateTime;
  if (p.valueCoding !== undefined) return p.valueCoding.code;
  return undefined;
}

export class CodeSystemIndex {
  readonly url: string;
  readonly version: string | undefined;
  /** `complete`, `fragment`, `example`, `not-present`, `supplement` (R4 CodeSystem.content). */
  readonly content: string;
  readonly caseSensitive: boolean;
  readonly concepts = new Map<string, ConceptInfo>();
  /** Property codes the code system declares, and their URIs mapped to codes. */
  private readonly declared = new Map<string, string>();
  private readonly descendantCache = new Map<string, Set<string>>();

  constructor(readonly resource: CodeSystem) {
    this.url = resource.url ?? '';
    this.version = resource.version;
    this.content = resource.content;
    this.caseSensitive = resource.caseSensitive ?? true;
    for (const p of resource.property ?? []) {
      this.declared.set(p.code, p.code);
      if (p.uri) this.declared.set(p.uri, p.code);
    }
    const childLinks: [string, string][] = [];
    const visit = (list: Concept[] | undefined, parent: string | undefined): void => {
      for (const c of list ?? []) {
        if (typeof c.code !== 'string') continue;
        const key = this.key(c.code);
        let info = this.concepts.get(key);
        if (!info) {
          info = { code: c.code, props: new Map(), parents: new Set(), children: new Set(), inactive: false };
          if (c.display !== undefined) info.display = c.display;
          this.concepts.set(key, info);
        }
        if (parent !== undefined) childLinks.push([parent, key]);
        for (const p of c.property ?? []) {
          const v = propertyValue(p);
          if (v === undefined) continue;
          const list = info.props.get(p.code);
          if (list) list.push(v);
          else info.props.set(p.code, [v]);
          if (HIERARCHY_PARENT.has(p.code)) childLinks.push([this.key(v), key]);
          else if (p.code === 'child') childLinks.push([key, this.key(v)]);
          else if ((p.code === 'status' && (v === 'retired' || v === 'inactive')) || (p.code === 'inactive' && v === 'true')) {
            info.inactive = true;
          }
        }
        visit(c.concept, key);
      }
    };
    visit(resource.concept, undefined);
    for (const [parent, child] of childLinks) {
      const p = this.concepts.get(parent);
      const c = this.concepts.get(child);
      if (!p || !c || parent === child) continue;
      p.children.add(child);
      c.parents.add(parent);
    }
  }

  key(code: string): string {
    return this.caseSensitive ? code : foldCase(code);
  }

  get(code: string): ConceptInfo | undefined {
    return this.concepts.get(this.key(code));
  }

  /** All descendants of a concept (not the concept itself); cycle-safe. */
  descendants(key: string): Set<string> {
    const cached = this.descendantCache.get(key);
    if (cached) return cached;
    const out = new Set<string>();
    const stack = [...(this.concepts.get(key)?.children ?? [])];
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (out.has(k) || k === key) continue;
      out.add(k);
      for (const c of this.concepts.get(k)?.children ?? []) stack.push(c);
    }
    this.descendantCache.set(key, out);
    return out;
  }

  ancestors(key: string): Set<string> {
    const out = new Set<string>();
    const stack = [...(this.concepts.get(key)?.parents ?? [])];
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (out.has(k) || k === key) continue;
      out.add(k);
      for (const p of this.concepts.get(k)?.parents ?? []) stack.push(p);
    }
    return out;
  }

  /**
   * Evaluate one compose filter. Only called for code systems with content `complete`; anything
   * the code system cannot answer (unknown properties, unknown operators, a filter value that is
   * not a code of the system, an invalid regex) is `unknown`.
   */
  filter(f: Filter): FilterResult {
    const where = `filter ${f.property} ${f.op} ${JSON.stringify(f.value)} on ${this.url}`;
    const op = f.op as string;
    const value = f.value;
    if (typeof value !== 'string') return { unknown: `${where}: no value` };

    if (CODE_PROPERTIES.has(f.property)) {
      switch (op) {
        case 'is-a':
        case 'descendent-of':
        case 'is-not-a':
        case 'generalizes':
        case '=': {
          const k = this.key(value);
          if (!this.concepts.has(k)) return { unknown: `${where}: ${JSON.stringify(value)} is not a code of the code system` };
          if (op === '=') return { keys: new Set([k]) };
          if (op === 'generalizes') return { keys: new Set([k, ...this.ancestors(k)]) };
          const below = this.descendants(k);
          if (op === 'descendent-of') return { keys: new Set(below) };
          const isA = new Set([k, ...below]);
          if (op === 'is-a') return { keys: isA };
          return { keys: new Set([...this.concepts.keys()].filter((c) => !isA.has(c))) };
        }
        case 'in':
        case 'not-in': {
          const listed = new Set(
            value
              .split(',')
              .map((v) => this.key(v.trim()))
              .filter((v) => v !== ''),
          );
          const keys = [...this.concepts.keys()].filter((c) => listed.has(c) === (op === 'in'));
          return { keys: new Set(keys) };
        }
        case 'regex': {
          const re = compileRegex(value);
          if (!re) return { unknown: `${where}: regular expression not supported` };
          const keys = [...this.concepts].filter(([, c]) => re.test(c.code)).map(([k]) => k);
          return { keys: new Set(keys) };
        }
        default:
          return { unknown: `${where}: operator not supported locally` };
      }
    }

    // Implicit hierarchy properties: `parent = X` → direct children of X, `child = X` → direct parents of X.
    if ((f.property === 'parent' || f.property === 'child') && !this.declared.has(f.property) && op === '=') {
      const c = this.concepts.get(this.key(value));
      if (!c) return { unknown: `${where}: ${JSON.stringify(value)} is not a code of the code system` };
      return { keys: new Set(f.property === 'parent' ? c.children : c.parents) };
    }

    const prop = this.declared.get(f.property) ?? (this.usesProperty(f.property) ? f.property : undefined);
    if (prop === undefined) return { unknown: `${where}: property not defined by the code system` };
    const test = propertyTest(op, value);
    if (!test) return { unknown: `${where}: operator not supported locally` };
    const keys: string[] = [];
    for (const [k, c] of this.concepts) if (test(c.props.get(prop))) keys.push(k);
    return { keys: new Set(keys) };
  }

  private usesProperty(code: string): boolean {
    for (const c of this.concepts.values()) if (c.props.has(code)) return true;
    return false;
  }
}

function propertyTest(op: string, value: string): ((values: string[] | undefined) => boolean) | undefined {
  switch (op) {
    case '=':
      return (vs) => vs !== undefined && vs.includes(value);
    case 'in': {
      const listed = new Set(value.split(',').map((v) => v.trim()));
      return (vs) => vs !== undefined && vs.some((v) => listed.has(v));
    }
    case 'not-in': {
      const listed = new Set(value.split(',').map((v) => v.trim()));
      return (vs) => vs === undefined || !vs.some((v) => listed.has(v));
    }
    case 'regex': {
      const re = compileRegex(value);
      return re ? (vs) => vs !== undefined && vs.some((v) => re.test(v)) : undefined;
    }
    case 'exists':
      if (value !== 'true' && value !== 'false') return undefined;
      return (vs) => (vs !== undefined && vs.length > 0) === (value === 'true');
    default:
      return undefined;
  }
}

/** FHIR filter regexes match the whole value. */
function compileRegex(source: string): RegExp | undefined {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(`^(?:${source})$`, flags);
    } catch {
      // try the next flavour
    }
  }
  return undefined;
}
