import type { ElementPlan } from '../../plan/plan.js';

/** Split a discriminator path on dots outside parentheses and quotes. */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let cur = '';
  for (const ch of path) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      cur += ch;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '.' && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** A discriminator (or a slice's definition at its path) that cannot be evaluated here. */
export class NotEvaluable extends Error {}

/**
 * A discriminator that goes through `resolve()` on a reference whose target is not at hand (a standalone
 * resource's reference to a resource elsewhere, not among the `--context` resources): whether the item
 * belongs to the slice cannot be decided — neither passed nor failed.
 */
export class Undecided extends NotEvaluable {
  constructor(readonly reference: string) {
    super(`reference ${reference} does not resolve here`);
  }
}

/** What a slice defines at a discriminator path: element definitions, allowed types, profiles. */
export interface Target {
  nodes: ElementPlan[];
  types: string[];
  profiles: string[];
}

/**
 * What slicing works out once per validator rather than per item: the segments of each
 * discriminator path, and what each slice defines at a path (both depend only on the profiles).
 */
export class SlicingMemo {
  readonly paths = new Map<string, string[]>();
  readonly targets = new WeakMap<ElementPlan, Map<string, Target | NotEvaluable>>();

  segments(path: string): string[] {
    let s = this.paths.get(path);
    if (!s) {
      s = splitPath(path);
      this.paths.set(path, s);
    }
    return s;
  }
}
