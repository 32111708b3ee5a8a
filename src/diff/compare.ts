/**
 * What changed between two versions of a FHIR package that a vendor must act on: per profile,
 * element by element on the snapshots (what instances must meet), cardinality tightened or
 * relaxed, must-support added or removed, types, fixed and pattern values, bindings, invariants
 * and slices (renamed ones recognised); per ValueSet and CodeSystem, versions and codes; for the
 * package, its version and dependencies.
 */

import { stableStringify } from '../util/json.js';

type Json = Record<string, unknown>;
type SD = fhir4.StructureDefinition;
type ED = fhir4.ElementDefinition;

/** How a change concerns a vendor whose instances met the old version. */
export type Impact =
  /** Instances valid before may now be invalid: act. */
  | 'breaking'
  /** Allowed more than before, or a changed expectation without a new failure: review. */
  | 'review'
  /** Metadata. */
  | 'info';

export type ChangeKind =
  | 'package-version'
  | 'dependency-added'
  | 'dependency-removed'
  | 'dependency-changed'
  | 'profile-added'
  | 'profile-removed'
  | 'profile-version'
  | 'profile-parent'
  | 'profile-status'
  | 'canonical-pins'
  | 'element-added'
  | 'element-removed'
  | 'slice-added'
  | 'slice-removed'
  | 'slice-renamed'
  | 'slicing-changed'
  | 'cardinality-tightened'
  | 'cardinality-relaxed'
  | 'cardinality-changed'
  | 'must-support-added'
  | 'must-support-removed'
  | 'type-changed'
  | 'fixed-added'
  | 'fixed-removed'
  | 'fixed-changed'
  | 'pattern-added'
  | 'pattern-removed'
  | 'pattern-changed'
  | 'binding-added'
  | 'binding-removed'
  | 'binding-strength'
  | 'binding-valueset'
  | 'invariant-added'
  | 'invariant-removed'
  | 'invariant-changed'
  | 'terminology-added'
  | 'terminology-removed'
  | 'terminology-version'
  | 'codes-added'
  | 'codes-removed'
  | 'terminology-changed';

export interface Change {
  kind: ChangeKind;
  impact: Impact;
  /** `StructureDefinition`, `ValueSet`, `CodeSystem` or `package`. */
  resourceType: string;
  /** The resource's canonical URL (the package id for package changes). */
  resource: string;
  /** The resource's name (for headings). */
  name: string;
  /** Element id (snapshot) the change is at. */
  element?: string;
  /** Constraint key, slice name, dependency id … */
  key?: string;
  before?: unknown;
  after?: unknown;
  /** One line, English. */
  text: string;
}

export interface DiffSide {
  id: string;
  version: string;
  /** Where it came from (path, or `id#version` of our build). */
  source: string;
  dependencies: Record<string, string>;
  resources: Json[];
}

export interface PackageDiff {
  from: { id: string; version: string; source: string };
  to: { id: string; version: string; source: string };
  changes: Change[];
  summary: { breaking: number; review: number; info: number; resources: number };
}

const TERMINOLOGY = new Set(['ValueSet', 'CodeSystem']);
const COMPARED = new Set(['StructureDefinition', ...TERMINOLOGY]);

/** One side of a diff from a package's identity and resources (only what is compared is kept). */
export function diffSide(
  pkg: { id: string; version: string; manifest: { dependencies?: Record<string, string> } },
  resources: Iterable<{ resourceType: string }>,
  source: string,
): DiffSide {
  const compared: Json[] = [];
  for (const r of resources) if (COMPARED.has(r.resourceType)) compared.push(r);
  return { id: pkg.id, version: pkg.version, source, dependencies: { ...(pkg.manifest.dependencies ?? {}) }, resources: compared };
}

export interface DiffOptions {
  /**
   * A StructureDefinition by canonical URL outside the two packages (base R4 types): an element a
   * snapshot leaves unexpanded is compared as its type defines it.
   */
  structure?: (url: string) => SD | undefined;
}

export function diffPackages(a: DiffSide, b: DiffSide, options: DiffOptions = {}): PackageDiff {
  const changes: Change[] = [];
  const structureIn =
    (side: DiffSide) =>
    (url: string): SD | undefined => {
      const bare = url.replace(/\|.*$/, '');
      const own = side.resources.find((r) => r['resourceType'] === 'StructureDefinition' && r['url'] === bare);
      return (own as unknown as SD | undefined) ?? options.structure?.(bare);
    };
  comparePackage(a, b, changes);
  const byUrl = (side: DiffSide, types: (t: string) => boolean) => {
    const map = new Map<string, Json>();
    for (const r of side.resources) {
      if (typeof r['url'] === 'string' && types(r['resourceType'] as string)) map.set(r['url'], r);
    }
    return map;
  };
  const sdA = byUrl(a, (t) => t === 'StructureDefinition');
  const sdB = byUrl(b, (t) => t === 'StructureDefinition');
  for (const [url, sd] of sdA) {
    const other = sdB.get(url);
    if (other) compareProfile(sd as unknown as SD, other as unknown as SD, changes, structureIn(a), structureIn(b));
    else changes.push(resourceChange('profile-removed', 'breaking', sd, `${label(sd)} is no longer in the package`));
  }
  for (const [url, sd] of sdB) {
    if (!sdA.has(url)) changes.push(resourceChange('profile-added', 'review', sd, `${label(sd)} is new`));
  }
  const tA = byUrl(a, (t) => TERMINOLOGY.has(t));
  const tB = byUrl(b, (t) => TERMINOLOGY.has(t));
  for (const [url, r] of tA) {
    const other = tB.get(url);
    if (other) compareTerminology(r, other, changes);
    else changes.push(resourceChange('terminology-removed', 'review', r, `${label(r)} is no longer in the package`));
  }
  for (const [url, r] of tB) {
    if (!tA.has(url)) changes.push(resourceChange('terminology-added', 'info', r, `${label(r)} is new`));
  }
  const summary = { breaking: 0, review: 0, info: 0, resources: new Set(changes.map((c) => c.resource)).size };
  for (const c of changes) summary[c.impact]++;
  return {
    from: { id: a.id, version: a.version, source: a.source },
    to: { id: b.id, version: b.version, source: b.source },
    changes,
    summary,
  };
}

function label(r: Json): string {
  return `${r['resourceType'] as string} ${(r['name'] ?? r['id'] ?? r['url']) as string}`;
}

function resourceChange(kind: ChangeKind, impact: Impact, r: Json, text: string, extra: Partial<Change> = {}): Change {
  return {
    kind,
    impact,
    resourceType: r['resourceType'] as string,
    resource: r['url'] as string,
    name: (r['name'] ?? r['id'] ?? r['url']) as string,
    text,
    ...extra,
  };
}

function comparePackage(a: DiffSide, b: DiffSide, changes: Change[]): void {
  const pkg = (kind: ChangeKind, impact: Impact, text: string, extra: Partial<Change> = {}): void => {
    changes.push({ kind, impact, resourceType: 'package', resource: b.id, name: b.id, text, ...extra });
  };
  if (a.id !== b.id || a.version !== b.version) {
    pkg('package-version', 'info', `${a.id}#${a.version} → ${b.id}#${b.version}`, {
      before: `${a.id}#${a.version}`,
      after: `${b.id}#${b.version}`,
    });
  }
  const ids = [...new Set([...Object.keys(a.dependencies), ...Object.keys(b.dependencies)])].sort();
  for (const id of ids) {
    const va = a.dependencies[id];
    const vb = b.dependencies[id];
    if (va === vb) continue;
    if (va === undefined) pkg('dependency-added', 'review', `depends on ${id}#${vb} now`, { key: id, after: vb });
    else if (vb === undefined) pkg('dependency-removed', 'review', `no longer depends on ${id} (was ${va})`, { key: id, before: va });
    else
      pkg('dependency-changed', 'review', `${id} ${va} → ${vb}: the rules and codes it brings may differ`, {
        key: id,
        before: va,
        after: vb,
      });
  }
}

// ---------------------------------------------------------------------------------------------
// profiles

function compareProfile(
  a: SD,
  b: SD,
  changes: Change[],
  structureA: (url: string) => SD | undefined,
  structureB: (url: string) => SD | undefined,
): void {
  const at = (kind: ChangeKind, impact: Impact, text: string, extra: Partial<Change> = {}): void => {
    changes.push(resourceChange(kind, impact, b as unknown as Json, text, extra));
  };
  if (a.version !== b.version)
    at('profile-version', 'info', `version ${a.version ?? '(none)'} → ${b.version ?? '(none)'}`, { before: a.version, after: b.version });
  if (a.baseDefinition !== b.baseDefinition)
    at('profile-parent', 'review', `parent ${a.baseDefinition ?? '(none)'} → ${b.baseDefinition ?? '(none)'}`, {
      before: a.baseDefinition,
      after: b.baseDefinition,
    });
  if (a.status !== b.status) at('profile-status', 'info', `status ${a.status} → ${b.status}`, { before: a.status, after: b.status });

  const elsA = a.snapshot?.element ?? [];
  const elsB = b.snapshot?.element ?? [];
  const renames = sliceRenames(elsA, elsB);
  for (const [from, to] of renames) {
    at(
      'slice-renamed',
      'breaking',
      `slice ${from} is now ${to} (same content): instances are unaffected, but slice names in tooling and test data change`,
      { element: to, before: from, after: to },
    );
  }
  const renamed = (id: string): string => {
    for (const [from, to] of renames) {
      if (id === from || id.startsWith(`${from}.`) || id.startsWith(`${from}:`)) return to + id.slice(from.length);
    }
    return id;
  };
  const mapA = new Map(elsA.map((e) => [renamed(e.id ?? e.path), e]));
  const idsB = new Set(elsB.map((e) => e.id ?? e.path));
  // canonical references merely pinned to (or unpinned from) a version: one line per profile
  const pins: string[] = [];
  const atElement: At = (kind, impact, text, extra = {}) => {
    if (extra.key === PIN) pins.push(extra.element ?? '');
    else at(kind, impact, text, extra);
  };
  for (const eb of elsB) {
    const id = eb.id ?? eb.path;
    const ea = mapA.get(id) ?? fromType(id, mapA, structureA);
    if (!ea) {
      if (insideNew(id, mapA)) continue; // reported at the new element or slice that contains it
      const slice = isSlice(id);
      at(
        slice ? 'slice-added' : 'element-added',
        eb.min && eb.min > 0 ? 'breaking' : 'review',
        `${slice ? 'slice' : 'element'} ${id} is new (${eb.min ?? 0}..${eb.max ?? '*'})`,
        { element: id, after: `${eb.min ?? 0}..${eb.max ?? '*'}` },
      );
      continue;
    }
    compareElement(ea, eb, id, atElement);
  }
  const mapB = new Map(elsB.map((e) => [e.id ?? e.path, e]));
  for (const [id, ea] of mapA) {
    if (idsB.has(id)) continue;
    const eb = fromType(id, mapB, structureB);
    if (eb) {
      compareElement(ea, eb, id, atElement); // the new snapshot no longer expands it
      continue;
    }
    if (insideNew(id, idsB)) continue;
    const slice = isSlice(id);
    at(
      slice ? 'slice-removed' : 'element-removed',
      'breaking',
      `${slice ? 'slice' : 'element'} ${id} is gone (was ${ea.min ?? 0}..${ea.max ?? '*'})`,
      { element: id, before: `${ea.min ?? 0}..${ea.max ?? '*'}` },
    );
  }
  if (pins.length) {
    const shown = [...new Set(pins)];
    at(
      'canonical-pins',
      'info',
      `${shown.length} element(s) now refer to profiles or value sets with a different version pin (no effect on instances): ${list(shown)}`,
      { after: shown },
    );
  }
}

/**
 * An element the old snapshot did not expand (`Narrative.status` below an unconstrained `text`):
 * the definition its nearest expanded ancestor's type gives it, with the id rewritten.
 */
function fromType(id: string, mapA: Map<string, ED>, structure: (url: string) => SD | undefined): ED | undefined {
  for (let cut = id.lastIndexOf('.'); cut > 0; cut = id.lastIndexOf('.', cut - 1)) {
    const ancestor = mapA.get(id.slice(0, cut));
    if (!ancestor) continue;
    const rest = id.slice(cut);
    if (rest.includes(':')) return undefined; // a slice below: nothing in the type defines it
    const types = ancestor.type ?? [];
    if (types.length !== 1) return undefined;
    const t = types[0]!;
    const url = t.profile?.length === 1 ? t.profile[0]! : `http://hl7.org/fhir/StructureDefinition/${t.code}`;
    const sd = structure(url);
    if (!sd || sd.kind === 'resource') return undefined;
    const want = `${sd.type}${rest}`;
    const hit = (sd.snapshot?.element ?? []).find((e) => (e.id ?? e.path) === want);
    return hit ? { ...hit, id } : undefined;
  }
  return undefined;
}

function isSlice(id: string): boolean {
  const last = id.slice(id.lastIndexOf('.') + 1);
  return last.includes(':');
}

/** An element whose parent (or slice) is itself new or gone: reported once, at that parent. */
function insideNew(id: string, other: { has(id: string): boolean }): boolean {
  const cut = Math.max(id.lastIndexOf('.'), id.lastIndexOf(':'));
  return cut > 0 && !other.has(id.slice(0, cut));
}

type At = (kind: ChangeKind, impact: Impact, text: string, extra?: Partial<Change>) => void;

/** Marks a change that only pins or unpins a canonical version (collected per profile). */
const PIN = '\u0000pin';

function compareElement(a: ED, b: ED, id: string, at: At): void {
  const e = { element: id };
  // cardinality
  const maxN = (m: string | undefined): number => (m === undefined || m === '*' ? Infinity : Number(m));
  const minA = a.min ?? 0;
  const minB = b.min ?? 0;
  const maxA = maxN(a.max);
  const maxB = maxN(b.max);
  if (minA !== minB || maxA !== maxB) {
    const tighter = minB > minA || maxB < maxA;
    const looser = minB < minA || maxB > maxA;
    const card = (x: ED) => `${x.min ?? 0}..${x.max ?? '*'}`;
    const kind: ChangeKind = tighter && looser ? 'cardinality-changed' : tighter ? 'cardinality-tightened' : 'cardinality-relaxed';
    at(kind, tighter ? 'breaking' : 'review', `${id} ${card(a)} → ${card(b)}`, { ...e, before: card(a), after: card(b) });
  }
  if (!!a.mustSupport !== !!b.mustSupport) {
    if (b.mustSupport)
      at(
        'must-support-added',
        'breaking',
        `${id} is must-support now: senders must fill it when they have the data, receivers must handle it`,
        e,
      );
    else at('must-support-removed', 'review', `${id} is no longer must-support`, e);
  }
  const ta = typeKey(a);
  const tb = typeKey(b);
  if (ta !== tb) {
    const codesA = new Set((a.type ?? []).map((t) => t.code));
    const codesB = new Set((b.type ?? []).map((t) => t.code));
    let impact: Impact;
    let why: string;
    if (typeKey(a, true) === typeKey(b, true)) {
      at('type-changed', 'info', `${id} canonical version pins`, { ...e, key: PIN });
      return compareRest(a, b, id, at);
    } else if (ta && [...codesA].every((c) => codesB.has(c)) && codesB.size > codesA.size && sameProfiles(a, b))
      [impact, why] = ['review', ' (more types allowed)'];
    else if (ta && codesA.size === codesB.size && [...codesA].every((c) => codesB.has(c)) && widerProfiles(a, b))
      [impact, why] = ['review', ' (fewer profile requirements)'];
    else [impact, why] = ['breaking', ''];
    at('type-changed', impact, `${id} types ${ta || '(none)'} → ${tb || '(none)'}${why}`, { ...e, before: ta, after: tb });
  }
  compareRest(a, b, id, at);
}

/** Fixed and pattern values, binding, slicing and invariants of an element. */
function compareRest(a: ED, b: ED, id: string, at: At): void {
  const e = { element: id };
  for (const prefix of ['fixed', 'pattern'] as const) {
    const va = valueOf(a, prefix);
    const vb = valueOf(b, prefix);
    const sa = va === undefined ? undefined : stableStringify(va);
    const sb = vb === undefined ? undefined : stableStringify(vb);
    if (sa === sb) continue;
    if (sa === undefined) at(`${prefix}-added`, 'breaking', `${id} ${prefix} ${compact(sb!)}`, { ...e, after: vb });
    else if (sb === undefined) at(`${prefix}-removed`, 'review', `${id} no longer ${prefix} (was ${compact(sa)})`, { ...e, before: va });
    else at(`${prefix}-changed`, 'breaking', `${id} ${prefix} ${compact(sa)} → ${compact(sb)}`, { ...e, before: va, after: vb });
  }
  compareBinding(a, b, id, at);
  const sla = a.slicing ? stableStringify(a.slicing) : undefined;
  const slb = b.slicing ? stableStringify(b.slicing) : undefined;
  if (sla !== slb) {
    // slicing opened for a new slice allows more; closing it, or another discriminator, may reject
    const loosened = !a.slicing && b.slicing?.rules !== 'closed';
    at(
      'slicing-changed',
      loosened ? 'review' : 'breaking',
      `${id} slicing ${sla ? describeSlicing(a.slicing!) : '(none)'} → ${slb ? describeSlicing(b.slicing!) : '(none)'}`,
      { ...e, before: a.slicing, after: b.slicing },
    );
  }
  const ca = new Map((a.constraint ?? []).map((c) => [c.key, c]));
  const cb = new Map((b.constraint ?? []).map((c) => [c.key, c]));
  for (const [key, c] of cb) {
    const old = ca.get(key);
    if (!old) {
      at(
        'invariant-added',
        c.severity === 'error' ? 'breaking' : 'review',
        `${id} new invariant ${key} (${c.severity}): ${c.expression ?? c.human}`,
        { ...e, key, after: c.expression },
      );
    } else if (old.expression !== c.expression || old.severity !== c.severity) {
      const what =
        old.expression !== c.expression
          ? `expression ${JSON.stringify(old.expression)} → ${JSON.stringify(c.expression)}`
          : `severity ${old.severity} → ${c.severity}`;
      at('invariant-changed', c.severity === 'error' ? 'breaking' : 'review', `${id} invariant ${key}: ${what}`, {
        ...e,
        key,
        before: { expression: old.expression, severity: old.severity },
        after: { expression: c.expression, severity: c.severity },
      });
    }
  }
  for (const [key, c] of ca) {
    if (!cb.has(key))
      at('invariant-removed', 'review', `${id} invariant ${key} is gone (was ${c.expression ?? c.human})`, {
        ...e,
        key,
        before: c.expression,
      });
  }
}

const STRENGTH = { example: 0, preferred: 1, extensible: 2, required: 3 } as const;

function compareBinding(a: ED, b: ED, id: string, at: At): void {
  const ba = a.binding;
  const bb = b.binding;
  if (!ba && !bb) return;
  const e = { element: id };
  if (!ba) {
    at(
      'binding-added',
      bb!.strength === 'required' || bb!.strength === 'extensible' ? 'breaking' : 'review',
      `${id} bound (${bb!.strength}) to ${bb!.valueSet ?? '(no value set)'}`,
      { ...e, after: bb },
    );
    return;
  }
  if (!bb) {
    at('binding-removed', 'review', `${id} no longer bound (was ${ba.strength} ${ba.valueSet ?? ''})`, { ...e, before: ba });
    return;
  }
  if (ba.strength !== bb.strength) {
    const tighter = STRENGTH[bb.strength] > STRENGTH[ba.strength];
    at('binding-strength', tighter ? 'breaking' : 'review', `${id} binding ${ba.strength} → ${bb.strength}`, {
      ...e,
      before: ba.strength,
      after: bb.strength,
    });
  }
  if ((ba.valueSet ?? '') !== (bb.valueSet ?? '')) {
    const [ua, va] = splitVersion(ba.valueSet);
    const [ub, vb] = splitVersion(bb.valueSet);
    if (ua === ub && (va === undefined || vb === undefined)) {
      at('binding-valueset', 'info', `${id} value set version pin`, { ...e, key: PIN });
      return;
    }
    const text =
      ua === ub
        ? `${id} value set ${ub} version ${va ?? '(unversioned)'} → ${vb ?? '(unversioned)'}`
        : `${id} value set ${ba.valueSet ?? '(none)'} → ${bb.valueSet ?? '(none)'}`;
    // another value set may hold other codes; another version of the same one: see its own diff
    const impact: Impact = ua !== ub && (bb.strength === 'required' || bb.strength === 'extensible') ? 'breaking' : 'review';
    at('binding-valueset', impact, text, { ...e, before: ba.valueSet, after: bb.valueSet });
  }
}

function splitVersion(canonical: string | undefined): [string | undefined, string | undefined] {
  if (canonical === undefined) return [undefined, undefined];
  const bar = canonical.indexOf('|');
  return bar < 0 ? [canonical, undefined] : [canonical.slice(0, bar), canonical.slice(bar + 1)];
}

function describeSlicing(s: fhir4.ElementDefinitionSlicing): string {
  const d = (s.discriminator ?? []).map((x) => `${x.type}:${x.path}`).join(', ');
  return `[${d}] ${s.rules}${s.ordered ? ' ordered' : ''}`;
}

/** The types of both elements that both have carry the same profiles and target profiles. */
function sameProfiles(a: ED, b: ED): boolean {
  const byCode = new Map((a.type ?? []).map((t) => [t.code, typeKey({ ...a, type: [t] })]));
  return (b.type ?? []).every((t) => !byCode.has(t.code) || byCode.get(t.code) === typeKey({ ...b, type: [t] }));
}

/**
 * Every type of `b` asks no more than the same type of `a`: no profile where `a` had one or the
 * same profiles and more, and likewise for reference targets.
 */
function widerProfiles(a: ED, b: ED): boolean {
  const strip = (c: string): string => c.replace(/\|.*$/, '');
  const wider = (x: string[] | undefined, y: string[] | undefined): boolean => {
    if (!y || y.length === 0) return true;
    const ys = new Set(y.map(strip));
    return !!x && x.length > 0 && x.every((p) => ys.has(strip(p)));
  };
  return (b.type ?? []).every((tb) => {
    const ta = (a.type ?? []).find((t) => t.code === tb.code);
    return !!ta && wider(ta.profile, tb.profile) && wider(ta.targetProfile, tb.targetProfile);
  });
}

function typeKey(e: ED, unversioned = false): string {
  const strip = (c: string): string => (unversioned ? c.replace(/\|.*$/, '') : c);
  return (e.type ?? [])
    .map((t) => {
      const profiles = (t.profile ?? []).map(strip).sort().join(',');
      const targets = (t.targetProfile ?? []).map(strip).sort().join(',');
      return `${t.code}${profiles ? `(${profiles})` : ''}${targets ? `→(${targets})` : ''}`;
    })
    .sort()
    .join(' | ');
}

function valueOf(e: ED, prefix: 'fixed' | 'pattern'): unknown {
  for (const [k, v] of Object.entries(e)) if (k.startsWith(prefix) && /^[A-Z]/.test(k.slice(prefix.length))) return v;
  return undefined;
}

function compact(json: string): string {
  return json.length > 160 ? `${json.slice(0, 157)}…` : json;
}

/**
 * Slices renamed between the versions: a slice gone from A and a slice new in B at the same
 * element, whose content (cardinality, types, fixed/pattern values of it and everything below
 * it, with slice names taken out) is identical.
 */
function sliceRenames(a: ED[], b: ED[]): Map<string, string> {
  const idsA = new Set(a.map((e) => e.id ?? e.path));
  const idsB = new Set(b.map((e) => e.id ?? e.path));
  const slices = (els: ED[], other: Set<string>) =>
    els.map((e) => e.id ?? e.path).filter((id) => isSlice(id) && !other.has(id) && !isSlice(id.slice(0, id.lastIndexOf(':'))));
  const gone = slices(a, idsB);
  const added = slices(b, idsA);
  const out = new Map<string, string>();
  const signature = (els: ED[], sliceId: string): string =>
    stableStringify(
      els
        .filter((e) => {
          const id = e.id ?? e.path;
          return id === sliceId || id.startsWith(`${sliceId}.`) || id.startsWith(`${sliceId}:`);
        })
        .map((e) => {
          const id = (e.id ?? e.path).slice(sliceId.length);
          return [id, e.min, e.max, typeKey(e), valueOf(e, 'fixed') ?? null, valueOf(e, 'pattern') ?? null];
        }),
    );
  for (const g of gone) {
    const parent = g.slice(0, g.lastIndexOf(':'));
    const sig = signature(a, g);
    const match = added.find((n) => n.slice(0, n.lastIndexOf(':')) === parent && ![...out.values()].includes(n) && signature(b, n) === sig);
    if (match) out.set(g, match);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// terminology

function codesOf(r: Json): Set<string> {
  const out = new Set<string>();
  if (r['resourceType'] === 'CodeSystem') {
    const walk = (concepts: unknown): void => {
      if (!Array.isArray(concepts)) return;
      for (const c of concepts as Json[]) {
        if (typeof c['code'] === 'string') out.add(c['code']);
        walk(c['concept']);
      }
    };
    walk(r['concept']);
    return out;
  }
  const compose = r['compose'] as Json | undefined;
  for (const [part, sign] of [
    ['include', ''],
    ['exclude', '-'],
  ] as const) {
    for (const inc of (compose?.[part] as Json[] | undefined) ?? []) {
      const system = `${(inc['system'] as string | undefined) ?? ''}${inc['version'] ? `|${inc['version'] as string}` : ''}`;
      const concepts = inc['concept'] as Json[] | undefined;
      if (concepts) for (const c of concepts) out.add(`${sign}${system}#${c['code'] as string}`);
      else
        out.add(
          `${sign}${system}${inc['filter'] ? ` where ${stableStringify(inc['filter'])}` : ' (all)'}${inc['valueSet'] ? ` from ${stableStringify(inc['valueSet'])}` : ''}`,
        );
    }
  }
  return out;
}

function compareTerminology(a: Json, b: Json, changes: Change[]): void {
  const at = (kind: ChangeKind, impact: Impact, text: string, extra: Partial<Change> = {}): void => {
    changes.push(resourceChange(kind, impact, b, text, extra));
  };
  if (a['version'] !== b['version'])
    at(
      'terminology-version',
      'info',
      `${label(b)} version ${(a['version'] as string | undefined) ?? '(none)'} → ${(b['version'] as string | undefined) ?? '(none)'}`,
      { before: a['version'], after: b['version'] },
    );
  const ca = codesOf(a);
  const cb = codesOf(b);
  const added = [...cb].filter((c) => !ca.has(c));
  const removed = [...ca].filter((c) => !cb.has(c));
  if (added.length) at('codes-added', 'review', `${label(b)}: ${added.length} code(s) or rule(s) added: ${list(added)}`, { after: added });
  if (removed.length)
    at('codes-removed', 'breaking', `${label(b)}: ${removed.length} code(s) or rule(s) removed: ${list(removed)}`, { before: removed });
  if (!added.length && !removed.length) {
    const sa = stableStringify(a['compose'] ?? a['concept'] ?? null);
    const sb = stableStringify(b['compose'] ?? b['concept'] ?? null);
    if (sa !== sb) at('terminology-changed', 'info', `${label(b)}: displays, designations or properties changed`);
  }
}

function list(items: string[]): string {
  return items.length > 8 ? `${items.slice(0, 8).join(', ')} … (+${items.length - 8})` : items.join(', ');
}
