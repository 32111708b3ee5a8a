import type { ED, SD } from '../element-list.js';
import { fhirTypeCode } from '../../fhir/types.js';
import type { ApplyContext } from './context.js';
import { profileRootTemplate } from './template.js';
import { resolveSd } from './type.js';

export const EXTENSION_SLICING: fhir4.ElementDefinitionSlicing = {
  discriminator: [{ type: 'value', path: 'url' }],
  ordered: false,
  rules: 'open',
};

/**
 * Slicing definitions. On an element the parent had not sliced, the slicing is set as given; on a
 * sliced one it is merged the way the snapshot generator does: discriminators must start with the
 * parent's (new ones are appended), `ordered` and `rules` are taken over, the description is kept.
 */
export function applySlicing(ctx: ApplyContext): void {
  const { rule, el } = ctx;
  if (!rule.slicing) return;
  const before = el.slicing;
  if (!before) {
    const s: fhir4.ElementDefinitionSlicing = {
      discriminator: rule.slicing.discriminator.map((d) => ({ ...d })),
      rules: rule.slicing.rules,
    };
    if (rule.slicing.ordered !== undefined) s.ordered = rule.slicing.ordered;
    if (rule.slicing.description !== undefined) s.description = rule.slicing.description;
    el.slicing = orderSlicing(s);
    return;
  }
  const mine = rule.slicing.discriminator;
  const theirs = before.discriminator ?? [];
  for (let i = 0; i < Math.min(mine.length, theirs.length); i++) {
    if (mine[i]!.type !== theirs[i]!.type || mine[i]!.path !== theirs[i]!.path) {
      ctx.report(
        'compile/invalid-value',
        `${el.id}: slicing discriminators ${JSON.stringify(mine)} do not start with the parent's ${JSON.stringify(theirs)}`,
      );
      return;
    }
  }
  if (before.rules === 'closed' && rule.slicing.rules !== 'closed') {
    ctx.report('compile/invalid-value', `${el.id}: slicing rules cannot be relaxed from closed to ${rule.slicing.rules}`);
    return;
  }
  if (before.ordered === true && rule.slicing.ordered === false) {
    ctx.report('compile/invalid-value', `${el.id}: slicing cannot become unordered`);
    return;
  }
  const s: fhir4.ElementDefinitionSlicing = structuredClone(before);
  s.discriminator = [...theirs.map((d) => ({ ...d })), ...mine.slice(theirs.length).map((d) => ({ ...d }))];
  if (rule.slicing.ordered !== undefined) s.ordered = rule.slicing.ordered;
  s.rules = rule.slicing.rules;
  el.slicing = orderSlicing(s);
}

/** Slicing with its fields in FHIR's order (discriminator, description, ordered, rules). */
function orderSlicing(s: fhir4.ElementDefinitionSlicing): fhir4.ElementDefinitionSlicing {
  const o: Record<string, unknown> = {};
  if (s.discriminator) o['discriminator'] = s.discriminator;
  if (s.description !== undefined) o['description'] = s.description;
  if (s.ordered !== undefined) o['ordered'] = s.ordered;
  o['rules'] = s.rules;
  return o as unknown as fhir4.ElementDefinitionSlicing;
}

/**
 * Create the slices a rule names (`contains`); an existing slice of that name is left as it is.
 * A new slice starts as the parent's version of the sliced element (not this profile's; under
 * `sliceFromProfileElement`, this profile's), with min 0 and no slicing. An extension slice on an
 * element the parent had not sliced starts from the extension definition's root element instead
 * (keeping the root's invariants); on an already sliced element (every data-type `extension`) it
 * keeps the slicer's.
 */
export function applyContains(ctx: ApplyContext): void {
  const { rule, list } = ctx;
  if (!rule.contains?.length) return;
  for (const c of rule.contains) {
    const el = list.elements[ctx.index]!;
    const sliceId = `${el.id}:${c.name}`;
    if (list.indexOf(sliceId) !== undefined) continue;
    const isExtension = (el.type ?? []).some((t) => fhirTypeCode(t) === 'Extension');
    if (!el.slicing) {
      if (isExtension) el.slicing = structuredClone(EXTENSION_SLICING);
      else {
        ctx.report('compile/slicing-missing', `${el.id}: slice '${c.name}' needs a slicing definition on the element`);
        continue;
      }
    }
    const base = list.original(el.id!) ?? el;
    let slice = newSlice(ctx.rules.sliceFromProfileElement ? el : base, c.name);
    if (c.profile) {
      const code = el.type?.[0] ? fhirTypeCode(el.type[0]) : 'Extension';
      const sd: SD | undefined = resolveSd(ctx.resolver, c.profile);
      if (!sd) {
        ctx.report('compile/unresolved-canonical', `${el.id}: ${c.profile} cannot be resolved`);
        continue;
      }
      const root = sd.snapshot?.element?.[0] as ED | undefined;
      if (!base.slicing && root) slice = profileRootTemplate(root, slice, code, sd.kind === 'resource');
      slice.type = [{ code, profile: [c.profile] }];
    }
    list.insert(list.subtreeEnd(list.indexOf(el.id!)!), [slice]);
    // the differential states a new slice by what the author set: its type (profile) and the
    // rules that follow, not what the snapshot generator derives from the extension's root
    const stated = structuredClone(slice);
    if (base.type) stated.type = structuredClone(base.type);
    else delete stated.type;
    list.setOriginal(slice.id!, stated);
  }
}

function sliceOf(base: ED, name: string): ED {
  const s = structuredClone(base);
  delete s.slicing;
  s.id = `${base.id}:${name}`;
  s.sliceName = name;
  return s;
}

/** A new slice: a copy of the (parent's) sliced element without its slicing, min 0. */
export function newSlice(base: ED, name: string): ED {
  const slice = structuredClone(base);
  delete slice.slicing;
  slice.id = `${base.id}:${name}`;
  slice.sliceName = name;
  slice.min = 0;
  return slice;
}

/**
 * A type slice of a choice element (`onset[x]:onsetDateTime`), created on first use from the
 * parent's choice element (keeping its min), narrowed to the one type.
 */
export function createTypeSlice(list: ApplyContext['list'], choiceIndex: number, name: string, typeCode: string): number {
  const el = list.elements[choiceIndex]!;
  if (!el.slicing) {
    el.slicing = { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' };
  }
  const base = list.original(el.id!) ?? el;
  const slice = structuredClone(base);
  delete slice.slicing;
  slice.id = `${el.id}:${name}`;
  slice.sliceName = name;
  slice.type = (base.type ?? []).filter((t) => fhirTypeCode(t) === typeCode).map((t) => structuredClone(t));
  // like any new slice, a type slice starts at min 0 (a required choice does not make each type required)
  slice.min = 0;
  list.insert(list.subtreeEnd(choiceIndex), [slice]);
  const original = sliceOf(base, name);
  original.min = 0;
  list.setOriginal(slice.id, original);
  return list.indexOf(slice.id)!;
}
