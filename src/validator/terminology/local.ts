import type { Resolver } from '../../defs/registry.js';
import type { FhirResource, LoadedResource } from '../../defs/resource.js';
import { splitCanonical } from '../../defs/resource.js';
import { CodeSystemIndex, foldCase } from './codesystem.js';
import { externalReason, externalSystem, oidOf, UCUM_SYSTEM, type ExternalSystem } from './external.js';
import { TriSet, type Member, type Status } from './tri.js';
import type { HeldTerminology } from './held.js';
import { UcumUnits } from './ucum.js';
import type { CodeCheck, TerminologyService, ValueSetDescription } from './types.js';

type ValueSet = fhir4.ValueSet;
type Include = fhir4.ValueSetComposeInclude;
type Contains = fhir4.ValueSetExpansionContains;

/** How a system URI written in a value set or an instance is understood here. */
interface SystemInfo {
  written: string;
  /** The URI codes are filed under: the CodeSystem's url when `written` was an OID alias of it. */
  canonical: string;
  caseSensitive: boolean;
  external?: ExternalSystem;
  /** The CodeSystem found for the system (any version). */
  cs?: LoadedResource;
  /** Set when `written` was matched to `canonical` through an OID. */
  alias?: string;
}

/**
 * A value set expanded as far as possible: per code system a three-valued set, plus what holds for
 * code systems not mentioned (`other`: `null` = not in, a string = unknown, for that reason).
 */
interface Expansion {
  systems: Map<string, TriSet>;
  other: string | null;
  /** Notes on OID aliases used by the value set, by canonical system. */
  notes: Map<string, string>;
}

const EMPTY: Expansion = { systems: new Map(), other: null, notes: new Map() };

function unknownExpansion(reason: string): Expansion {
  return { systems: new Map(), other: reason, notes: new Map() };
}

function combine(a: Expansion, b: Expansion, op: (x: TriSet, y: TriSet) => TriSet): Expansion {
  const restA = new TriSet(a.other);
  const restB = new TriSet(b.other);
  const systems = new Map<string, TriSet>();
  for (const s of new Set([...a.systems.keys(), ...b.systems.keys()])) {
    systems.set(s, op(a.systems.get(s) ?? restA, b.systems.get(s) ?? restB));
  }
  const notes = a.notes.size === 0 ? b.notes : b.notes.size === 0 ? a.notes : new Map([...b.notes, ...a.notes]);
  return { systems, other: op(restA, restB).rest, notes };
}

function union(a: Expansion, b: Expansion): Expansion {
  if (a === EMPTY) return b;
  if (b === EMPTY) return a;
  return combine(a, b, (x, y) => TriSet.union(x, y));
}

function toCheck(st: Status, note?: string): CodeCheck {
  if (st.s === 'in') {
    const out: CodeCheck = { result: 'in' };
    if (st.m.display !== undefined) out.display = st.m.display;
    if (note !== undefined) out.reason = note;
    return out;
  }
  if (st.s === 'not-in') {
    const reason = st.r !== undefined && note !== undefined ? `${st.r} (${note})` : (st.r ?? note);
    return reason !== undefined ? { result: 'not-in', reason } : { result: 'not-in' };
  }
  return { result: 'unknown', reason: note !== undefined ? `${st.r} (${note})` : st.r };
}

/** Whether a system URI may name a code system under another URI (an OID, or a url holding a `|`). */
function mayBeAlias(system: string): boolean {
  return oidOf(system) !== undefined || system.includes('|') || externalSystem(system)?.canonical !== undefined;
}

function identifiers(resource: FhirResource): string[] {
  const raw = resource.identifier;
  const list = Array.isArray(raw) ? raw : raw !== undefined ? [raw] : [];
  const out: string[] = [];
  for (const id of list as { value?: unknown }[]) if (typeof id?.value === 'string') out.push(id.value);
  return out;
}

/**
 * Local terminology: ValueSet membership decided from the definitions a `Resolver` sees (our
 * compiled packages, loaded packages, base R4 with the terminology.hl7.org v2/v3 code systems).
 *
 * Expansions are computed once per value set and cached; a check is then a map lookup. Whatever
 * cannot be decided locally (external or grammar-based code systems, incomplete code systems,
 * unsupported filters, missing value sets or code systems, cyclic imports) answers `unknown`
 * with a reason — never a false `not-in`.
 *
 * `held`: the code systems and value sets the run was given (`--terminology`, held.ts). They come
 * before the packages', and a code system held there is decided even when it is one of the large
 * external systems (SKS, SNOMED CT …) that are otherwise never decided locally.
 */
export class LocalTerminology implements TerminologyService {
  private readonly expansions = new Map<string, Expansion>();
  private readonly descriptions = new Map<string, ValueSetDescription>();
  private readonly byResource = new WeakMap<object, Expansion>();
  private readonly systemInfos = new Map<string, SystemInfo>();
  private readonly indexes = new WeakMap<object, CodeSystemIndex>();
  private readonly wholeSystem = new WeakMap<CodeSystemIndex, { all: TriSet; active?: TriSet }>();
  private oids: Map<string, LoadedResource> | undefined;
  /** UCUM: units decided by the grammar, and the set of all of them (made on first use). */
  private ucum: { units: UcumUnits; all: TriSet } | undefined;
  /** Value sets being expanded (cycle protection) and how many cycles were cut so far. */
  private readonly inProgress = new Set<object>();
  private cyclesCut = 0;

  constructor(
    private readonly resolver: Resolver,
    private readonly held?: HeldTerminology,
    /** UCUM decisions, shared with the validator's walks when given. */
    private readonly ucumUnits?: UcumUnits,
  ) {}

  /** Was `system` given to the run (`--terminology`)? */
  isLoaded(system: string): boolean {
    return this.held?.codeSystems.has(system) ?? false;
  }

  check(valueSet: string, system: string | undefined, code: string): CodeCheck {
    const exp = this.expand(valueSet);
    if (system !== undefined) {
      // A system the expansion does not mention, and that cannot be an alias of one it does, needs
      // no code system lookup (instances carry all sorts of systems).
      if (!exp.systems.has(system) && !mayBeAlias(system)) {
        return exp.other === null ? { result: 'not-in' } : { result: 'unknown', reason: exp.other };
      }
      const info = this.systemInfo(system);
      const tri = exp.systems.get(info.canonical);
      const st: Status = tri ? tri.status(this.keyIn(info, code)) : exp.other === null ? { s: 'not-in' } : { s: 'unknown', r: exp.other };
      return toCheck(st, info.alias ?? (st.s !== 'not-in' ? exp.notes.get(info.canonical) : undefined));
    }
    return this.checkWithoutSystem(exp, code);
  }

  /**
   * The codes of a value set as far as it expands locally (for documentation, e.g. the site):
   * the codes certainly in, per system in the order the expansion holds them, and — when the
   * expansion is not complete — why (`incomplete`, one reason per part that is undecided).
   */
  listExpansion(valueSet: string): { codes: { system: string; code: string; display?: string }[]; incomplete: string[] } {
    const exp = this.expand(valueSet);
    const codes: { system: string; code: string; display?: string }[] = [];
    const incomplete: string[] = [];
    for (const [system, tri] of exp.systems) {
      for (const m of tri.in.values())
        codes.push(m.display !== undefined ? { system, code: m.code, display: m.display } : { system, code: m.code });
      if (tri.rest !== null) incomplete.push(tri.rest);
      for (const r of new Set(tri.maybe.values())) incomplete.push(r);
    }
    if (exp.other !== null) incomplete.push(exp.other);
    return { codes, incomplete: [...new Set(incomplete)] };
  }

  /**
   * A value set's title (else its name) and, when it expands completely here, its codes: what a
   * message about a code not in it can show (the codes allowed, or how many there are). Once per value set.
   */
  describe(valueSet: string): ValueSetDescription {
    let d = this.descriptions.get(valueSet);
    if (d) return d;
    const vs = this.resolver.resolve(valueSet, 'ValueSet')?.resource;
    const title = typeof vs?.['title'] === 'string' ? vs['title'] : vs?.name;
    const listed = this.listExpansion(valueSet);
    d = {
      ...(title !== undefined ? { title } : {}),
      ...(listed.incomplete.length === 0 ? { codes: listed.codes.map((c) => ({ system: c.system, code: c.code })) } : {}),
    };
    this.descriptions.set(valueSet, d);
    return d;
  }

  checkCodeSystem(system: string, code: string): CodeCheck {
    // a url that itself holds a `|` (R4 v2 tables such as `…/v2-0391|2.6`) is taken verbatim first
    const literal = system.includes('|') ? this.systemInfo(system) : undefined;
    const { url, version } = literal?.cs ? { url: system, version: undefined } : splitCanonical(system);
    const info = literal?.cs ? literal : this.systemInfo(url);
    if (info.canonical === UCUM_SYSTEM) return toCheck(this.ucumAll().status(code), info.alias);
    const found = this.codeSystem(info, version);
    if ('unknown' in found) {
      const listed = info.external?.kind === 'large' ? this.listedBy(info.canonical, code) : undefined;
      return toCheck(listed ? { s: 'in', m: listed.member } : { s: 'unknown', r: found.unknown }, listed?.note ?? info.alias);
    }
    const cs = found.index;
    const c = cs.get(code);
    const member: Member = c?.display !== undefined ? { code: c.code, display: c.display } : { code };
    if (cs.content === 'complete') return toCheck(c ? { s: 'in', m: member } : { s: 'not-in' }, info.alias);
    if (c) return toCheck({ s: 'in', m: member }, info.alias);
    return toCheck(
      { s: 'unknown', r: `CodeSystem ${cs.url} has content '${cs.content}': codes it does not list cannot be checked locally` },
      info.alias,
    );
  }

  /**
   * A code of a large external terminology (NPU, SNOMED CT …) that a CodeSystem resource we hold
   * under its url lists (MedCom's NPU repertoire, DK Core's NPU fragment): a code of that system,
   * though the terminology as a whole is not here. Codes it does not list stay unknown.
   */
  private listedBy(system: string, code: string): { member: Member; note: string } | undefined {
    // every package's resource under that url (the scope's first: HCO's repertoire is not DK Core's fragment)
    for (const source of this.resolver.sources) {
      const hit = source.find(system);
      if (hit?.resource.resourceType !== 'CodeSystem' || hit.resource.content === 'supplement') continue;
      const c = this.index(hit.resource).get(code);
      if (!c) continue;
      const note = `listed by the CodeSystem ${system} of ${hit.from.packageId}#${hit.from.packageVersion} (content '${String(hit.resource.content)}')`;
      return { member: c.display !== undefined ? { code: c.code, display: c.display } : { code: c.code }, note };
    }
    return undefined;
  }

  // ---------------------------------------------------------------- membership without a system

  /**
   * A `code` element bound to a value set: the code is in when exactly one code system of the
   * expansion has it. Found in several systems → unknown (ambiguous); found in none while some
   * part is undecided → unknown.
   */
  private checkWithoutSystem(exp: Expansion, code: string): CodeCheck {
    const hits: { system: string; st: Extract<Status, { s: 'in' }> }[] = [];
    let unknown: string | undefined;
    for (const [system, tri] of exp.systems) {
      const st = tri.status(this.keyIn(this.systemInfo(system), code));
      if (st.s === 'in') hits.push({ system, st });
      else if (st.s === 'unknown') unknown ??= st.r;
    }
    const distinct = new Set(hits.map((h) => h.system));
    if (distinct.size === 1) return { ...toCheck(hits[0]!.st), system: hits[0]!.system };
    if (distinct.size > 1) {
      return {
        result: 'unknown',
        reason: `code '${code}' is defined by several code systems of the value set (${[...distinct].join(', ')}); a system is needed to decide`,
      };
    }
    unknown ??= exp.other ?? undefined;
    return unknown !== undefined ? { result: 'unknown', reason: unknown } : { result: 'not-in' };
  }

  // ---------------------------------------------------------------- code systems

  private systemInfo(written: string): SystemInfo {
    const cached = this.systemInfos.get(written);
    if (cached) return cached;
    const given = this.held?.codeSystems.get(written);
    if (given) {
      const info: SystemInfo = { written, canonical: written, caseSensitive: given.resource['caseSensitive'] !== false, cs: given };
      this.systemInfos.set(written, info);
      return info;
    }
    let canonical = written;
    let alias: string | undefined;
    let external = externalSystem(written);
    let cs: LoadedResource | undefined;
    if (external?.canonical !== undefined) {
      canonical = external.canonical;
      alias = `${written} is the OID of ${canonical}`;
    } else if (!external) {
      cs = this.resolver.resolve(written, 'CodeSystem') ?? this.findLiteral(written);
      if (!cs) {
        const oid = oidOf(written);
        const hit = oid !== undefined ? this.oidIndex().get(oid) : undefined;
        if (hit && typeof hit.resource.url === 'string') {
          cs = hit;
          canonical = hit.resource.url;
          alias = `code system ${written} matched CodeSystem ${canonical} by its identifier`;
          external = externalSystem(canonical);
        }
      }
    }
    const caseSensitive = external ? external.caseInsensitive !== true : cs?.resource.caseSensitive !== false;
    const info: SystemInfo = { written, canonical, caseSensitive };
    if (external) info.external = external;
    if (cs) info.cs = cs;
    if (alias !== undefined) info.alias = alias;
    this.systemInfos.set(written, info);
    return info;
  }

  /**
   * Some R4 v2 code systems carry the version inside their url (`…/v2-0391|2.6`), which a canonical
   * lookup splits off; look such urls up verbatim.
   */
  private findLiteral(url: string): LoadedResource | undefined {
    if (!url.includes('|')) return undefined;
    for (const source of this.resolver.sources) {
      const hit = source.find(url);
      if (hit?.resource.resourceType === 'CodeSystem') return hit;
    }
    return undefined;
  }

  /** The key of `code` in the sets of `info.canonical` (case-folded for case-insensitive systems). */
  private keyIn(info: SystemInfo, code: string): string {
    const target = info.canonical === info.written ? info : this.systemInfo(info.canonical);
    return target.caseSensitive ? code : foldCase(code);
  }

  /** CodeSystems by identifier OID (built on first use; only needed for `urn:oid:` systems). */
  private oidIndex(): Map<string, LoadedResource> {
    if (this.oids) return this.oids;
    const map = new Map<string, LoadedResource>();
    for (const loaded of this.resolver.all('CodeSystem')) {
      if (loaded.resource.resourceType !== 'CodeSystem' || loaded.resource.content === 'supplement') continue;
      for (const value of identifiers(loaded.resource)) {
        const oid = oidOf(value);
        if (oid !== undefined && !map.has(oid)) map.set(oid, loaded);
      }
    }
    this.oids = map;
    return map;
  }

  private index(resource: FhirResource): CodeSystemIndex {
    let idx = this.indexes.get(resource);
    if (!idx) {
      idx = new CodeSystemIndex(resource as unknown as fhir4.CodeSystem);
      this.indexes.set(resource, idx);
    }
    return idx;
  }

  /** The CodeSystem to expand `info` from (in the given version), or why there is none. */
  private codeSystem(info: SystemInfo, version: string | undefined): { index: CodeSystemIndex } | { unknown: string } {
    if (info.external) return { unknown: externalReason(info.canonical, info.external) };
    let found = info.cs;
    if (version !== undefined && found) {
      const exact = this.resolver.resolve(`${info.canonical}|${version}`, 'CodeSystem');
      if (exact) found = exact;
      else if (found.resource.version !== undefined && found.resource.version !== version) {
        return { unknown: `CodeSystem ${info.canonical} version ${version} is not available (found ${found.resource.version})` };
      }
    }
    if (!found) return { unknown: `CodeSystem ${info.written} is not available locally` };
    if (found.resource.content === 'supplement') {
      return {
        unknown: `${info.canonical} is a CodeSystem supplement (of ${String(found.resource.supplements)}), not a code system of its own`,
      };
    }
    return { index: this.index(found.resource) };
  }

  /** All of UCUM: nothing listed, every code decided by the grammar (valid unit → in, else not in, with why). */
  private ucumAll(): TriSet {
    if (!this.ucum) {
      const units = this.ucumUnits ?? new UcumUnits();
      const oracle = (code: string): Status => {
        const d = units.decide(code);
        return d.valid ? { s: 'in', m: { code } } : { s: 'not-in', r: d.reason };
      };
      this.ucum = { units, all: new TriSet(`${UCUM_SYSTEM} (UCUM) is a grammar: its units are decided one by one, not listed`, oracle) };
    }
    return this.ucum.all;
  }

  /** All codes of a code system (optionally only the active ones), cached per code system. */
  private allCodes(cs: CodeSystemIndex, activeOnly: boolean): TriSet {
    let entry = this.wholeSystem.get(cs);
    if (!entry) {
      entry = { all: this.membersOf(cs, cs.concepts.keys(), false) };
      this.wholeSystem.set(cs, entry);
    }
    if (!activeOnly) return entry.all;
    entry.active ??= this.membersOf(cs, cs.concepts.keys(), true);
    return entry.active;
  }

  private membersOf(cs: CodeSystemIndex, keys: Iterable<string>, activeOnly: boolean): TriSet {
    const out = TriSet.empty();
    for (const k of keys) {
      const c = cs.concepts.get(k);
      if (!c || (activeOnly && c.inactive)) continue;
      out.in.set(k, c.display !== undefined ? { code: c.code, display: c.display } : { code: c.code });
    }
    return out;
  }

  // ---------------------------------------------------------------- value sets

  private expand(canonical: string): Expansion {
    const cached = this.expansions.get(canonical);
    if (cached) return cached;
    const { url, version } = splitCanonical(canonical);
    const given = this.held?.valueSets.get(url);
    const loaded =
      given && (version === undefined || given.resource.version === undefined || given.resource.version === version)
        ? given
        : this.resolver.resolve(canonical, 'ValueSet');
    let exp: Expansion;
    if (!loaded) {
      exp = unknownExpansion(
        version !== undefined ? `ValueSet ${url} version ${version} is not available locally` : `ValueSet ${url} is not available locally`,
      );
    } else {
      const before = this.cyclesCut;
      exp = this.expandResource(loaded.resource);
      // Results cut short by an import cycle depend on where the expansion started: cache only
      // the outermost one.
      if (this.cyclesCut !== before && this.inProgress.size > 0) return exp;
    }
    this.expansions.set(canonical, exp);
    return exp;
  }

  private expandResource(resource: FhirResource): Expansion {
    const cached = this.byResource.get(resource);
    if (cached) return cached;
    if (this.inProgress.has(resource)) {
      this.cyclesCut++;
      return unknownExpansion(`ValueSet ${resource.url ?? resource.id ?? '?'} imports itself (cyclic valueSet imports)`);
    }
    this.inProgress.add(resource);
    const before = this.cyclesCut;
    let exp: Expansion;
    try {
      exp = this.compute(resource as unknown as ValueSet);
    } finally {
      this.inProgress.delete(resource);
    }
    if (this.cyclesCut === before || this.inProgress.size === 0) this.byResource.set(resource, exp);
    return exp;
  }

  private compute(vs: ValueSet): Expansion {
    const compose = vs.compose;
    if (compose) {
      const activeOnly = compose.inactive === false;
      let result = EMPTY;
      for (const inc of compose.include ?? []) result = union(result, this.includeContent(inc, activeOnly));
      for (const exc of compose.exclude ?? []) {
        const ex = this.includeContent(exc, activeOnly);
        if (ex !== EMPTY) result = combine(result, ex, (x, y) => TriSet.minus(x, y));
      }
      return result;
    }
    if (vs.expansion) return this.fromExpansion(vs.expansion);
    return unknownExpansion(`ValueSet ${vs.url ?? vs.id ?? '?'} has neither a compose nor an expansion`);
  }

  /** One include (or exclude): the intersection of its system part and its imported value sets. */
  private includeContent(inc: Include, activeOnly: boolean): Expansion {
    const parts: Expansion[] = [];
    if (typeof inc.system === 'string' && inc.system !== '') {
      const info = this.systemInfo(inc.system);
      const notes = new Map<string, string>();
      if (info.alias !== undefined) notes.set(info.canonical, `value set includes ${info.alias}`);
      parts.push({ systems: new Map([[info.canonical, this.systemPart(info, inc, activeOnly)]]), other: null, notes });
    }
    for (const imported of inc.valueSet ?? []) parts.push(this.expand(imported));
    if (parts.length === 0) return EMPTY;
    return parts.reduce((a, b) => combine(a, b, (x, y) => TriSet.intersect(x, y)));
  }

  /** The codes of one system an include selects: listed concepts ∩ filters, or the whole system. */
  private systemPart(info: SystemInfo, inc: Include, activeOnly: boolean): TriSet {
    const parts: TriSet[] = [];
    const concepts = inc.concept ?? [];
    const filters = inc.filter ?? [];
    if (concepts.length > 0) {
      // Displays come from the code system only (a value set's own display is a suggestion, often
      // a translation, and would make display checks report differences the code system does not).
      const cs = info.external
        ? undefined
        : info.cs && info.cs.resource.content !== 'supplement'
          ? this.index(info.cs.resource)
          : undefined;
      const listed = TriSet.empty();
      for (const c of concepts) {
        if (typeof c.code !== 'string') continue;
        const key = this.keyIn(info, c.code);
        if (listed.in.has(key)) continue;
        const display = cs?.get(c.code)?.display;
        listed.in.set(key, display !== undefined ? { code: c.code, display } : { code: c.code });
      }
      parts.push(listed);
    }
    if (filters.length === 0 && concepts.length === 0 && info.canonical === UCUM_SYSTEM) {
      // all of UCUM: every valid unit expression (any version: UCUM's grammar has not changed in ways that matter here)
      parts.push(this.ucumAll());
    } else if (filters.length > 0 || concepts.length === 0) {
      const found = this.codeSystem(info, inc.version);
      if ('unknown' in found) {
        parts.push(
          TriSet.unknown(
            filters.length > 0
              ? `filter on ${info.written} cannot be evaluated: ${found.unknown}`
              : `value set includes all of ${info.written}: ${found.unknown}`,
          ),
        );
      } else {
        const cs = found.index;
        if (cs.content !== 'complete') {
          const reason = `CodeSystem ${cs.url} has content '${cs.content}'`;
          if (filters.length > 0) parts.push(TriSet.unknown(`filter on ${cs.url} cannot be evaluated: ${reason}`));
          else {
            // the codes a fragment lists are in; everything else is unknown
            const some = TriSet.unknown(
              `value set includes all of ${cs.url}, but ${reason}: codes it does not list cannot be checked locally`,
            );
            for (const [k, m] of this.allCodes(cs, activeOnly).in) some.in.set(k, m);
            parts.push(some);
          }
        } else if (filters.length === 0) {
          parts.push(this.allCodes(cs, activeOnly));
        } else {
          for (const f of filters) {
            const r = cs.filter(f);
            parts.push('keys' in r ? this.membersOf(cs, r.keys, activeOnly) : TriSet.unknown(r.unknown));
          }
        }
      }
    }
    return parts.reduce((a, b) => TriSet.intersect(a, b));
  }

  /** A value set given only as an expansion (no compose). */
  private fromExpansion(expansion: fhir4.ValueSetExpansion): Expansion {
    const systems = new Map<string, TriSet>();
    let count = 0;
    const visit = (list: Contains[] | undefined): void => {
      for (const c of list ?? []) {
        if (typeof c.system === 'string' && typeof c.code === 'string') {
          count++;
          const info = this.systemInfo(c.system);
          let set = systems.get(info.canonical);
          if (!set) systems.set(info.canonical, (set = TriSet.empty()));
          const key = this.keyIn(info, c.code);
          if (!set.in.has(key)) set.in.set(key, c.display !== undefined ? { code: c.code, display: c.display } : { code: c.code });
        }
        visit(c.contains);
      }
    };
    visit(expansion.contains);
    const partial = (expansion.offset ?? 0) > 0 || (expansion.total !== undefined && expansion.total > count);
    if (!partial) return { systems, other: null, notes: new Map() };
    // A partial expansion: the listed codes are in, everything else unknown.
    const reason = 'the value set is only available as a partial expansion';
    const out = new Map<string, TriSet>();
    for (const [s, set] of systems) {
      const t = TriSet.unknown(reason);
      for (const [k, m] of set.in) t.in.set(k, m);
      out.set(s, t);
    }
    return { systems: out, other: reason, notes: new Map() };
  }
}
