import type { RuleId } from '../rules/registry.js';
import type { da } from './da.js';
import type { en } from './en.js';

/** The `{name}` placeholders of a message template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** A message parameter's value. */
export type ParamValue = string | number;

/** The params of any finding (as an Issue carries them). */
export type IssueParams = Record<string, ParamValue>;

/**
 * Params a rule's findings carry that its message does not print (an `input/more-issues` finding's
 * scope, for reports that group them).
 */
interface ExtraParams {
  'input/more-issues': { scope: string };
}

/**
 * The params a finding of rule `R` must carry: one for each `{name}` of its English message (a
 * missing or misspelt name fails tsc), plus its extras.
 */
export type ParamsOf<R extends RuleId> = Named<Placeholders<(typeof en)[R]>> & (R extends keyof ExtraParams ? ExtraParams[R] : unknown);
/** One param per name; none at all for a message without placeholders. */
type Named<N extends string> = [N] extends [never] ? Record<string, never> : { [K in N]: ParamValue };

/** The rules whose Danish message has other placeholders than the English one (none, or tsc fails below). */
type Mismatched = {
  [R in RuleId]: [Placeholders<(typeof en)[R]>] extends [Placeholders<(typeof da)[R]>]
    ? [Placeholders<(typeof da)[R]>] extends [Placeholders<(typeof en)[R]>]
      ? never
      : R
    : R;
}[RuleId];
/** A compile-time check: the Danish templates use the same placeholders as the English ones. */
export const DA_PLACEHOLDERS_MATCH: [Mismatched] extends [never] ? true : { mismatched: Mismatched } = true;
