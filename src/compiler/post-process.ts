import type { Resolver } from '../defs/registry.js';
import type { StructureDefinitionIR } from '../ir/types.js';
import type { Diagnostics } from './diagnostics.js';
import { orderFields } from './differential.js';
import type { ElementList, ED, SD } from './element-list.js';
import { fhirTypeCode } from '../fhir/types.js';
import { capitalize } from '../util/text.js';
import type { SnapshotRules } from './snapshot-rules.js';

export interface FinishContext {
  ir: StructureDefinitionIR;
  resolver: Resolver;
  diagnostics: Diagnostics;
  /** Element ids the profile's rules addressed or created. */
  touched: Set<string>;
  parent: SD;
  /** The element ids of the parent's snapshot. */
  parentIds: ReadonlySet<string>;
  rules: SnapshotRules;
}

/**
 * Snapshot finishing steps the FHIR snapshot generator performs after the differential is
 * merged. Each one reproduces a published behaviour; see docs/compiler/snapshot-generation.md.
 */
export function finishSnapshot(list: ElementList, ctx: FinishContext): void {
  finishTypeSlicing(list, ctx);
  for (let i = 0; i < list.elements.length; i++) list.elements[i] = orderFields(list.elements[i]!);
}

function directSlices(list: ElementList, choice: ED): ED[] {
  const prefix = `${choice.id}:`;
  return list.elements.filter(
    (e) => e.id!.startsWith(prefix) && !e.id!.slice(prefix.length).includes('.') && !e.id!.slice(prefix.length).includes(':'),
  );
}

/**
 * Type slicing on choice elements (`onset[x]:onsetDateTime`), as the snapshot generator leaves it:
 * slicing `type`/`$this`, unordered, closed; a type slice with min ≥ 1 (which must be the last one)
 * fixes the choice to its type and makes the choice required; if types remain that no slice
 * covers, the slicing is re-opened, except on an extension's `value[x]` addressed only through its
 * slices, where the uncovered types are dropped. When the parent had sliced the choice already and
 * this profile addresses only type slices, early 2025 builds keep only the sliced types. A type slice
 * with max 0 removes its type.
 */
function finishTypeSlicing(list: ElementList, ctx: FinishContext): void {
  for (const choice of list.elements) {
    if (!choice.id!.endsWith('[x]') || choice.sliceName !== undefined) continue;
    const slices = directSlices(list, choice);
    if (slices.length === 0) continue;
    const involved = ctx.touched.has(choice.id!) || slices.some((s) => ctx.touched.has(s.id!));
    if (!involved) continue;
    const parentHadSlicing = list.original(choice.id!)?.slicing !== undefined;
    const shortCut = !ctx.touched.has(choice.id!);
    choice.slicing = { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'closed' };
    let fixedType: string | undefined;
    const typeListSize = slices.length + (shortCut ? 0 : 1);
    slices.forEach((s, i) => {
      if ((s.min ?? 0) > 0) {
        if (i !== slices.length - 1) {
          ctx.diagnostics.report('compile/invalid-value', `${ctx.ir.id}: ${s.id}: only the last type slice may be required`, {
            resource: ctx.ir.url,
            source: ctx.ir.source,
          });
        } else {
          choice.min = 1;
          fixedType = s.type?.length === 1 ? fhirTypeCode(s.type[0]!) : undefined;
        }
      }
      if (typeListSize > 2) s.min = 0;
    });
    if (fixedType) choice.type = (choice.type ?? []).filter((t) => fhirTypeCode(t) === fixedType);
    if (choice.max !== '0' && !parentHadSlicing) {
      const covered = new Set(slices.flatMap((s) => (s.type ?? []).map(fhirTypeCode)));
      const stem = choice.path.slice(choice.path.lastIndexOf('.') + 1, -3);
      for (const s of slices) {
        const named = (choice.type ?? []).map(fhirTypeCode).find((c) => stem + capitalize(c) === s.sliceName);
        if (named) covered.add(named);
      }
      const allowed = (choice.type ?? []).map(fhirTypeCode).filter((c) => !covered.has(c));
      if (allowed.length > 0) {
        if (choice.path.includes('xtension.value') && shortCut) {
          choice.type = (choice.type ?? []).filter((t) => covered.has(fhirTypeCode(t)));
        } else {
          choice.slicing.rules = 'open';
        }
      }
    }
    if (
      choice.max !== '0' &&
      parentHadSlicing &&
      shortCut &&
      !ctx.rules.keepChoiceTypesOnAddedTypeSlice &&
      slices.some((s) => !ctx.parentIds.has(s.id!))
    ) {
      // the parent sliced the choice already and this profile adds a type slice of its own: the
      // choice keeps only the sliced types (HCO 1.1.0's valueString beside Core 2.4.0's
      // valueQuantity gives Quantity | string); re-constraining the parent's slices alone keeps
      // every type (DK Core's dk-core-basic-observation, 2024 and 2025 builds alike). Builds
      // from September 2025 keep every type here too (`keepChoiceTypesOnAddedTypeSlice`)
      const covered = new Set(slices.flatMap((s) => (s.type ?? []).map(fhirTypeCode)));
      choice.type = (choice.type ?? []).filter((t) => covered.has(fhirTypeCode(t)));
    }
    for (const s of slices) {
      if (s.max === '0') {
        const gone = new Set((s.type ?? []).map(fhirTypeCode));
        choice.type = (choice.type ?? []).filter((t) => !gone.has(fhirTypeCode(t)));
      }
    }
  }
}
