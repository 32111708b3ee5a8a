import type { RuleId } from './registry.js';

/**
 * Findings that restate another finding at a related place: when both are reported, the first is a follow-on
 * of the second (`Issue.causedBy`), unless its rule already named another cause. Read by the sink when a
 * file's report is final (src/validator/context.ts), in this order.
 */
export interface Restatement {
  /** The finding that only restates: its rule (and constraint). */
  follows: RuleId;
  followsKey?: string;
  /** The finding it restates. */
  from: RuleId;
  fromKey?: string;
  /**
   * Where that finding is: at the same place; at the element above (`…extension[0]` for `…extension[0].value`);
   * for a follow-on at `….<last>`, at `….<sibling>`; at a child of the follow-on's place (`….<child>`); or anywhere
   * at or below it (`under`: the first one listed).
   */
  at: 'same' | 'parent' | { last: string; sibling: string } | { child: string } | 'under';
  /** Only a finding whose string parameter `name` starts with `prefix` is the one restated (`#`: a local reference). */
  fromParam?: { name: string; prefix: string };
}

export const RESTATEMENTS: readonly Restatement[] = [
  // the element's own min, short because a required slice is empty: the slice names what is missing
  { follows: 'cardinality/min', from: 'slicing/slice-min', at: 'same' },
  // a code that differs from the element's pattern or fixed value is, for that reason, not in its value set either
  { follows: 'bindings/required', from: 'fixed-pattern/pattern-mismatch', at: 'same' },
  { follows: 'bindings/required', from: 'fixed-pattern/fixed-mismatch', at: 'same' },
  { follows: 'bindings/extensible', from: 'fixed-pattern/pattern-mismatch', at: 'same' },
  // a coding's display that differs from the pattern's, beside a code that differs: the display goes with the code
  { follows: 'fixed-pattern/pattern-mismatch', from: 'fixed-pattern/pattern-mismatch', at: { last: 'display', sibling: 'code' } },
  { follows: 'fixed-pattern/fixed-mismatch', from: 'fixed-pattern/fixed-mismatch', at: { last: 'display', sibling: 'code' } },
  // an extension with neither value nor sub-extensions (ext-1): the profile's min on its value says the same
  { follows: 'cardinality/min', from: 'structure/extension-invalid', at: 'parent' },
  // narrative with a script (txt-1) has no other content either (txt-2)
  { follows: 'invariants/failed', followsKey: 'txt-2', from: 'invariants/failed', fromKey: 'txt-1', at: 'same' },
  // a local reference (`#id`) that names no contained resource fails ref-1 of its Reference for that reason
  {
    follows: 'invariants/failed',
    followsKey: 'ref-1',
    from: 'references/unresolved',
    fromParam: { name: 'reference', prefix: '#' },
    at: { child: 'reference' },
  },
  // a contained resource that no reference reaches (dom-3), where a local reference of the resource (or of one of its
  // contained resources) names no contained resource: the reference that was meant for it is the one that dangles
  {
    follows: 'invariants/failed',
    followsKey: 'dom-3',
    from: 'references/unresolved',
    fromParam: { name: 'reference', prefix: '#' },
    at: 'under',
  },
  // a canonical that is not url|semver has no fixed major version either
  {
    follows: 'invariants/failed',
    followsKey: 'medcom-canonical-fixed-major',
    from: 'invariants/failed',
    fromKey: 'medcom-canonical-semver',
    at: 'same',
  },
];
